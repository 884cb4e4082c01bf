"""A space is never double-booked under parallel requests: the space's row is locked while its time
is checked and taken (PostgreSQL; SQLite serialises every writer, so there is nothing to prove)."""


import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.meetings import services as meeting_services
from civica.meetings.tests.factories import MeetingFactory
from civica.network import services
from civica.network.availability import LIMITS
from civica.network.models import Booking
from civica.network.tests.factories import MemberFactory, SpaceFactory, bucharest, member_representative

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()




def test_parallel_requests_for_overlapping_times_give_one_booking():
    space = SpaceFactory()
    members = [member_representative() for _ in range(10)]
    clients = []
    for member in members:
        client = Client()
        client.force_login(member)
        clients.append(client)
    day = bucharest(3, 0).date().isoformat()
    responses = []

    def post(client, member, hour):
        responses.append(client.post(f"/en/network/spaces/{space.slug}/book/", {
            "organisation": member.representations.get().organisation_id, "day": day,
            "starts": f"{hour:02d}:00", "ends": f"{hour + 2:02d}:00", "purpose": "Conference"}))

    # Ten requests at once for 10:00–12:00, 11:00–13:00, … all sharing 11:00–12:00.
    outcomes = run_together([lambda c=client, m=member, h=10 + index % 2: post(c, m, h)
                             for index, (client, member) in enumerate(zip(clients, members, strict=True))])
    assert outcomes == [None] * 10
    assert sorted(response.status_code for response in responses) == [302] + [400] * 9
    assert Booking.objects.filter(space=space).count() == 1


def test_a_booking_and_a_meeting_racing_for_one_time_never_both_win():
    space = SpaceFactory()
    member = member_representative()
    organisation = member.representations.get().organisation
    for attempt in range(5):
        start, end = bucharest(3 + attempt, 10), bucharest(3 + attempt, 12)
        meeting = MeetingFactory.build(space=space, starts_at=start, ends_at=end)
        outcomes = run_together([
            lambda s=start, e=end: services.space_book(space=space, organisation=organisation, starts_at=s,
                                                       ends_at=e, purpose="Conference", by=member),
            lambda m=meeting: meeting_services.meeting_save(meeting=m),
        ])
        assert sum(outcome is None for outcome in outcomes) == 1
        assert all(isinstance(outcome, ValidationError) for outcome in outcomes if outcome is not None)
        taken = Booking.objects.filter(space=space, starts_at=start).count() + space.meetings.filter(
            starts_at=start).count()
        assert taken == 1
        Booking.objects.filter(space=space).delete()  # the organisation's limit stays out of the way


def test_one_organisation_never_holds_more_than_its_limit_even_booking_several_spaces_at_once():
    organisation = MemberFactory()
    representatives = [member_representative(organisation) for _ in range(8)]
    spaces = SpaceFactory.create_batch(8)
    outcomes = run_together([
        lambda p=person, s=space: services.space_book(space=s, organisation=organisation, starts_at=bucharest(3, 10),
                                                      ends_at=bucharest(3, 12), purpose="Workshop", by=p)
        for person, space in zip(representatives, spaces, strict=True)])
    assert sum(outcome is None for outcome in outcomes) == LIMITS.open_per_organisation
    assert Booking.objects.filter(organisation=organisation).count() == LIMITS.open_per_organisation
