"""Numbers read from a request's query string (or any ``QueryDict``) that is not a form: one helper,
so that "²" (which ``str.isdigit`` accepts and ``int`` refuses), "٣" (which ``int`` accepts), "+3",
" 3", a NUL or a number too large for a 64-bit column all mean "not given" rather than a 500.
``int_param``, ``id_param``, ``page_param`` and ``year_month_param`` take ASCII digits within their
bounds and 64 bits; anything else is "not given".

    year = int_param(request.GET, "year", minimum=1900, maximum=2200)
    category = id_param(request.GET, "category")"""

import re

# Columns are at most 64-bit (BigAutoField, SQLite's INTEGER): a larger number matches nothing.
BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1
_INTEGER = re.compile(r"-?[0-9]{1,19}", re.ASCII)
_YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})", re.ASCII)


def parse_int(value, *, minimum: int | None = None, maximum: int | None = None, default=None):
    """``value`` as an int when it is ASCII digits (an optional leading minus) within
    [``minimum``, ``maximum``] (and within 64 bits); ``default`` otherwise."""
    if not isinstance(value, str) or not _INTEGER.fullmatch(value):
        return default
    number = int(value)
    low = BIGINT_MIN if minimum is None else max(minimum, BIGINT_MIN)
    high = BIGINT_MAX if maximum is None else min(maximum, BIGINT_MAX)
    return number if low <= number <= high else default


def int_param(params, name: str, *, minimum: int | None = None, maximum: int | None = None, default=None):
    """The number ``params[name]`` holds (see ``parse_int``), or ``default``."""
    return parse_int(params.get(name), minimum=minimum, maximum=maximum, default=default)


def id_param(params, name: str, default=None):
    """A row's id from ``params[name]``: a positive 64-bit number, or ``default``."""
    return int_param(params, name, minimum=1, default=default)


def year_month_param(params, name: str, *, first_year: int = 1900, last_year: int = 2200):
    """``(year, month)`` from ``params[name]`` written ``YYYY-MM``, or None."""
    value = params.get(name)
    match = _YEAR_MONTH.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    return (year, month) if first_year <= year <= last_year and 1 <= month <= 12 else None


def page_param(params, name: str = "page") -> int:
    """A list's page number: 1 unless ``params[name]`` is a positive number (the paginator then
    answers its last page for one too large)."""
    return int_param(params, name, minimum=1, default=1)
