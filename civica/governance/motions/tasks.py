"""The beat task that records the close of motions whose window has ended (pages and votes already
treat them as closed from ``closes_at`` on: this keeps the stored status and the lists in step)."""

from civica.queue.tasks import background_task

from . import services
from .models import Motion


@background_task
def close_ended_motions() -> int:
    closed = 0
    for motion in Motion.objects.ended_but_open():
        services.motion_close(motion=motion)
        closed += 1
    return closed
