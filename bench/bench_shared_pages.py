"""What a signed-in person's page costs rendered afresh, and served as a shared page (the visitors'
page kept once, their personal parts filled per request: core/page_cache.py, core/personal_parts.py).

Test client on an in-memory SQLite database with a local-memory cache, one request at a time: CPU per
request of the whole Django stack, queries per request, and the size of the page. An idea with 50
comments (the heaviest page of a consultation), its consultation's ideas list and page, for a visitor
with no cookie, a participant who supports the idea and wrote one of the comments, and a moderator.
Prints figures; asserts nothing. ``python bench/bench_shared_pages.py [repeat]``."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

setup_test_environment()
call_command("migrate", verbosity=0)

from civica.accounts.roles import Role  # noqa: E402
from civica.accounts.tests.factories import UserFactory  # noqa: E402
from civica.comments import services as comment_services  # noqa: E402
from civica.participation import services as participation_services  # noqa: E402
from civica.participation.tests.factories import IdeaFactory, ProcessFactory  # noqa: E402

REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 100

process = ProcessFactory(title_ro="Parcul Feroviarilor (fictiv)")
ideas = [IdeaFactory(process=process, title=f"Idee fictivă {number}") for number in range(30)]
idea = ideas[0]
participant, moderator = UserFactory(display_name="Participant"), UserFactory(role=Role.MODERATOR)
participation_services.idea_support(idea=idea, by=participant)
for number in range(50):
    author = participant if number == 7 else UserFactory()
    parent = comment_services.comment_post(target=idea, by=author, body=f"Părerea **{number}**, cu un [link](https://example.org).")
    if number % 5 == 0:
        comment_services.comment_post(target=idea, by=UserFactory(), body="Un răspuns", parent=parent)

PAGES = {
    "idea, 50 comments": f"/ro/processes/{process.slug}/ideas/{idea.pk}/",
    "ideas list": f"/ro/processes/{process.slug}/ideas/",
    "consultation": f"/ro/processes/{process.slug}/",
}


def measure(client, path):
    client.get(path)  # warm: templates compiled, the page kept
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    query_count = len(queries)  # now: the log it slices is a ring that the loop below turns
    start = time.process_time()
    for _ in range(REPEAT):
        client.get(path)
    return (time.process_time() - start) / REPEAT * 1000, query_count, len(response.content) // 1024


print(f"{'page':<20} {'who':<12} {'rendered afresh':>22} {'shared page':>22}")
print(f"{'':<20} {'':<12} {'ms CPU':>8} {'queries':>7} {'KiB':>5} {'ms CPU':>8} {'queries':>7} {'KiB':>5}")
for label, path in PAGES.items():
    for who, person in (("visitor", None), ("participant", participant), ("moderator", moderator)):
        figures = []
        for seconds in (0, 60):
            settings.PAGE_CACHE_SECONDS = seconds
            cache.clear()
            client = Client()
            if person is not None:
                client.force_login(person)
            figures.append(measure(client, path))
        (fresh_ms, fresh_queries, fresh_kib), (kept_ms, kept_queries, kept_kib) = figures
        print(f"{label:<20} {who:<12} {fresh_ms:8.1f} {fresh_queries:7d} {fresh_kib:5d} "
              f"{kept_ms:8.1f} {kept_queries:7d} {kept_kib:5d}")
