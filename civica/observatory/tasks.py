"""The observatory's background work (civica.queue): counting again, every night, the indicators made
from Civica's own data (``CELERY_BEAT_SCHEDULE`` "observatory-refresh-computed"; the
``observatory_refresh_computed`` command does the same by hand). Running it twice stores the same counts."""

from civica.queue.tasks import background_task

from . import services


@background_task
def refresh_computed() -> int:
    return sum(services.refresh_computed(by=None).values())
