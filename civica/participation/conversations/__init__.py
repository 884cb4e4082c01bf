"""Conversations of a consultation and their opinion map (issue 21, points 2 and 3).

- ``models`` — ``Conversation`` (open while its phase runs; the last map computed), ``Participant``
  (a pseudonym: "Participant 12"), ``Statement`` (seeded, submitted or imported; ``review_state``),
  ``Vote`` (one per participant and statement). Registered through participation's ``models``.
- ``services`` — ``vote_cast`` (changed in place, a double click changes nothing; the participant's
  row locked), ``statement_submit`` (≤ 140 characters, waits for review), ``statements_seed``,
  ``statement_review`` (approve, or take out with a reason), ``conversation_save``.
- ``tasks`` — the debounced background recomputation; ``opinion`` — the computation and its stored
  data; ``mapview`` — the map page's groups, statements and SVG.
- ``polis`` — Pol.is's CSV format in (import into an empty conversation) and out (public, staff).
- ``views`` / ``forms`` / ``selectors`` — the pages (voting with htmx or plain forms, the map, the
  export) and the staff's screen (settings, seeding, review, import, full export).

Pre-moderation: statements keep their own small ``review_state`` (the values of
``moderation.models.ReviewState``) and ``statement_review``, until the shared mechanism of
``civica.moderation`` (issue 21, point 5) takes them over; see ARCHITECTURE.md.
"""
