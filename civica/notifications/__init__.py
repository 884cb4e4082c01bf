"""Telling people what happened (moved out of participation by issue 13, point 1; tables renamed, every
row kept). It knows no app above it: they call it.

- ``models`` — ``Follow`` (anyone with an account follows anything: ``notifications.follow``) and
  ``Notification``.
- ``services`` — ``notify`` writes a notification per recipient in their language and, after commit,
  queues the e-mail of those who want it at once (``tasks.send_immediately``); ``tasks.send_digests``
  (daily by celery beat; the ``send_digests`` command by hand) queues a digest per person for the rest;
  every e-mail (``mail``) has a signed unsubscribe link that needs no log-in and a ``List-Unsubscribe``
  header, and is sent once. ``follow_set`` follows or stops following.
- ``selectors`` — ``followers``, ``is_following``, ``unread_count`` (the header's badge, through
  ``context_processors``).
- ``views`` — ``/<lang>/notifications/``: list, open, mark read, unsubscribe. Follows join
  download-my-data (``personal_data``).
"""
