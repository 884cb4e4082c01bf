"""Census files and rows for the tests: fictional identifiers (not real CNPs of anyone)."""

import datetime

from civica.verification import services

# Fictional residents: 13-digit identifiers shaped like a CNP, made up for the tests.
RESIDENTS = [("1900101123456", datetime.date(1990, 1, 1)), ("2850715654321", datetime.date(1985, 7, 15)),
             ("6010203111222", datetime.date(2001, 2, 3))]


def census_csv(residents=RESIDENTS, *, delimiter=",", header="identifier,birth_date") -> bytes:
    lines = [header.replace(",", delimiter)]
    lines += [f"{identifier}{delimiter}{born.isoformat()}" for identifier, born in residents]
    return ("\n".join(lines) + "\n").encode()


def import_census(residents=RESIDENTS):
    return services.census_import(data=census_csv(residents), by=None, source_name="census.csv").census
