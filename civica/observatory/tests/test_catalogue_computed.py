"""Counted indicators on real rows made with the apps' factories: each count by year, in one query
(the newsletter's: one a year), stored by ``refresh_computed`` as the indicator's values (and again
unchanged), the command; and analysts cannot type a value into a counted indicator."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from civica.accounts.tests.factories import UserFactory
from civica.calls.models import Application, ApplicationStatus, CallStatus, Decision
from civica.calls.tests.factories import CallFactory
from civica.comments.models import Comment
from civica.meetings.models import Registration, RegistrationStatus
from civica.meetings.tests.factories import MeetingFactory
from civica.network.models import BookingStatus
from civica.network.tests.factories import BookingFactory
from civica.newsletter.tests.factories import subscriber
from civica.observatory import computed, services
from civica.observatory.models import IndicatorValue, ValueOrigin, ValueStatus
from civica.observatory.tests.factories import IndicatorFactory, analyst
from civica.participation.models import Support
from civica.participation.tests.factories import IdeaFactory

ZONE = timezone.get_current_timezone()


def moment(year, month=6, day=1, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=ZONE)


@pytest.fixture
def first_queries_done(db):
    """Content types read once (cached for the process), so counts measure their own queries."""
    from django.contrib.contenttypes.models import ContentType

    from civica.participation.models import Process

    ContentType.objects.get_for_model(Process)


def test_participants_are_distinct_people_a_year(first_queries_done, django_assert_num_queries):
    proposer, supporter, commenter = UserFactory(), UserFactory(), UserFactory()
    idea = IdeaFactory(author=proposer, created_at=moment(2024, 3))
    Support.objects.create(idea=idea, user=supporter, created_at=moment(2024, 4))
    Support.objects.create(idea=IdeaFactory(process=idea.process, author=supporter, created_at=moment(2025, 2)),
                           user=proposer, created_at=moment(2025, 3))
    for author, when in ((commenter, moment(2024, 5)), (proposer, moment(2024, 6)), (commenter, moment(2025, 1))):
        Comment.objects.create(target=idea, scope=idea.process, author=author, body="Da.", created_at=when)
    # A comment outside a consultation (no scope) is not taking part in one.
    Comment.objects.create(target=idea, author=UserFactory(), body="Altceva.", created_at=moment(2024, 7))
    # New Year's Eve in Bucharest is still the old year.
    Support.objects.create(idea=IdeaFactory(process=idea.process, author=commenter, created_at=moment(2023, 5)),
                           user=UserFactory(), created_at=datetime.datetime(2023, 12, 31, 23, 30, tzinfo=ZONE))
    with django_assert_num_queries(1):
        counted = computed.counts["participation.participants"].by_year(None)
    assert counted == {2023: 2, 2024: 3, 2025: 3}
    with django_assert_num_queries(1):
        assert computed.counts["participation.participants"].by_year([2024]) == {2024: 3}


def test_meeting_registrations_and_attendance(db, django_assert_num_queries):
    meeting = MeetingFactory(starts_at=moment(2024, 5), ends_at=moment(2024, 5, hour=14))
    cancelled = MeetingFactory(starts_at=moment(2024, 6), ends_at=moment(2024, 6, hour=14),
                               cancelled_at=moment(2024, 5, 20))
    people = UserFactory.create_batch(4)
    Registration.objects.create(meeting=meeting, person=people[0], status=RegistrationStatus.REGISTERED,
                                checked_in_at=moment(2024, 5))
    Registration.objects.create(meeting=meeting, person=people[1], status=RegistrationStatus.REGISTERED)
    Registration.objects.create(meeting=meeting, person=people[2], status=RegistrationStatus.WAITING)
    Registration.objects.create(meeting=meeting, person=people[3], status=RegistrationStatus.CANCELLED)
    Registration.objects.create(meeting=cancelled, person=people[0], status=RegistrationStatus.REGISTERED)
    with django_assert_num_queries(1):
        assert computed.counts["meetings.registrations"].by_year(None) == {2024: 2}
    with django_assert_num_queries(1):
        assert computed.counts["meetings.attendance"].by_year(None) == {2024: 1}


def test_applications_and_funds_granted(db, django_assert_num_queries):
    decided = CallFactory(status=CallStatus.RESULTS_PUBLISHED, opens_at=moment(2024, 1), closes_at=moment(2024, 3))
    pending = CallFactory(status=CallStatus.EVALUATION, opens_at=moment(2025, 1), closes_at=moment(2025, 3))
    for call, status, submitted, decision, amount in (
        (decided, ApplicationStatus.SUBMITTED, moment(2024, 2), Decision.FUNDED, Decimal("5000.50")),
        (decided, ApplicationStatus.SUBMITTED, moment(2024, 2), Decision.FUNDED, Decimal("3000")),
        (decided, ApplicationStatus.SUBMITTED, moment(2024, 2), Decision.RESERVE, None),
        (decided, ApplicationStatus.WITHDRAWN, moment(2024, 2), "", None),
        (pending, ApplicationStatus.SUBMITTED, moment(2025, 2), Decision.FUNDED, Decimal("9000")),
        (pending, ApplicationStatus.DRAFT, None, "", None),
    ):
        Application.objects.create(call=call, applicant=UserFactory(), status=status, submitted_at=submitted,
                                   reference=f"T-{Application.objects.count()}",
                                   decision=decision, amount_awarded=amount)
    with django_assert_num_queries(1):
        assert computed.counts["calls.applications"].by_year(None) == {2024: 3, 2025: 1}
    with django_assert_num_queries(1):
        assert computed.counts["calls.funds_granted"].by_year(None) == {2024: Decimal("8000.50")}


def test_confirmed_bookings(db, django_assert_num_queries):
    BookingFactory(starts_at=moment(2024, 6, hour=10), ends_at=moment(2024, 6, hour=12))
    BookingFactory(starts_at=moment(2024, 7, hour=10), ends_at=moment(2024, 7, hour=12))
    BookingFactory(starts_at=moment(2024, 8, hour=10), ends_at=moment(2024, 8, hour=12), status=BookingStatus.DECLINED)
    BookingFactory(starts_at=moment(2025, 8, hour=10), ends_at=moment(2025, 8, hour=12))
    with django_assert_num_queries(1):
        assert computed.counts["network.bookings"].by_year(None) == {2024: 2, 2025: 1}


def test_newsletter_subscribers_at_the_years_end(db, django_assert_num_queries):
    subscriber("ana@example.org")
    subscriber("dan@example.org", confirmed=False)
    this_year = timezone.localdate().year
    with django_assert_num_queries(2):
        assert computed.counts["newsletter.subscribers"].by_year([this_year - 1, this_year]) == {
            this_year - 1: 0, this_year: 1}


def test_refresh_stores_counts_as_values_and_again_changes_nothing(db):
    this_year = timezone.localdate().year
    BookingFactory(starts_at=moment(this_year - 2, 6, hour=10), ends_at=moment(this_year - 2, 6, hour=12))
    BookingFactory(starts_at=moment(this_year - 2, 7, hour=10), ends_at=moment(this_year - 2, 7, hour=12))
    indicator = IndicatorFactory(computed_from="network.bookings")
    IndicatorFactory(code="typed")  # not counted: untouched
    assert services.refresh_computed() == {indicator.code: 3}
    values = {row.year: (row.value, row.status, row.origin, row.organisation_id)
              for row in IndicatorValue.objects.filter(indicator=indicator)}
    assert values == {this_year - 2: (Decimal(2), ValueStatus.FINAL, ValueOrigin.COMPUTED, None),
                      this_year - 1: (Decimal(0), ValueStatus.FINAL, ValueOrigin.COMPUTED, None),
                      this_year: (Decimal(0), ValueStatus.PROVISIONAL, ValueOrigin.COMPUTED, None)}
    assert services.refresh_computed() == {indicator.code: 0}
    BookingFactory(starts_at=moment(this_year - 2, 8, hour=10), ends_at=moment(this_year - 2, 8, hour=12))
    call_command("observatory_refresh_computed", "--year", str(this_year - 2), stdout=io.StringIO())
    assert IndicatorValue.objects.get(indicator=indicator, year=this_year - 2).value == Decimal(3)


def test_refreshing_by_hand_is_the_analysts(db):
    with pytest.raises(PermissionDenied):
        services.refresh_computed(by=UserFactory())
    services.refresh_computed(by=analyst())


def test_analysts_cannot_type_a_value_into_a_counted_indicator(client, db):
    indicator = IndicatorFactory(code="bookings", computed_from="network.bookings")
    person = analyst()
    with pytest.raises(ValidationError):
        services.value_save(indicator=indicator, by=person, year=2024, breakdown="", group="", value=Decimal(1))
    client.force_login(person)
    page = client.post("/en/observatory/manage/indicators/bookings/values/new/", {"year": "2024", "value": "5",
                                                                                 "status": "final"})
    assert page.status_code == 200
    assert "counted by the platform" in page.content.decode()
    assert not IndicatorValue.objects.exists()
    assert "Add a value" not in client.get("/en/observatory/manage/indicators/bookings/values/").content.decode()


def test_an_unknown_count_is_refused(db):
    from civica.observatory.tests.factories import FrameworkFactory

    with pytest.raises(ValidationError):
        services.indicator_save(by=analyst(), code="x", framework=FrameworkFactory(), name_ro="X", definition_ro="X",
                                unit="count", computed_from="nothing.here")


def test_a_count_can_be_registered_for_a_test(db):
    with computed.counts.registered(computed.Count("test.seven", "Seven", lambda years: {2024: 7})):
        indicator = IndicatorFactory(computed_from="test.seven")
        services.refresh_computed(years=[2024])
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal(7)
    assert "test.seven" not in computed.counts
