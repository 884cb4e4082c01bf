"""Comments on anything commentable (moved out of participation by issue 13, point 1; tables renamed,
every row kept): threads three levels deep, a position for, against or neutral where the target wants one,
up and down votes, edits within 15 minutes, "comment deleted" placeholders that keep a thread whole.

- ``registry`` — ``commentables``: an app makes a model commentable in its ``rules.py`` with a
  ``Commentable`` (when comments are open, why they are closed, who may read the target, its scope, its
  report threshold); comments never import that app. Ideas and debates (participation), meetings and
  plans are registered.
- ``models`` — ``Comment`` with its target and a generic **scope** (the object whose moderators decide,
  an idea's or a debate's consultation; empty for the site's moderators), ``CommentVote``.
- ``rules`` / ``predicates`` / ``refusals`` — ``comments.post / edit / remove / vote``, asked of the
  target's entry, and why not in the person's language.
- ``services`` — post (the target's followers and the replied-to author are told; the writer follows
  the target), edit, remove (authors only; moderators hide), vote, with counters on the target and the
  parent; ``selectors.comment_thread`` builds the tree from one query.
- ``section`` and ``{% show_comments %}`` — how another app's page shows a thread and posts to it;
  ``views`` — ``/<lang>/comments/<id>/…``: edit, delete, vote, report, moderate.
- Comments register themselves as moderatable; ``demo.seed_conversation`` writes a conversation for the
  other apps' demo loaders; ``personal_data`` exports a person's comments and, on deletion, keeps those
  others replied to (anonymised) and removes the rest.
"""
