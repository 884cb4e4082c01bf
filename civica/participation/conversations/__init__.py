"""Conversations of a consultation and their opinion map (issue 21, points 2 and 3).

- ``models`` — ``Conversation`` (open while its phase runs; the last map computed), ``Participant``
  (a pseudonym: "Participant 12"), ``Statement`` (seeded, submitted or imported; ``review_state`` and
  ``is_hidden`` of the shared pre-moderation),
  ``Vote`` (one per participant and statement). Registered through participation's ``models``.
- ``services`` — ``vote_cast`` (one INSERT … ON CONFLICT that re-checks the statement shown and the
  phase open, the phase's row shared-locked; changed in place, a double click changes nothing),
  ``statement_submit`` (≤ 140 characters, waits for review), ``statements_seed``,
  ``statement_hidden_changed`` (moderation's callback: the map recomputed), ``conversation_save``.
- ``tasks`` — the debounced background recomputation; ``opinion`` — the computation and its stored
  data; ``mapview`` — the map page's groups, statements and SVG.
- ``polis`` — Pol.is's CSV format in (import into an empty conversation) and out (public, staff).
- ``views`` / ``forms`` / ``selectors`` — the pages (voting with htmx or plain forms, the map, the
  export) and the staff's screen (settings, seeding, review, import, full export).

Pre-moderation: statements are a kind of ``civica.moderation`` (registered in participation's ``rules.py``,
"statements"): a participant's always waits for the consultation's moderators (and the site's), who are
told and decide in the moderation queue's waiting section, or on the conversation's staff screen, whose
forms post to moderation's own addresses; approval shows it, rejection tells its author the reason;
a moderator takes a shown statement out by hiding it with a reason (``moderation.moderate``), and its
votes leave the map. Who may: ``moderation.review`` / ``moderation.moderate`` on the statement.
"""
