"""People and roles: the ``User`` (the e-mail is the login), sign-up and log-in through django-allauth,
``RoleAssignment`` (editor, administrator, moderator, evaluator, facilitator), the predicates every app's
rules compose (predicates.py), the account page, download-my-data and delete-my-account.

accounts imports nothing from the other apps but core; whom a person represents is network's
(``network.Representation``)."""
