"""Polls and surveys of a consultation, open while their phase runs.

- ``models`` — ``Poll``, ``Question`` (one choice, several, ranking, scale 1–5, free text),
  ``Choice``, and each ``PollResponse`` with its ``PollAnswer`` rows (registered with the
  participation app through its ``models`` module; tables ``participation_poll…``).
- ``services`` — ``poll_respond`` (one response per participant, or per browser key for anonymous
  polls: unique constraints, so a double submission records one) and ``poll_save`` (an editor saves
  the poll, its questions and choices in one transaction).
- ``change_rules`` — what may change once a poll has answers, plain data in, reasons out: wording
  yes; removing answered questions or choices, changing kinds, tightening limits, adding a choice to
  an answered ranking or a required question, no.
- ``selectors`` — the poll page's reads in a fixed number of queries; ``poll_results`` from one query.
- ``results`` — plain-data arithmetic: choice shares, Borda points, scale means.
- ``views`` / ``forms`` — answering (the form built from the questions), results, and the CSV export
  for the consultation's moderators (spreadsheet formulas neutralised by ``core.exports``).
The editors' poll screen is in ``participation.manage``.
"""
