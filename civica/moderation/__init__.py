"""Reports, hiding and the audit log for anything moderatable (moved out of participation by issue 13,
point 1; tables renamed, every row kept; migrations 0003–0005 turned the consultation key into a scope).

- ``registry`` — ``moderatables``: an app registers a model with a ``Moderatable`` (its kind, its scope
  and the field holding it, what the author is told, its addresses, its report threshold, what the
  queue loads with it). Ideas, debates and conversations' statements (participation) and comments are
  registered.
- ``models`` — ``Report`` and ``ModerationAction``, each pointing at its target and at a generic
  **scope** (as ``accounts.RoleAssignment.scope``): the scope's moderators decide, the site's moderators
  decide what has none.
- ``services`` — ``report_create`` (hides a target past its threshold of open reports) and ``moderate``
  (hide or restore, with a reason); each writes a ``ModerationAction`` and tells the author through
  notifications.
- ``selectors`` — ``moderation_queue`` (one query for the reports, one per kind) and ``moderation_log``,
  reading only the scopes the moderator holds.
- ``rules`` — ``moderation.report``, ``moderation.moderate``, ``moderation.view_queue``.
- Pre-moderation (issue 21, point 5): ``models.ReviewState`` (a kind's ``review_state`` column),
  ``registry.premoderation`` (which scopes make new contributions wait), ``services.review_hold`` /
  ``review_submitted`` / ``review_changed`` / ``review_decide`` / ``review_imported`` and
  ``selectors.waiting_for_approval`` /
  ``waiting_counts``; ``moderation.review``, ``moderation.see_unpublished``, ``moderation.resubmit``.
- ``views`` — ``/<lang>/moderation/``, ``waiting/``, ``review/<kind>/<id>/`` and ``log/``; the report and
  moderate forms of other apps end in
  ``report_target`` / ``moderate_target``.
"""
