"""An evaluator's "My reviews" at scale (issue 17, point 6): grouped by call with each call's progress
("3 of 8 done", a <progress>), its deadline, paginated, a "not yet reviewed" filter that keeps the
calls' counts, two queries whatever the number of assignments, no 500 on a page number it cannot read,
and never a word about who applied."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from civica.accounts.models import User
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.calls import evaluation, selectors
from civica.calls.models import Application, ApplicationStatus, Assignment, CallStatus, Conflict, Review
from civica.calls.selectors import REVIEWS_PAGE_SIZE
from civica.calls.tests.factories import CallFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(db):
    return UserFactory(role=Role.EDITOR)


def call_in_evaluation(editor, evaluator, *, until_days=10, blind=False):
    now = timezone.now()
    call = CallFactory(opens_at=now - datetime.timedelta(days=30), closes_at=now - datetime.timedelta(days=2),
                       status=CallStatus.EVALUATION, is_blind=blind,
                       evaluation_until=timezone.localdate() + datetime.timedelta(days=until_days))
    evaluation.evaluator_appoint(call=call, user=evaluator, by=editor)
    return call


def assign(call, evaluator, number, *, reviewed=0, drafts=0, start=0):
    """``number`` submitted applications of ``call`` assigned to ``evaluator``: the first ``reviewed``
    with a submitted review, the next ``drafts`` with a draft."""
    applicants = User.objects.bulk_create([User(email=f"secret-applicant-{call.pk}-{n}@example.org",
                                                display_name=f"Secret Applicant {call.pk}-{n}")
                                           for n in range(start, start + number)])
    applications = Application.objects.bulk_create([
        Application(call=call, applicant=person, reference=f"REF-{call.pk}-{n:03d}", code=f"K{call.pk}N{n:03d}",
                    title=f"Project {n}", status=ApplicationStatus.SUBMITTED, version=1,
                    amount_requested=Decimal("1000"), submitted_at=timezone.now())
        for n, person in zip(range(start, start + number), applicants, strict=True)])
    assignments = Assignment.objects.bulk_create([Assignment(application=application, evaluator=evaluator)
                                                  for application in applications])
    Review.objects.bulk_create(
        [Review(assignment=assignment, status=Review.Status.SUBMITTED, submitted_at=timezone.now())
         for assignment in assignments[:reviewed]]
        + [Review(assignment=assignment) for assignment in assignments[reviewed:reviewed + drafts]])
    return applications


@pytest.mark.django_db
def test_grouped_by_call_soonest_deadline_first_with_progress(client, editor):
    evaluator = UserFactory()
    later = call_in_evaluation(editor, evaluator, until_days=20)
    sooner = call_in_evaluation(editor, evaluator, until_days=3)
    assign(later, evaluator, 8, reviewed=3, drafts=1)
    applications = assign(sooner, evaluator, 3, reviewed=1)
    Conflict.objects.create(application=applications[2], evaluator=evaluator, reason="My cousin")
    someone_else = UserFactory()
    evaluation.evaluator_appoint(call=sooner, user=someone_else, by=editor)
    assign(sooner, someone_else, 2, start=10)

    reviews = selectors.my_reviews_page(evaluator)
    groups = reviews["groups"]
    assert [group["call"] for group in groups] == [sooner, later]
    assert [(group["done"], group["assigned"]) for group in groups] == [(1, 2), (3, 8)]
    assert (reviews["done"], reviews["assigned"]) == (4, 10)
    assert [len(group["assignments"]) for group in groups] == [2, 8]

    client.force_login(evaluator)
    page = client.get("/en/calls/reviews/").content.decode()
    assert "1 of 2 done" in page and "3 of 8 done" in page and "4 of 10 done" in page
    assert f'<progress max="8" value="3" aria-labelledby="progress-{later.pk}">' in page
    assert page.index(sooner.title_en) < page.index(later.title_en)
    assert applications[2].code not in page  # declared a conflict on it
    assert "K" + str(sooner.pk) + "N010" not in page  # someone else's
    assert "to do" in page and "draft" in page and "submitted" in page


@pytest.mark.django_db
def test_not_yet_reviewed_keeps_the_calls_counts(client, editor):
    evaluator = UserFactory()
    call = call_in_evaluation(editor, evaluator)
    applications = assign(call, evaluator, 5, reviewed=3, drafts=1)
    reviews = selectors.my_reviews_page(evaluator, to_do=True)
    (group,) = reviews["groups"]
    assert [assignment.application for assignment in group["assignments"]] == applications[3:]
    assert (group["done"], group["assigned"]) == (3, 5)
    assert reviews["page"].paginator.count == 2

    client.force_login(evaluator)
    page = client.get("/en/calls/reviews/?show=todo").content.decode()
    assert "3 of 5 done" in page and applications[0].code not in page and applications[4].code in page
    assert 'href="/en/calls/reviews/?show=todo" aria-current="page"' in page
    Review.objects.filter(assignment__evaluator=evaluator).update(status=Review.Status.SUBMITTED)
    Review.objects.create(assignment=Assignment.objects.get(application=applications[4]),
                          status=Review.Status.SUBMITTED)
    assert "Every review assigned to you is submitted." in client.get("/en/calls/reviews/?show=todo").content.decode()


@pytest.mark.django_db
def test_overdue_only_while_reviews_are_missing_in_evaluation(editor):
    evaluator = UserFactory()
    late = call_in_evaluation(editor, evaluator, until_days=-1)
    done = call_in_evaluation(editor, evaluator, until_days=-1)
    assign(late, evaluator, 2, reviewed=1)
    assign(done, evaluator, 2, reviewed=2)
    overdue = {group["call"]: group["overdue"] for group in selectors.my_reviews_page(evaluator)["groups"]}
    assert overdue == {late: True, done: False}


@pytest.mark.django_db
def test_pages_keep_the_filter_and_refuse_nothing(client, editor):
    evaluator = UserFactory()
    first = call_in_evaluation(editor, evaluator, until_days=5)
    second = call_in_evaluation(editor, evaluator, until_days=9)
    assign(first, evaluator, REVIEWS_PAGE_SIZE - 5, reviewed=2)
    assign(second, evaluator, 40)
    client.force_login(evaluator)
    page_one = client.get("/en/calls/reviews/")
    assert page_one.context["page"].paginator.num_pages == 2
    assert [len(group["assignments"]) for group in page_one.context["groups"]] == [REVIEWS_PAGE_SIZE - 5, 5]
    page_two = client.get("/en/calls/reviews/?page=2")
    (group,) = page_two.context["groups"]
    assert group["call"] == second and len(group["assignments"]) == 35 and group["assigned"] == 40
    assert "0 of 40 done" in page_two.content.decode()
    filtered = client.get("/en/calls/reviews/?show=todo").content.decode()
    assert 'href="?show=todo&amp;page=2"' in filtered
    for bad in ("abc", "0", "-3", "99999", "1.5", "²", "9" * 30):
        response = client.get(f"/en/calls/reviews/?page={bad}")
        assert response.status_code == 200, bad
    assert client.get("/en/calls/reviews/?page=99999").context["page"].number == 2
    assert client.get("/en/calls/reviews/?show=nonsense").context["to_do"] is False


@pytest.mark.django_db
def test_nobody_assigned_and_visitors(client):
    response = client.get("/en/calls/reviews/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert "No application is assigned to you." in client.get("/en/calls/reviews/?page=abc").content.decode()


@pytest.mark.django_db
def test_blind_calls_name_nobody_on_any_page_or_filter(client, editor):
    evaluator = UserFactory()
    call = call_in_evaluation(editor, evaluator, blind=True)
    applications = assign(call, evaluator, REVIEWS_PAGE_SIZE + 3, reviewed=1)
    client.force_login(evaluator)
    for url in ("/en/calls/reviews/", "/en/calls/reviews/?page=2", "/ro/calls/reviews/?show=todo"):
        page = client.get(url).content.decode()
        assert "Secret Applicant" not in page and "secret-applicant" not in page and "REF-" not in page, url
    assert applications[-1].code in client.get("/en/calls/reviews/?page=2").content.decode()


@pytest.mark.django_db
def test_the_list_costs_the_same_queries_with_5_and_60_assignments(editor, assert_constant_queries):
    evaluator = UserFactory()
    calls = [call_in_evaluation(editor, evaluator, until_days=days) for days in (4, 8)]
    assign(calls[0], evaluator, 3, reviewed=1, drafts=1)
    assign(calls[1], evaluator, 2)
    client = signed_in(evaluator)

    def grow():
        assign(calls[0], evaluator, 25, reviewed=10, drafts=5, start=10)
        third = call_in_evaluation(editor, evaluator, until_days=6)
        assign(third, evaluator, 30, reviewed=3)

    assert_constant_queries(client, ["/en/calls/reviews/", "/en/calls/reviews/?page=2",
                                     "/en/calls/reviews/?show=todo"], grow)
    assert selectors.my_reviews(evaluator).count() == 60


def signed_in(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
