"""Observatory: disclosure control of a dashboard's worth of indicators, on plain data (no database).
20 indicators × 10 years × 200 organisations, each organisation in one of 5 categories and one of 9
domains, so 15 cells a year (the whole city and both breakdowns' groups). Prints figures; asserts
nothing.  Run: .venv/bin/python bench/bench_disclosure.py"""

import os
import random
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from civica.observatory.disclosure import protect  # noqa: E402


def indicator_cells(rng, organisations=200, years=10):
    cells = defaultdict(dict)
    for organisation in range(organisations):
        category, domain = rng.randrange(5), rng.randrange(9)
        for year in range(2015, 2015 + years):
            if rng.random() < 0.1:  # not every organisation answers every year
                continue
            value = Decimal(rng.randrange(0, 10000))
            cells[year, "", ""][organisation] = value
            cells[year, "category", f"c{category}"][organisation] = value
            cells[year, "domain", f"d{domain}"][organisation] = value
    return dict(cells)


def main(indicators=20):
    rng = random.Random(1)
    tables = [indicator_cells(rng) for _ in range(indicators)]
    start = time.perf_counter()
    withheld = sum(aggregate.suppressed for cells in tables for aggregate in protect(cells).values())
    seconds = time.perf_counter() - start
    cells = sum(len(table) for table in tables)
    print(f"disclosure  {indicators} indicators x 10 years x 200 organisations ({cells} cells): "
          f"{seconds * 1000:.0f} ms, {withheld} withheld")


if __name__ == "__main__":
    main()
