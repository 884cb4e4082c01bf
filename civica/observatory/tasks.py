"""The observatory's background work (civica.queue), discovered by Celery from this module: counting
again, every night, the indicators made from Civica's own data (``CELERY_BEAT_SCHEDULE``
"observatory-refresh-computed"; the ``observatory_refresh_computed`` command does the same by hand;
running it twice stores the same counts), and the campaigns' e-mails and reminders (``campaigns.tasks``,
imported here so a worker registers them; their Celery names stay those of their old module,
``civica.observatory.campaign_tasks.*``, since beat schedules them and the broker may hold them)."""

from civica.queue.tasks import background_task

from . import services
from .campaigns import tasks as campaign_tasks  # noqa: F401 -- campaigns' e-mails and reminders


@background_task
def refresh_computed() -> int:
    return sum(services.refresh_computed(by=None).values())
