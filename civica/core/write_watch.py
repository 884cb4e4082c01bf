"""Writes seen as they happen: one database execute wrapper, on every connection, for every cache that
must learn of a write whatever code made it (services, bulk writes, raw SQL, a cascade).

``on_write(callback, tables=…, ignore=…)`` registers ``callback(connection)``, called after every
``INSERT``, ``UPDATE`` or ``DELETE`` statement that names one of ``tables`` (any table when none is
given) and none of ``ignore`` near its start, and after a ``WITH`` statement holding one of them
(anywhere in it). The page cache (``core.page_cache``) watches every table
but the sessions'; the observatory's kept audits (``observatory.points_cache``) the indicators' tables.
Each statement is read once here, however many watch it."""

from django.db.backends.signals import connection_created

WRITE_VERBS = ("INSERT", "UPDATE", "DELETE")
# Where a statement names its table: "INSERT INTO", "UPDATE", "DELETE FROM" and a quoted name fit.
HEAD_CHARACTERS = 120
# A statement that begins with WITH writes when one of its parts does (PostgreSQL's data-modifying WITH).
MODIFYING_CTE = ("INSERT INTO ", "UPDATE ", "DELETE FROM ")

_watchers: list[tuple] = []


def on_write(callback, *, tables: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> None:
    """Calls ``callback(connection)`` after each write statement to ``tables`` (all when empty), except
    to the tables of ``ignore``. Registered once per callback (an app's ``ready`` may run twice in tests)."""
    if not any(watcher[0] is callback for watcher in _watchers):
        _watchers.append((callback, tables, ignore))


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    head = sql.lstrip()[:HEAD_CHARACTERS]
    writes = head[:6].upper().startswith(WRITE_VERBS)
    if not writes and head[:4].upper() == "WITH" and any(verb in sql for verb in MODIFYING_CTE):
        head, writes = sql, True  # a data-modifying WITH (e.g. a redemption): its tables anywhere in it
    if writes:
        for callback, tables, ignore in _watchers:
            if (not tables or any(table in head for table in tables)) and not any(table in head for table in ignore):
                callback(context["connection"])
    return result


def _install_on(connection, **kwargs):
    if _watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch)


def install() -> None:
    """On every connection opened from now on (``CoreConfig.ready``)."""
    connection_created.connect(_install_on, dispatch_uid="civica.core.write_watch")
