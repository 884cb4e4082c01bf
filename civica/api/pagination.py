"""Cursor pagination on a stable order (keyset: the next page starts after the last row's sort values,
so a page deep in a large list costs what the first does, and rows added meanwhile do not shift it).

A cursor is signed and names the list it belongs to: a cursor from another list, another order or
another filter, or edited by hand, is refused with a 400 problem, never a 5xx. Forward only: a
client that wants to go back keeps the cursors it used."""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.db.models import Q

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
_SALT = "civica.api.cursor"


class BadCursor(Exception):
    pass


@dataclass(frozen=True)
class Page:
    rows: list
    next_cursor: str | None


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.datetime | datetime.date) else value


def keyset_page(queryset, *, ordering: tuple[str, ...], list_key: str, cursor: str | None,
                size: int) -> Page:
    """``size`` rows of ``queryset`` in ``ordering`` (every field descending, written "-field", the last
    one unique, e.g. ``("-support_count", "-id")``) after ``cursor``. ``list_key`` names the list and its
    filters (the cursor is only valid for that list)."""
    fields = [name.lstrip("-") for name in ordering]
    queryset = queryset.order_by(*ordering)
    if cursor:
        try:
            data = signing.loads(cursor, salt=_SALT)
        except signing.BadSignature as error:
            raise BadCursor from error
        if not isinstance(data, dict) or data.get("l") != list_key or not isinstance(data.get("k"), list) \
                or len(data["k"]) != len(fields):
            raise BadCursor
        queryset = queryset.filter(_after(fields, ordering, _typed(queryset.model, fields, data["k"])))
    rows = list(queryset[:size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = signing.dumps({"l": list_key, "k": [_plain(getattr(last, name)) for name in fields]},
                                    salt=_SALT, compress=True)
    return Page(rows, next_cursor)


def _typed(model, fields, values):
    typed = []
    for name, value in zip(fields, values, strict=True):
        field = model._meta.get_field(name)
        try:
            typed.append(field.to_python(value))
        except Exception as error:  # a value of the wrong kind for that column: not our cursor
            raise BadCursor from error
    return typed


def _after(fields, ordering, values) -> Q:
    """Rows strictly after ``values`` in ``ordering``: (a < x) or (a = x and b < y) …"""
    condition = Q()
    for position, name in enumerate(fields):
        lookup = "lt" if ordering[position].startswith("-") else "gt"
        step = Q(**{f"{name}__{lookup}": values[position]})
        for earlier in range(position):
            step &= Q(**{fields[earlier]: values[earlier]})
        condition |= step
    return condition


def list_page(items, *, key, list_key: str, cursor: str | None, size: int) -> Page:
    """``size`` of ``items`` (a list built in Python, e.g. the open-data catalogue) in ascending ``key``
    order after ``cursor``: the same signed cursors as ``keyset_page``, for lists that are not one
    query. ``key(item)`` is a tuple of strings and numbers, unique per item."""
    items = sorted(items, key=key)
    if cursor:
        try:
            data = signing.loads(cursor, salt=_SALT)
        except signing.BadSignature as error:
            raise BadCursor from error
        if not isinstance(data, dict) or data.get("l") != list_key or not isinstance(data.get("k"), list):
            raise BadCursor
        after = tuple(data["k"])
        try:
            items = [item for item in items if key(item) > after]
        except TypeError as error:  # a key of other types than this list's: not its cursor
            raise BadCursor from error
    rows = items[:size]
    next_cursor = None
    if len(items) > size:
        next_cursor = signing.dumps({"l": list_key, "k": list(key(rows[-1]))}, salt=_SALT, compress=True)
    return Page(rows, next_cursor)
