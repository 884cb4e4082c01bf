"""Booking the centre's spaces: who may, the limits, never two uses of one time, the status moves
and the e-mails that tell the member."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import formats, timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.network import services
from civica.network.availability import LIMITS
from civica.network.models import Booking, BookingStatus
from civica.network.tests.factories import (
    BookingFactory,
    MemberFactory,
    OrganisationFactory,
    SpaceFactory,
    bucharest,
    member_representative,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def book(member, space, start, end, organisation=None, purpose="Online conference"):
    return services.space_book(space=space, organisation=organisation or member.representations.get().organisation,
                               starts_at=start, ends_at=end, purpose=purpose, by=member)


def day_of(moment):
    return formats.date_format(timezone.localtime(moment), "j F Y")


def test_a_member_asks_and_the_request_holds_the_time(member, studio):
    with TestCase.captureOnCommitCallbacks(execute=True):
        booking = book(member, studio, bucharest(3, 10), bucharest(3, 12), purpose="  Online conference  ")
    assert booking.status == BookingStatus.REQUESTED and booking.purpose == "Online conference"
    assert booking.organisation.name == "Consiliul Județean Cluj"
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject == "[Civica] Booking request received: The studio"
    assert "10:00–12:00" in mail.outbox[0].body and "/en/network/bookings/" in mail.outbox[0].body
    with pytest.raises(ValidationError) as refused:
        book(member_representative(), studio, bucharest(3, 11), bucharest(3, 13))
    assert refused.value.messages == [
        f"The studio is taken on {day_of(bucharest(3, 11))}, 10:00–12:00 by another booking. "
        "Choose another time: the taken times are listed with the form."]


def test_touching_bookings_are_fine_and_other_spaces_are_independent(member, studio):
    book(member, studio, bucharest(3, 10), bucharest(3, 12))
    book(member, studio, bucharest(3, 12), bucharest(3, 14))
    book(member, SpaceFactory(), bucharest(3, 10), bucharest(3, 12))
    assert Booking.objects.count() == 3


def test_declined_and_cancelled_bookings_free_the_time(member, studio):
    BookingFactory(space=studio, status=BookingStatus.DECLINED, starts_at=bucharest(3, 10), ends_at=bucharest(3, 12))
    BookingFactory(space=studio, status=BookingStatus.CANCELLED, starts_at=bucharest(3, 10),
                   ends_at=bucharest(3, 12))
    assert book(member, studio, bucharest(3, 10), bucharest(3, 12)).status == BookingStatus.REQUESTED


def test_a_booking_never_overlaps_a_meeting_and_names_it_only_when_public(member, studio):
    MeetingFactory(title_en="Members' forum", space=studio, starts_at=bucharest(4, 9), ends_at=bucharest(4, 11))
    MeetingFactory(title_en="Rehearsal", space=studio, is_published=False, starts_at=bucharest(5, 9),
                   ends_at=bucharest(5, 11))
    with pytest.raises(ValidationError, match="by the meeting “Members' forum”"):
        book(member, studio, bucharest(4, 10), bucharest(4, 12))
    with pytest.raises(ValidationError) as refused:
        book(member, studio, bucharest(5, 10), bucharest(5, 12))
    assert "by a meeting of the centre." in refused.value.messages[0] and "Rehearsal" not in str(refused.value)
    assert book(member, studio, bucharest(4, 11), bucharest(4, 12))


def test_a_meeting_never_overlaps_a_booking(member, studio):
    from civica.meetings.services import meeting_save

    book(member, studio, bucharest(3, 10), bucharest(3, 12))
    with pytest.raises(ValidationError) as refused:
        meeting_save(meeting=MeetingFactory.build(space=studio, starts_at=bucharest(3, 11), ends_at=bucharest(3, 15)))
    # The staff may know who holds it.
    assert refused.value.message_dict["space"] == [
        f"The studio is taken on {day_of(bucharest(3, 10))}, 10:00–12:00 by a booking by Consiliul Județean Cluj."]


@pytest.mark.parametrize(("start", "end", "field", "message"), [
    ((3, 12), (3, 10), "ends_at", "The end must come after the start."),
    ((-1, 10), (-1, 12), "starts_at", "This time has passed: choose a time still to come."),
    ((3, 10), (3, 10, 20), "ends_at", "A booking lasts at least 30 minutes."),
    ((3, 8), (3, 18), "ends_at", "A booking lasts at most 8 hours."),
    ((LIMITS.horizon.days + 2, 10), (LIMITS.horizon.days + 2, 12), "starts_at",
     f"Bookings open at most {LIMITS.horizon.days} days ahead, until"),
])
def test_the_limits_of_one_booking(member, studio, start, end, field, message):
    with pytest.raises(ValidationError) as refused:
        book(member, studio, bucharest(*start), bucharest(*end))
    assert refused.value.message_dict[field][0].startswith(message)
    assert not Booking.objects.exists()


def test_a_purpose_is_needed(member, studio):
    with pytest.raises(ValidationError) as refused:
        book(member, studio, bucharest(3, 10), bucharest(3, 12), purpose="   ")
    assert refused.value.message_dict == {"purpose": ["Say what the space is for."]}
    with pytest.raises(ValidationError, match="At most 500 characters"):
        book(member, studio, bucharest(3, 10), bucharest(3, 12), purpose="x" * 501)


def test_an_organisation_holds_a_limited_number_of_bookings_still_to_come(member, studio, member_organisation):
    for day in range(1, LIMITS.open_per_organisation + 1):
        book(member, studio, bucharest(day, 10), bucharest(day, 11))
    colleague = member_representative(member_organisation)
    with pytest.raises(ValidationError) as refused:
        book(colleague, SpaceFactory(), bucharest(9, 10), bucharest(9, 11))
    assert refused.value.messages == [
        f"Consiliul Județean Cluj already holds {LIMITS.open_per_organisation} bookings still to come, the most an "
        "organisation may hold: cancel one or wait until one has passed."]
    # Past, declined and cancelled bookings do not count.
    BookingFactory(organisation=member_organisation, starts_at=bucharest(-2, 10), ends_at=bucharest(-2, 11))
    services.booking_cancel(booking=Booking.objects.filter(booked_by=member).first(), by=member)
    assert book(colleague, studio, bucharest(9, 10), bucharest(9, 11))


def test_who_may_book(member, studio, participant, editor, unverified):
    for person in (participant, editor):
        with pytest.raises(PermissionDenied, match="representatives of the centre's member organisations"):
            book(person, studio, bucharest(3, 10), bucharest(3, 12), organisation=MemberFactory())
    unverified_member = member_representative(verified=False)
    with pytest.raises(PermissionDenied, match="Verify your e-mail address"):
        book(unverified_member, studio, bucharest(3, 10), bucharest(3, 12))
    with pytest.raises(PermissionDenied, match="only for a member organisation you represent"):
        book(member, studio, bucharest(3, 10), bucharest(3, 12), organisation=MemberFactory())
    # Representing a partner (not a member) is not enough.
    partner = OrganisationFactory()
    with pytest.raises(PermissionDenied):
        book(member_representative(partner), studio, bucharest(3, 10), bucharest(3, 12), organisation=partner)
    for closed in (SpaceFactory(closed=True), SpaceFactory(is_bookable=False)):
        with pytest.raises(PermissionDenied, match="This space does not take bookings."):
            book(member, closed, bucharest(3, 10), bucharest(3, 12))
    assert not Booking.objects.exists()


def test_staff_confirm_or_decline_requests_and_the_member_is_told_in_their_language(member, studio, editor):
    member.language = "ro"
    member.save()
    first = book(member, studio, bucharest(3, 10), bucharest(3, 12))
    second = book(member, studio, bucharest(4, 10), bucharest(4, 12))
    with pytest.raises(PermissionDenied, match="The centre's staff confirm and decline bookings."):
        services.booking_confirm(booking=first, by=member)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        confirmed = services.booking_confirm(booking=first, by=editor)
    assert confirmed.status == BookingStatus.CONFIRMED and confirmed.decided_by == editor
    assert mail.outbox[-1].subject == "[Civica] Rezervare confirmată: Studioul"
    assert "Rezervarea dumneavoastră este confirmată." in mail.outbox[-1].body
    with translation.override("ro"):
        assert formats.date_format(timezone.localtime(bucharest(3, 10)), "j F Y") in mail.outbox[-1].body
    with pytest.raises(ValidationError, match="Say why"):
        services.booking_decline(booking=second, by=editor, reason=" ")
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.booking_decline(booking=second, by=editor, reason="The studio is being repaired.")
    assert Booking.objects.get(pk=second.pk).status == BookingStatus.DECLINED
    assert "The studio is being repaired." in mail.outbox[-1].body
    # Only the moves the model declares: a declined booking never comes back, a confirmed one is not declined.
    with pytest.raises(ValidationError, match="that change is no longer possible"):
        services.booking_confirm(booking=second, by=editor)
    with pytest.raises(ValidationError, match="that change is no longer possible"):
        services.booking_decline(booking=confirmed, by=editor, reason="No")


def test_cancelling_by_the_member_before_it_begins_or_by_staff_until_it_ends(member, studio, editor, participant):
    mine = book(member, studio, bucharest(3, 10), bucharest(3, 12))
    with pytest.raises(PermissionDenied, match="cancelled by the person who made it"):
        services.booking_cancel(booking=mine, by=participant)
    with pytest.raises(PermissionDenied):
        services.booking_cancel(booking=mine, by=member_representative(member.representations.get().organisation))
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.booking_cancel(booking=mine, by=member)
    assert Booking.objects.get(pk=mine.pk).status == BookingStatus.CANCELLED
    assert mail.outbox[-1].subject == "[Civica] Booking cancelled: The studio"
    assert "You cancelled your booking." in mail.outbox[-1].body
    with pytest.raises(ValidationError):
        services.booking_cancel(booking=mine, by=member)
    now = timezone.now()
    running = BookingFactory(space=studio, booked_by=member, starts_at=now - datetime.timedelta(minutes=30),
                             ends_at=now + datetime.timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        services.booking_cancel(booking=running, by=member)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.booking_cancel(booking=running, by=editor, reason="Power cut")
    assert "The centre's staff cancelled your booking." in mail.outbox[-1].body and "Power cut" in mail.outbox[-1].body
    ended = BookingFactory(space=studio, booked_by=member, starts_at=now - datetime.timedelta(hours=3),
                           ends_at=now - datetime.timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        services.booking_cancel(booking=ended, by=editor)


@pytest.mark.parametrize("role", [None, "participant", "member", "editor", "administrator"])
def test_permission_truth_table_for_booking_moves(role, studio, member_organisation):
    booker = member_representative(member_organisation)
    people = {
        None: None, "participant": UserFactory(), "member": member_representative(member_organisation),
        "editor": UserFactory(role=Role.EDITOR), "administrator": UserFactory(role=Role.ADMINISTRATOR),
    }
    from django.contrib.auth.models import AnonymousUser

    person = people[role] or AnonymousUser()
    requested = BookingFactory(space=studio, booked_by=booker, status=BookingStatus.REQUESTED)
    staff = role in ("editor", "administrator")
    assert person.has_perm("network.book_space", studio) is (role == "member")
    assert person.has_perm("network.book_for_organisation", member_organisation) is (role == "member")
    assert person.has_perm("network.see_booking", requested) is staff
    assert person.has_perm("network.manage_bookings") is staff
    assert person.has_perm("network.confirm_booking", requested) is staff
    assert person.has_perm("network.decline_booking", requested) is staff
    assert person.has_perm("network.cancel_booking", requested) is staff
    assert booker.has_perm("network.cancel_booking", requested) and booker.has_perm("network.see_booking", requested)
    assert not booker.has_perm("network.confirm_booking", requested)
