"""What the race tests of every app share: the same actions started at the same instant, each on
its own database connection (PostgreSQL only: SQLite serialises every writer)."""

import threading

import pytest
from django.db import connection, connections


def skip_unless_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("parallel writes need PostgreSQL (SQLite serialises every writer)")


def run_together(calls):
    """Run every call in its own thread, all released at once; return what each raised (or None)."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
        except Exception as error:  # noqa: BLE001 - the test looks at every outcome
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def backend_pid() -> int:
    """This thread's PostgreSQL connection's process, for ``held_until_waiting``."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _waits_for_a_lock(pid) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return bool(row and row[0])


def held_until_waiting(other_pid: list, other_done: threading.Event) -> bool:
    """Called by a thread holding a lock in its open transaction: returns once the other thread's connection
    (its pid in ``other_pid`` once known) waits for a lock, True, or once the other has finished without
    waiting (``other_done``), False."""
    while not other_done.is_set() and not (other_pid and _waits_for_a_lock(other_pid[0])):
        other_done.wait(0.01)
    return not other_done.is_set()
