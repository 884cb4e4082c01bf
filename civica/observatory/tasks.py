"""The observatory's background work (civica.queue), discovered by Celery from this module: each slice's
tasks live in a module of its own, imported here so a worker registers them."""

from . import campaign_tasks  # noqa: F401 -- campaigns' e-mails and reminders
