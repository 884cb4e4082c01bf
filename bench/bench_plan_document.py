"""The 2021 plan with the demo data (the seed's whole plan), as its pages and as its document: for the plan
page (its overview, and a programme's page), the first request of a version, which renders the kept part
(accountability.parts), then a request that finds it kept, as a visitor and signed in, with the page's
elements and queries; for the PDF, its first rendering (on a worker; here in the process) and a download
that finds it stored. Prints figures; asserts nothing.  Run: .venv/bin/python bench/bench_plan_document.py"""

import os
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

setup_test_environment()
call_command("migrate", verbosity=0)
call_command("loaddemo", verbosity=0)

from civica.accountability.models import Activity  # noqa: E402
from civica.accounts.tests.factories import UserFactory  # noqa: E402

RUNS = 10


class _Elements(HTMLParser):
    count = 0

    def handle_starttag(self, tag, attrs):
        self.count += 1


def elements(html: str) -> int:
    parser = _Elements()
    parser.feed(html)
    return parser.count


def _size(response):
    return len(response.getvalue()) if response.streaming else len(response.content)


def timed(client, url):
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - start
    return seconds, len(captured), response


visitor, signed_in = Client(), Client()
signed_in.force_login(UserFactory(display_name="Bench Participant"))
programme = Activity.objects.filter(plan__year=2021).values_list("programme__slug", flat=True).first()
for language in ("ro", "en"):
    for label, path in (("overview", f"/{language}/plans/2021/"),
                        ("programme", f"/{language}/plans/2021/programmes/{programme}/")):
        visitor.get(path)  # templates compiled once, as in a running server
        for who, client in (("visitor", visitor), ("signed in", signed_in)):
            cache.clear()  # a new version: the first request renders the kept part
            first, first_queries, response = timed(client, path)
            kept = [timed(client, path) for _ in range(RUNS)]
            hit = sum(seconds for seconds, _, _ in kept) / RUNS
            page = response.content.decode()
            print(f"plan 2021 {language} {label:<9} {who:<9} first {first * 1000:6.1f} ms ({first_queries:2d} queries)"
                  f"  kept {hit * 1000:6.1f} ms ({kept[-1][1]:2d} queries)  {len(page) / 1024:4.0f} KiB, "
                  f"{elements(page):,} elements")

for language in ("ro", "en"):
    url = f"/{language}/plans/2021/document.pdf"
    start = time.perf_counter()
    response = visitor.get(url)  # rendered and stored (no broker here)
    print(f"plan 2021 document {language} PDF  first rendering {time.perf_counter() - start:6.2f} s  "
          f"({_size(response) / 1024:.0f} KiB)")
    stored = [timed(visitor, url) for _ in range(RUNS)]
    print(f"plan 2021 document {language} PDF  stored          {sum(s for s, _, _ in stored) / RUNS * 1000:6.1f} ms"
          f"  ({stored[-1][1]} queries)")
    html_url = f"/{language}/plans/2021/document/"
    visitor.get(html_url)
    page = [timed(visitor, html_url) for _ in range(3)]
    print(f"plan 2021 document {language} HTML (rendered each time) {sum(s for s, _, _ in page) / 3 * 1000:6.1f} ms"
          f"  ({page[-1][1]} queries)")
