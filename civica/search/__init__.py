"""One search over everything public, at ``/<lang>/search/?q=…`` (URL namespace ``search``; the header's
search box on every page).

- ``registry`` — what is searched: each app declares its kinds in its own ``searchables.py``
  (``searchables()``, plain data), found through ``core.discovery``; search imports none of them.
- ``query`` — full text on PostgreSQL (stored, GIN-indexed ``search_vector`` columns, ``ts_rank``,
  ``ts_headline``), accent- and case-insensitive substrings on SQLite; one query per kind.
- ``views`` — the page.
Its tests (``search/tests/``) make every app's content, so they may import every app (``.importlinter``).
"""
