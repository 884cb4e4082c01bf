"""The task queue: Celery, with Redis as its broker (``CELERY_BROKER_URL``, by default ``REDIS_URL``).

Every app's ``tasks.py`` is discovered. Tasks are ``celery.contrib.django.task.DjangoTask``s, so a
service enqueues after its transaction commits with ``task.delay_on_commit(...)``. Without a broker
(the embedded demo, tests) ``CELERY_TASK_ALWAYS_EAGER`` runs every task in the process that enqueued
it. Start a worker with ``celery -A config worker`` and the scheduler with ``celery -A config beat``
(README, deploying; ``make worker`` for development); what goes to the queue is in ARCHITECTURE.md."""

from celery import Celery

# No default for DJANGO_SETTINGS_MODULE here: this module is imported with the ``config`` package, before
# wsgi.py and manage.py choose theirs. The worker and beat are started with it set (README, Makefile).
app = Celery("civica", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
