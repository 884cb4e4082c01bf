"""Server-side time and size of two staff pages at the scale issue 17 measured them: the moderation
queue with 350 open reports on 200 items (ideas, debates and comments in three consultations, 20 of
them hidden) and an evaluator's list with 220 assignments in four calls. Through Django's test client,
on an in-memory SQLite database, or on the database ``DATABASE_URL`` names (PostgreSQL: everything is
created in one transaction rolled back at the end, so the database is left as found). Prints
milliseconds a request (wall clock, and the CPU time of this process: on SQLite all of it, on
PostgreSQL without the server's), KiB and queries for each page; asserts nothing.

    .venv/bin/python bench/bench_staff_pages.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/civica_x .venv/bin/python bench/bench_staff_pages.py"""

import datetime
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

ITEMS, REPORTS, HIDDEN = 200, 350, 20
CALL_SIZES = (100, 60, 40, 20)  # the evaluator's 220 assignments
MIN_SECONDS, MIN_REPEAT = 2.0, 5


class Rollback(Exception):
    pass


def moderation_data():
    """200 reported or hidden items with 350 open reports (1 to 4 each), and a moderator of the
    consultation that holds most of them."""
    from django.contrib.contenttypes.models import ContentType

    from civica.accounts.models import User
    from civica.accounts.roles import Role
    from civica.accounts.tests.factories import UserFactory
    from civica.comments.models import Comment
    from civica.moderation.models import Report, ReportReason
    from civica.participation.models import Debate, Idea
    from civica.participation.tests.factories import ProcessFactory

    processes = [ProcessFactory() for _ in range(3)]
    author = UserFactory()
    reporters = User.objects.bulk_create([User(email=f"reporter{n}@bench.example") for n in range(4)])
    ideas = Idea.objects.bulk_create([
        Idea(process=processes[n % 3], author=author, title=f"Idea {n}: more benches in the park",
             body="A longer description of the idea, with **Markdown**. " * 8) for n in range(120)])
    debates = Debate.objects.bulk_create([
        Debate(process=processes[n % 3], question=f"Debate {n}: should the square be closed to cars?",
               description="Why it matters.") for n in range(20)])
    process_type = ContentType.objects.get_for_model(processes[0])
    idea_type = ContentType.objects.get_for_model(Idea)
    comments = Comment.objects.bulk_create([
        Comment(target_type=idea_type, target_id=ideas[n].pk, scope_type=process_type,
                scope_id=ideas[n].process_id, author=author,
                body=f"Comment {n}: this is what I think about the idea, in some detail. " * 3) for n in range(60)])
    targets = [*ideas, *debates, *comments]
    assert len(targets) == ITEMS
    reasons = ReportReason.values
    reports = []
    for index, target in enumerate(targets):
        scope_id = target.process_id if hasattr(target, "process_id") else target.scope_id
        # 350 reports on 200 items: 85 items with 1, 90 with 2, 15 with 3, 10 with 4.
        count = 1 if index < 85 else 2 if index < 175 else 3 if index < 190 else 4
        reports += [Report(target_type=ContentType.objects.get_for_model(target), target_id=target.pk,
                           scope_type=process_type, scope_id=scope_id, reporter=reporters[number],
                           reason=reasons[(index + number) % len(reasons)], note="See the second paragraph.")
                    for number in range(count)]
    assert len(reports) == REPORTS
    Report.objects.bulk_create(reports)
    Idea.objects.filter(pk__in=[idea.pk for idea in ideas[:HIDDEN]]).update(is_hidden=True)
    moderator = UserFactory(role=Role.MODERATOR, role__scope=processes[0])
    return UserFactory(role=Role.EDITOR), moderator


def evaluation_data():
    """An evaluator with 220 assignments in four calls under evaluation, a third of them reviewed,
    some drafts, and a conflict declared on one application."""
    from civica.accounts.models import User
    from civica.accounts.roles import Role
    from civica.accounts.tests.factories import UserFactory
    from civica.calls import evaluation
    from civica.calls.models import Application, ApplicationStatus, Assignment, CallStatus, Conflict, Review
    from civica.calls.tests.factories import CallFactory

    editor, evaluator = UserFactory(role=Role.EDITOR), UserFactory()
    now = timezone.now()
    for number, size in enumerate(CALL_SIZES):
        call = CallFactory(opens_at=now - datetime.timedelta(days=40), closes_at=now - datetime.timedelta(days=10),
                           status=CallStatus.EVALUATION, is_blind=number % 2 == 0,
                           evaluation_until=timezone.localdate() + datetime.timedelta(days=5 + 7 * number))
        evaluation.evaluator_appoint(call=call, user=evaluator, by=editor)
        applicants = User.objects.bulk_create([User(email=f"applicant{number}-{n}@bench.example")
                                               for n in range(size)])
        applications = Application.objects.bulk_create([
            Application(call=call, applicant=person, reference=f"{call.slug}-{n}", code=f"B{number}X{n:05d}",
                        title=f"Project {n} of call {number}", status=ApplicationStatus.SUBMITTED, version=1,
                        amount_requested=Decimal("5000"), submitted_at=now) for n, person in enumerate(applicants)])
        assignments = Assignment.objects.bulk_create([Assignment(application=application, evaluator=evaluator)
                                                      for application in applications])
        Review.objects.bulk_create([
            Review(assignment=assignment, status=Review.Status.SUBMITTED if n % 3 == 0 else Review.Status.DRAFT,
                   submitted_at=now if n % 3 == 0 else None)
            for n, assignment in enumerate(assignments) if n % 3 != 2])
        Conflict.objects.create(application=applications[-1], evaluator=evaluator, reason="A relative.")
    return evaluator


def measure(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    count = len(queries)  # read now: the next request empties the query log
    repeat, start, cpu = 0, time.perf_counter(), time.process_time()
    while repeat < MIN_REPEAT or time.perf_counter() - start < MIN_SECONDS:
        client.get(path)
        repeat += 1
    milliseconds = (time.perf_counter() - start) / repeat * 1000
    cpu_milliseconds = (time.process_time() - cpu) / repeat * 1000
    return milliseconds, cpu_milliseconds, len(response.content) / 1024, count


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}; {ITEMS} reported or hidden items with {REPORTS} open reports; "
          f"an evaluator with {sum(CALL_SIZES)} assignments in {len(CALL_SIZES)} calls")
    try:
        with transaction.atomic():
            editor, moderator = moderation_data()
            evaluator = evaluation_data()
            pages = [("editor", editor, "/ro/moderation/"), ("editor", editor, "/ro/moderation/?page=2"),
                     ("moderator", moderator, "/ro/moderation/"),
                     ("evaluator", evaluator, "/ro/calls/reviews/"),
                     ("evaluator", evaluator, "/ro/calls/reviews/?page=2"),
                     ("evaluator", evaluator, "/ro/calls/reviews/?show=todo")]
            for label, user, path in pages:
                client = Client()
                client.force_login(user)
                milliseconds, cpu, kib, queries = measure(client, path)
                print(f"page  {label:<10} {path:<32} {milliseconds:7.1f} ms/request ({cpu:6.1f} ms CPU of this "
                      f"process) {kib:6.1f} KiB {queries:3d} queries")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
