"""Data collection campaigns (issue 19, point 2): an analyst asks organisations for their figures, their
representatives answer (drafts, files, submission), the analysts query back or accept, and accepted answers
become indicator values. ``models/campaigns.py`` holds the rows; here the forms, predicates (used by the
app's ``rules.py``), selectors, services, e-mails (``tasks``), views and addresses."""
