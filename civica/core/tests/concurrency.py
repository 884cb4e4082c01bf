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
