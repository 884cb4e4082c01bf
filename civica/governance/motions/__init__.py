"""General Assembly votes (issue 18, point 5): motions put to the member organisations, one vote per
organisation, cast by one of its current representatives; quorum and majority as data per motion.

- ``models``: ``Motion`` (draft → open → closed, ``MOTION_TRANSITIONS``), ``MotionOption``,
  ``MotionDocument`` (public PDFs, as a meeting's documents), ``MotionVote`` (unique per motion and
  organisation).
- ``tally``: the result from plain numbers (counts, turnout, quorum, majority → adopted or rejected).
- ``services``: ``motion_create``, ``motion_open`` (snapshots the electorate), ``motion_close``,
  ``vote_cast`` (locks the motion, re-checks window, status and representation under the lock).
- ``selectors``: what the pages read; ``views`` and ``urls``: ``/<lang>/network/bodies/motions/…``.

Decisions (documented in ARCHITECTURE.md):
- A vote is final: an organisation votes once and its vote cannot be changed, so two representatives
  voting at once never overwrite each other (the second is told who voted, and when).
- Closing is derived on read: a motion whose window has ended is closed for every page and every
  vote from ``closes_at`` on, whether or not the beat task (``tasks.close_ended_motions``) has
  already recorded the move. Results (counts per option) are shown only once closed; before that
  only the turnout so far.
"""
