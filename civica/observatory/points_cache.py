"""Each indicator's audited figures kept in the shared cache until its values change (issue 19's bench).

Auditing an indicator (``disclosure.protect`` over every organisation's value of every year and group)
is what a dashboard costs: 20 indicators × 10 years × 200 organisations read 40,000 rows and audit them
on every render. What the audit decides depends only on the indicator's rows (``IndicatorValue``), its
``aggregation`` and the disclosure settings, so ``selectors`` keeps its result, every cell as it may be
published (``selectors.Point``), per indicator under a key made of those settings and a *values
generation*.

The generation moves on every statement that writes to the values' or the indicators' table (``INSERT``,
``UPDATE``, ``DELETE``, from any code: services, the import's prepared statements, bulk writes, the
cascade of a deleted organisation), seen by the database execute wrapper of ``core.write_watch``, as
``core.page_cache`` sees writes: at once, and again when the transaction commits, so figures audited from
rows read before the commit are never current after it. One generation for every indicator: a write to
one indicator's values makes the others' kept figures stale too (they are audited again on their next
read). Writes are rare beside reads (an import, an accepted answer, the nightly count), and a counter
per indicator would need the indicator of each statement, which the wrapper cannot see in a raw
``UPDATE … WHERE id = %s``; one that it sees always is worth more than one that is finer.

A transaction that has written values reads them afresh and keeps nothing (its figures are not
committed, and may be rolled back), until it ends. Nothing is weakened: what is kept is the whole
audit's result, read whole, so a figure withheld is withheld on every page, kept or not.

Kept only where every app server shares the cache (``CIVICA_OBSERVATORY_POINTS_SECONDS``; by default
an hour with ``REDIS_URL``, off without it: a per-process cache would not learn of another server's
writes); a figure lives at most that long besides."""

import time
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import connection as default_connection
from django.db import transaction

from civica.core import write_watch

from . import disclosure

GENERATION_KEY = "observatory:values-generation"
POINTS_KEY_PREFIX = "observatory:points:"
WATCHED_TABLES = ("observatory_indicatorvalue", "observatory_indicator")
# Set on a connection whose transaction wrote values: it neither reads nor keeps figures until it ends.
WROTE = "civica_observatory_values_written"


def points_seconds() -> int:
    return int(getattr(settings, "CIVICA_OBSERVATORY_POINTS_SECONDS", 0))


def generation() -> int:
    found = cache.get(GENERATION_KEY)
    if found is None:
        # No counter yet, or evicted: start one past any value it held (nanoseconds since the epoch).
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        found = cache.get(GENERATION_KEY)
    return found


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet, or evicted: the next reader starts one
        pass


def _committed(connection) -> None:
    setattr(connection, WROTE, False)
    bump_generation()


def _written(connection) -> None:
    """After every write statement to the watched tables (``core.write_watch``)."""
    if points_seconds():
        bump_generation()
        setattr(connection, WROTE, True)
        transaction.on_commit(partial(_committed, connection), using=connection.alias)


def watch_writes() -> None:
    """Every write to the values moves the generation on (``ObservatoryConfig.ready``)."""
    write_watch.on_write(_written, tables=WATCHED_TABLES)


def usable(connection=default_connection) -> bool:
    """Whether figures may be read from and kept in the cache now."""
    if not points_seconds():
        return False
    if getattr(connection, WROTE, False):
        if connection.in_atomic_block:
            return False
        setattr(connection, WROTE, False)  # the transaction that wrote has ended (rolled back)
    return True


def _key(indicator, generation_now: int) -> str:
    return (f"{POINTS_KEY_PREFIX}{generation_now}:{indicator.pk}:{indicator.aggregation}:"
            f"{disclosure.minimum_organisations()}:{disclosure.dominance_share()}")


def points_many(indicators, audit) -> dict:
    """``{indicator.pk: audited points}`` of ``indicators``: the kept ones, and ``audit(missing)`` (a
    function auditing the indicators given, ``{pk: points}``) for the others, kept then."""
    indicators = list(indicators)
    if not usable():
        return audit(indicators)
    generation_now = generation()  # before the rows are read: a write meanwhile moves it past this one
    keys = {indicator.pk: _key(indicator, generation_now) for indicator in indicators}
    kept = cache.get_many(list(keys.values()))
    found = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [indicator for indicator in indicators if indicator.pk not in found]
    if missing:
        audited = audit(missing)
        if usable():
            cache.set_many({keys[pk]: points for pk, points in audited.items()}, timeout=points_seconds())
        found.update(audited)
    return found
