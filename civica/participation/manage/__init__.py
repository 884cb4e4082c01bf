"""The editors' screens for running consultations (``participation.manage_*`` rules): every process,
drafts included (``/processes/manage/``); a new one from a blueprint (``manage/new/``); a process's
``<slug>/manage/`` with ``edit/``, ``phases/``, ``categories/``, ``debates/…``, ``polls/…`` and
``publish/``. Forms are plain formsets whose ids the services check, so bad input is explained and
kept, never a 500; the writes are participation's and polls' services.
"""
