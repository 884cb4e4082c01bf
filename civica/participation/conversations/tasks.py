"""The opinion map, recomputed in the background (``civica.queue``; in-process when there is no broker).

``map_requested`` is called after a vote (or a review that changes what counts) commits. It queues
``recompute_map`` only when no recomputation is already due: one conditional UPDATE sets
``map_due_at`` to now + ``CONVERSATION_MAP_DEBOUNCE`` seconds where it is empty or past, and the task is
queued with that countdown only by the request whose UPDATE changed the row. Votes within the window
are read by that one run, which reads every vote when it runs. So a conversation is recomputed at
most once a window, and never inside a vote's request (with a broker)."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from civica.queue.tasks import background_task

DEFAULT_DEBOUNCE_SECONDS = 30


def debounce_seconds() -> int:
    return int(getattr(settings, "CONVERSATION_MAP_DEBOUNCE", DEFAULT_DEBOUNCE_SECONDS))


def map_requested(conversation_id, *, due=None) -> bool:
    """Queue a recomputation unless one is due already; True when this call queued it. ``due``: the
    conversation's ``map_due_at`` as the caller read it; still ahead, the run queued for then reads
    the caller's committed vote, and no query is needed (most votes of a busy conversation)."""
    from .models import Conversation

    now = timezone.now()
    if due is not None and due > now:
        return False
    wait = debounce_seconds()
    queued = Conversation.objects.filter(Q(map_due_at__isnull=True) | Q(map_due_at__lte=now),
                                         pk=conversation_id).update(map_due_at=now + datetime.timedelta(seconds=wait))
    if queued:
        recompute_map.apply_async((conversation_id,), countdown=wait)
    return bool(queued)


def recomputation_due(conversation, now=None):
    """When the queued recomputation will run, if one is queued and has not run yet; else None. (Without a
    broker it runs at once, before its window starts: then nothing is pending.)"""
    due, computed = conversation.map_due_at, conversation.map_computed_at
    if due is None or due <= (now or timezone.now()):
        return None
    started = due - datetime.timedelta(seconds=debounce_seconds())
    return due if computed is None or computed < started else None


@background_task
def recompute_map(conversation_id):
    from .opinion import compute_map

    compute_map(conversation_id)
