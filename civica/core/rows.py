"""Model instances from rows of hand-written SQL: the columns of each model listed once, the database's values
converted as the ORM converts them (SQLite's text dates, its integers for booleans), each instance built with
``Model.from_db`` (the fields not listed are deferred, loaded if ever read). For a hot path's one statement
whose ORM query cost more to build than to run (a vote's statement with its conversation and phase)."""

from functools import lru_cache

from django.db import connection


@lru_cache(maxsize=None)
def columns(model, *, exclude: tuple[str, ...] = ()) -> tuple:
    """``model``'s concrete fields but ``exclude`` (attribute names), in order."""
    return tuple(field for field in model._meta.concrete_fields if field.attname not in exclude)


def select_list(alias: str, fields) -> str:
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(field.column)}" for field in fields)


def _converters(fields):
    found = []
    for field in fields:
        column = field.get_col(field.model._meta.db_table)
        found.append(connection.ops.get_db_converters(column) + column.get_db_converters(connection))
    return found


_CONVERTERS = {}


def instance(model, fields, values):
    """``model`` from the row's ``values`` of ``fields`` (as ``columns`` gave them)."""
    key = (connection.vendor, model, fields)
    converters = _CONVERTERS.get(key)
    if converters is None:
        converters = _CONVERTERS[key] = _converters(fields)
    converted = []
    for field, value, field_converters in zip(fields, values, converters, strict=True):
        for convert in field_converters:
            value = convert(value, field.get_col(field.model._meta.db_table), connection)
        converted.append(value)
    return model.from_db(connection.alias, [field.attname for field in fields], converted)
