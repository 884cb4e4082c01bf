"""The pages of consultations, a module per page family: ``processes`` (the list, a consultation,
following it), ``ideas``, ``debates`` and ``reporting`` (an idea's or a debate's report and moderation
forms). Polls' pages are in ``polls.views``, the editors' screens in ``manage``."""
