"""The staff dashboard: each person sees the items their roles cover, with the right counts, and the page
costs a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from civica.accountability.models import Activity, ActivityStatus, ProgressUpdate
from civica.accountability.tests.factories import make_plan
from civica.calls.models import Application, ApplicationStatus, Assignment, CallStatus, Conflict, Review
from civica.calls.tests.factories import CallFactory
from civica.meetings.models import Registration, RegistrationStatus
from civica.meetings.tests.factories import MeetingFactory
from civica.moderation.services import report_create
from civica.network.models import BookingStatus
from civica.network.tests.factories import BookingFactory, MemberFactory, SpaceFactory
from civica.participation.tests.factories import IdeaFactory, ProcessFactory
from civica.staff import selectors
from civica.workshops.models import Workshop, WorkshopTable

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english(settings):
    from django.utils import translation

    with translation.override("en"):
        yield


def _applications(call, count, make_user):
    start = Application.objects.count()
    return [Application.objects.create(call=call, applicant=make_user("participant"),
                                       reference=f"{call.slug}-{start + n}", title=f"Project {n}",
                                       status=ApplicationStatus.SUBMITTED)
            for n in range(count)]


@pytest.fixture
def world(make_user):
    """Something waiting in every item, and some that must not count."""
    now = timezone.now()
    park, school = ProcessFactory(), ProcessFactory()
    reporter = make_user("participant")
    for idea in (IdeaFactory(process=park), IdeaFactory(process=park), IdeaFactory(process=school)):
        report_create(target=idea, by=reporter, reason="spam")
    # Pre-moderation: an idea waits for approval in each; a rejected one waits for nobody.
    for process, state in ((park, "waiting"), (school, "waiting"), (park, "rejected")):
        IdeaFactory(process=process, is_hidden=True, review_state=state)
    organisation = MemberFactory()
    representative = make_user("member_representative", scope=organisation)
    space = SpaceFactory()
    BookingFactory(space=space, organisation=organisation, booked_by=representative, status=BookingStatus.REQUESTED)
    BookingFactory(space=space, organisation=organisation, booked_by=representative, status=BookingStatus.CONFIRMED,
                   starts_at=now + 3 * DAY, ends_at=now + 3 * DAY + datetime.timedelta(hours=1))
    # In evaluation since the deadline passed; its evaluation date has passed too.
    call = CallFactory(status=CallStatus.EVALUATION, opens_at=now - 30 * DAY, closes_at=now - 10 * DAY,
                       evaluation_until=timezone.localdate() - DAY)
    evaluator, other_evaluator = make_user("evaluator", scope=call), make_user("evaluator", scope=call)
    first, second, third = _applications(call, 3, make_user)
    for evaluator_ in (evaluator, other_evaluator):
        Assignment.objects.create(application=first, evaluator=evaluator_)
    done = Assignment.objects.create(application=second, evaluator=other_evaluator)
    Review.objects.create(assignment=done, status=Review.Status.SUBMITTED)
    Assignment.objects.create(application=third, evaluator=evaluator)
    Conflict.objects.create(application=third, evaluator=evaluator, reason="My cousin")
    # second and third have one evaluator each: short; pending reviews: first ×2, third (conflict) → overdue 3.
    CallFactory(closes_at=now + 2 * DAY)
    CallFactory(closes_at=now + 20 * DAY)  # not this week
    meeting = MeetingFactory(starts_at=now + DAY, ends_at=now + DAY + datetime.timedelta(hours=2), capacity=1)
    Registration.objects.create(meeting=meeting, person=make_user("participant"), status=RegistrationStatus.REGISTERED)
    Registration.objects.create(meeting=meeting, person=make_user("participant"), status=RegistrationStatus.WAITING)
    MeetingFactory(starts_at=now + 10 * DAY, ends_at=now + 10 * DAY + datetime.timedelta(hours=2))
    running = MeetingFactory(starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=1))
    workshop = Workshop.objects.create(meeting=running, slug="cafe")
    Workshop.objects.create(meeting=MeetingFactory(starts_at=now + 2 * DAY, ends_at=now + 2 * DAY + DAY / 12),
                            slug="later")
    facilitator = make_user("facilitator", scope=workshop)
    table_host = make_user("participant")
    WorkshopTable.objects.create(workshop=workshop, number=1, topic="Parks", facilitator=table_host)
    plan = make_plan(programmes=1, activities=3)
    ended, updated, done_activity = Activity.objects.filter(plan=plan).order_by("position")
    Activity.objects.filter(plan=plan).update(ends_on=timezone.localdate() - 10 * DAY, status=ActivityStatus.ONGOING)
    ProgressUpdate.objects.create(activity=updated, date=timezone.localdate() - 5 * DAY, progress=100)
    Activity.objects.filter(pk=done_activity.pk).update(status=ActivityStatus.DONE)
    return {"park": park, "school": school, "representative": representative, "evaluator": evaluator,
            "facilitator": facilitator, "table_host": table_host, "ended": ended, "call": call}


def counts(user):
    return {key: item["count"] for key, item in selectors.dashboard(user)["items"].items()}


def test_an_editor_sees_everything(world, make_user):
    assert counts(make_user("editor")) == {
        "reports": 3, "waiting_approval": 2, "bookings": 1, "short_of_evaluators": 2, "reviews_overdue": 3,
        "calls_closing": 1, "meetings": 3, "workshops": 1, "activities": 1}


def test_moderators_see_the_queue_of_what_they_moderate(world, make_user):
    assert counts(make_user("moderator")) == {"reports": 3, "waiting_approval": 2}
    assert counts(make_user("moderator", scope=world["park"])) == {"reports": 2, "waiting_approval": 1}


def test_an_evaluator_sees_their_own_reviews(world):
    dashboard = selectors.dashboard(world["evaluator"])
    assert {key: item["count"] for key, item in dashboard["items"].items()} == {"my_reviews": 1}
    assert dashboard["items"]["my_reviews"]["overdue"] == 1


def test_facilitators_see_their_workshop(world):
    assert counts(world["facilitator"]) == {"my_workshops": 1}
    assert counts(world["table_host"]) == {"my_workshops": 1}


def test_a_member_representative_sees_their_bookings(world):
    assert counts(world["representative"]) == {"my_bookings": 2}


def test_the_page_shows_counts_and_links(client, world, make_user):
    client.force_login(make_user("administrator"))
    response = client.get(reverse("staff:dashboard"))
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("network:booking_manage") in page and reverse("moderation:queue") in page
    assert reverse("moderation:waiting") in page and 'id="count-waiting-approval">2' in page
    assert reverse("audit:log") in page and reverse("calls:manage", args=[world["call"].slug]) in page
    assert "Activity 0.0" in page
    client.force_login(make_user("editor"))
    assert reverse("audit:log") not in client.get(reverse("staff:dashboard")).content.decode()
    client.force_login(world["evaluator"])
    page = client.get(reverse("staff:dashboard")).content.decode()
    assert reverse("calls:my_reviews") in page and reverse("network:booking_manage") not in page


def test_who_gets_the_page(client, make_user):
    url = reverse("staff:dashboard")
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(make_user("participant"))
    assert client.get(url).status_code == 403
    client.force_login(make_user("editor"))
    response = client.get(url)
    assert response.status_code == 200
    # The header's user menu leads there.
    assert f'href="{url}"' in response.content.decode()


def test_the_audit_log_still_answers(client, make_user):
    client.force_login(make_user("administrator"))
    assert client.get(reverse("audit:log")).status_code == 200


def test_fixed_queries(client, world, make_user, assert_constant_queries):
    editor = make_user("editor")
    client.force_login(editor)
    others = {}
    for key in ("evaluator", "facilitator", "representative"):
        others[key] = client.__class__()
        others[key].force_login(world[key])
    moderator = client.__class__()
    moderator.force_login(make_user("moderator", scope=world["park"]))
    url = reverse("staff:dashboard")

    def grow():
        now = timezone.now()
        for idea in (IdeaFactory(process=world["park"]), IdeaFactory(process=world["school"])):
            report_create(target=idea, by=make_user("participant"), reason="spam")
            IdeaFactory(process=idea.process, is_hidden=True, review_state="waiting")
        call = world["call"]
        applications = _applications(call, 2, make_user)
        for application in applications:
            Assignment.objects.create(application=application, evaluator=world["evaluator"])
        CallFactory(closes_at=now + 3 * DAY)
        meeting = MeetingFactory(starts_at=now + 2 * DAY, ends_at=now + 2 * DAY + DAY / 12)
        Registration.objects.create(meeting=meeting, person=make_user("participant"),
                                    status=RegistrationStatus.WAITING)
        running = MeetingFactory(starts_at=now - DAY / 24, ends_at=now + DAY / 24)
        workshop = Workshop.objects.create(meeting=running, slug="second")
        WorkshopTable.objects.create(workshop=workshop, number=1, topic="Trees", facilitator=world["table_host"])
        plan = make_plan(year=2022, programmes=1, activities=2)
        Activity.objects.filter(plan=plan).update(ends_on=timezone.localdate() - DAY)
        BookingFactory(organisation=world["representative"].representations.get().organisation,
                       booked_by=world["representative"], status=BookingStatus.REQUESTED,
                       starts_at=now + 4 * DAY, ends_at=now + 4 * DAY + DAY / 24)

    assert_constant_queries(client, [url, (moderator, url), *[(other, url) for other in others.values()]], grow)
