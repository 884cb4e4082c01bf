"""Implementation periods as people write them ("Aprilie – octombrie", "7-10 octombrie",
"Dezvoltare: martie-octombrie Lansare: 21 octombrie") turned into a start and end date.

Every date mentioned counts; the period runs from the earliest to the latest. A month named
without a day covers the whole month. The year is the one written, or the plan's. Text with no
month in it ("În derulare", "ongoing") gives None: it stays as written and is listed for editors.
In other languages than Romanian the pages show the dates read, in that language's month names."""

import calendar
import datetime
import re
import unicodedata

MONTHS = {
    "ianuarie": 1, "ian": 1, "january": 1, "jan": 1,
    "februarie": 2, "feb": 2, "february": 2,
    "martie": 3, "mar": 3, "march": 3,
    "aprilie": 4, "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "iunie": 6, "iun": 6, "june": 6, "jun": 6,
    "iulie": 7, "iul": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "septembrie": 9, "sept": 9, "sep": 9, "september": 9,
    "octombrie": 10, "oct": 10, "october": 10,
    "noiembrie": 11, "nov": 11, "november": 11,
    "decembrie": 12, "dec": 12, "december": 12,
}
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_MENTION = re.compile(
    rf"(?:(?P<days>\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})*)\s+)?\b(?P<month>{_MONTH_WORDS})\b(?:\s*\((?P<day>\d{{1,2}})\))?"
)
_YEAR = re.compile(r"\b(20\d\d)\b")


def _fold(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def parse_period(text: str, default_year: int):
    """(start, end) dates, or None when the text names no month."""
    folded = _fold(text or "")
    years = [int(year) for year in _YEAR.findall(folded)]
    year = years[0] if years else default_year
    starts, ends = [], []
    for match in _MENTION.finditer(folded):
        month = MONTHS[match["month"]]
        last_day = calendar.monthrange(year, month)[1]
        days = [int(day) for day in re.findall(r"\d{1,2}", match["days"] or "")]
        if match["day"]:
            days.append(int(match["day"]))
        days = [day for day in days if 1 <= day <= last_day]
        if days:
            starts.append(datetime.date(year, month, min(days)))
            ends.append(datetime.date(year, month, max(days)))
        else:
            starts.append(datetime.date(year, month, 1))
            ends.append(datetime.date(year, month, last_day))
    if not starts:
        return None
    return min(starts), max(ends)


def months_covered(start, end):
    """The (year, month) pairs a period touches, for the month-by-month timeline and filter."""
    if start is None or end is None:
        return []
    months, current = [], datetime.date(start.year, start.month, 1)
    while current <= end:
        months.append((current.year, current.month))
        current = datetime.date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months
