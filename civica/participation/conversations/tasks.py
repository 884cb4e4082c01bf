"""The opinion map, recomputed in the background (``civica.queue``; in-process when there is no broker).

``map_requested`` is called after a vote (or a review that changes what counts) commits. It queues
``recompute_map`` only when no recomputation is already due: one conditional UPDATE sets
``map_due_at`` to now + ``CONVERSATION_MAP_DEBOUNCE`` seconds where it is empty or past, and the task is
queued with that countdown only by the request whose UPDATE changed the row. Votes within the window
are read by that one run, which reads every vote when it runs. So a conversation is recomputed at
most once a window, and never inside a vote's request (with a broker).

In a worker the recomputation runs at a lower CPU priority (``CONVERSATION_MAP_NICENESS``, default 10):
it shares the cores with the app servers, and votes queued behind seconds of clustering made their p95
long. On Linux a thread's niceness is its own, so the computation runs in a thread of its own whose
niceness is raised, and the worker's other threads (and its later tasks) keep theirs: an unprivileged
thread can never lower its niceness again, so it is a thread that ends with the computation. Elsewhere,
and in-process without a broker (inside the request that asked), it runs as it is."""

import datetime
import os
import sys
import threading

from django.conf import settings
from django.db import connections
from django.db.models import Q
from django.utils import timezone

from civica.queue.tasks import background_task

DEFAULT_DEBOUNCE_SECONDS = 30
DEFAULT_NICENESS = 10


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


def niceness() -> int:
    return int(getattr(settings, "CONVERSATION_MAP_NICENESS", DEFAULT_NICENESS))


def at_low_priority(function, *args, niceness: int):
    """``function(*args)`` in a thread of its own, ``niceness`` added to its CPU priority (Linux); its
    result, or its exception raised here. The thread's database connections are closed when it ends."""
    outcome = {}

    def run():
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(),
                           os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) + niceness)
        except OSError:
            pass  # not allowed here: the computation runs all the same
        try:
            outcome["result"] = function(*args)
        except BaseException as error:  # re-raised in the caller's thread below
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name="low-priority")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


@background_task(bind=True)
def recompute_map(self, conversation_id):
    from .opinion import compute_map

    if self.request.is_eager or not sys.platform.startswith("linux") or niceness() <= 0:
        compute_map(conversation_id)
    else:
        at_low_priority(compute_map, conversation_id, niceness=niceness())
