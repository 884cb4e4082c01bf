"""Consultations: a ``Process`` with ordered phases, ideas and their supports, debates, polls, and the
editors' screens that run them.

- ``phases`` — what each kind of phase allows, declared once in a registry (``PhaseContent``: key, name,
  description, actions); ``predicates.phase_allows(action)`` turns "the active phase allows X" into a
  rules predicate, computed from ``process.phases.all()`` so a prefetch serves whole lists.
- ``rules`` — every action by phase, role and verification; the ones that say why they refuse (propose,
  edit, support an idea; answer a poll) are declared with ``core.refusals`` requirements. It also
  registers what participation shares with the apps below it: ideas and debates take comments
  (``comments.registry.commentables``: open while the phase allows commenting, scoped to their
  consultation, with its report threshold) and are moderatable (``moderation.registry.moderatables``: the
  consultation's moderators decide).
- ``services`` / ``selectors`` — writes and reads of processes, phases, categories, ideas and debates;
  ``lookups`` finds what a page shows, "not found" alike for what is missing and what may not be read.
- ``blueprints`` and ``schedule`` — the phase sequences a consultation starts from and the date
  arithmetic that lays them out and checks them.
- ``polls/`` — polls and surveys (their own models, services, selectors, results, views).
- ``manage/`` — the editors' screens (``/processes/manage/``, ``<slug>/manage/…``).
- ``views/`` — the public pages by page family: ``processes``, ``ideas``, ``debates``, and ``reporting``
  (the report and moderate forms of ideas and debates find the target and hand it to moderation's
  ``report_target`` / ``moderate_target``); comments are posted through ``comments.section``;
  ``lookups`` finds what a page shows, answering "not found" alike for missing and unreadable.
- ``feeds`` (RSS and Atom per process), ``searchables`` (what the site search finds), ``personal_data``,
  ``demo``; the admin keeps every model for what has no screen yet (tags).
"""
