"""Calls: ranking speed on plain data, and memory of the streamed export as rows grow.
Prints figures; asserts nothing.  Run: .venv/bin/python bench/bench_calls.py"""

import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["DATABASE_URL"] = "sqlite://:memory:"

from civica.calls.ranking import Criterion, Entry, rank  # noqa: E402


def bench_ranking(applications=5000, evaluators=5, criteria_count=8):
    rng = random.Random(1)
    criteria = [Criterion(index, weight=rng.choice([1.0, 2.0, 3.0])) for index in range(criteria_count)]
    entries = [Entry(app, app, {evaluator: {c.id: rng.randint(0, 10) for c in criteria}
                                for evaluator in range(evaluators)}) for app in range(applications)]
    start = time.perf_counter()
    ranked = rank(criteria, entries, disagreement_threshold=2.0, tie_break_criterion=0)
    seconds = time.perf_counter() - start
    print(f"ranking  {applications} applications x {evaluators} evaluators x {criteria_count} criteria: "
          f"{seconds * 1000:.0f} ms ({len(ranked)} ranked)")


def bench_export_memory():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.utils import timezone

    from civica.accounts.models import User
    from civica.calls.evaluation_views import _export_rows
    from civica.calls.models import Application, ApplicationStatus
    from civica.calls.tests.factories import CallFactory

    call = CallFactory()
    users = User.objects.bulk_create([User(email=f"bench{n}@example.org") for n in range(20000)])
    made = 0
    for rows in (1000, 5000, 20000):
        Application.objects.bulk_create([
            Application(call=call, applicant=users[n], reference=f"B-{n}", code=f"B{n:07d}", title=f"Project {n}",
                        status=ApplicationStatus.SUBMITTED, submitted_at=timezone.now(),
                        answers={"summary": "x" * 400}) for n in range(made, rows)])
        made = rows
        tracemalloc.start()
        count = sum(1 for _row in _export_rows(call))
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"export   {count - 1:>6} rows streamed: peak Python memory {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    bench_ranking()
    bench_export_memory()
