"""A consultation's contributions as data (issue 20, point 5): its ideas, the supports of each idea, its
debates, the comments on its ideas and debates with their thread, and its polls' answers.

- ``rows``: each dataset as columns and rows, read a chunk at a time (``QuerySet.iterator``), for one of
  three **audiences**: the public (no person at all, nothing hidden by moderation or deleted, only the
  polls whose results are public and no free-text answer), the staff with codes (the consultation's
  moderators: every row, the hidden ones flagged, people as codes) and the staff with names (editors and
  administrators: the codes and each person's public name too). A code is a keyed hash of the person's id
  with the site's secret key and the consultation's id: the same person has the same code in every
  dataset of one consultation, another in the next, and neither their id nor their e-mail can be read from it.
- ``streams``: the files, in constant memory: a CSV per dataset and a ZIP of them all, streamed as they
  are written; a JSON of them all, streamed; an XLSX workbook (a sheet per dataset and one saying what the
  data is) written row by row (xlsxwriter's ``constant_memory``) to a temporary file that is then sent. Every
  cell a person typed goes through ``core.exports`` so that a spreadsheet never runs it as a formula.
- ``views``: the public downloads (``/<slug>/open-data/<file>``, on the consultation's page and in the
  site's open-data catalogue through ``participation.datasets``) and the staff's page and downloads
  (``/<slug>/manage/exports/``), allowed by ``participation.export_contributions`` (the consultation's
  moderators, editors, administrators); names by ``participation.export_contributions_with_names``
  (editors and administrators only: a moderator reviews content, and needs no one's name to do so).
"""
