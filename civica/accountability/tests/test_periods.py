import datetime

import pytest

from civica.accountability.periods import months_covered, parse_period

D = datetime.date


@pytest.mark.parametrize("text, expected", [
    ("Aprilie – octombrie", (D(2021, 4, 1), D(2021, 10, 31))),
    ("7-10 octombrie", (D(2021, 10, 7), D(2021, 10, 10))),
    ("Octombrie 2021", (D(2021, 10, 1), D(2021, 10, 31))),
    ("Iunie – noiembrie 2021", (D(2021, 6, 1), D(2021, 11, 30))),
    ("Dezvoltare: martie-octombrie Lansare: 21 octombrie", (D(2021, 3, 1), D(2021, 10, 31))),
    ("#2: 14 aprilie #3: 27 mai #4: 24 iulie", (D(2021, 4, 14), D(2021, 7, 24))),
    ("Pilot: ian-iunie Model: iunie Transfer: iunie-decembrie", (D(2021, 1, 1), D(2021, 12, 31))),
    ("8-9-10 septembrie", (D(2021, 9, 8), D(2021, 9, 10))),
    ("Aprilie (9)", (D(2021, 4, 9), D(2021, 4, 9))),
    ("1 – 30 aprilie, 8 aprilie 2021", (D(2021, 4, 1), D(2021, 4, 30))),
    ("Ianuarie - 15 octombrie", (D(2021, 1, 1), D(2021, 10, 15))),
    ("Mai și septembrie", (D(2021, 5, 1), D(2021, 9, 30))),
    ("Lunar, martie-decembrie", (D(2021, 3, 1), D(2021, 12, 31))),
    ("15 octombrie - start promovare 15 noiembrie - termen limită de aplicare 15 noiembrie - 15 decembrie - "
     "selecția participanților", (D(2021, 10, 15), D(2021, 12, 15))),
    ("28 ianuarie 2021 - începerea modulului \"Design de produs\" 15 februarie 2021 - începerea modulului",
     (D(2021, 1, 28), D(2021, 2, 15))),
    ("Februarie- Septembrie 2021", (D(2021, 2, 1), D(2021, 9, 30))),
    ("from May to July", (D(2021, 5, 1), D(2021, 7, 31))),
])
def test_periods_as_the_seed_writes_them(text, expected):
    assert parse_period(text, 2021) == expected


@pytest.mark.parametrize("text", ["În derulare", "", "ongoing", "de stabilit", None])
def test_text_without_a_month_stays_unparsed(text):
    assert parse_period(text, 2021) is None


def test_impossible_days_are_ignored_not_crashing():
    assert parse_period("31 februarie", 2021) == (D(2021, 2, 1), D(2021, 2, 28))


def test_months_covered():
    assert months_covered(D(2021, 11, 15), D(2022, 2, 1)) == [(2021, 11), (2021, 12), (2022, 1), (2022, 2)]
    assert months_covered(None, None) == []
