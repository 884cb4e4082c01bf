"""Truth tables of the centre's spaces and bookings: each role × the state of the space, of the
organisation booked for, and of the booking (its status and where it stands in time)."""

import datetime

import pytest
from django.utils import timezone

from civica.core import refusals
from civica.network.models import BookingStatus, SpaceStatus
from civica.network.tests.factories import BookingFactory, MemberFactory, OrganisationFactory, SpaceFactory

PERMISSIONS = {"network.book_space", "network.book_for_organisation", "network.see_booking",
               "network.manage_bookings", "network.confirm_booking", "network.decline_booking",
               "network.cancel_booking"}

# booker: the member representative who made the booking; colleague: another representative of the
# same member organisation; other_member: a representative of another member; partner: a
# representative of a partner organisation (not a member).
KINDS = ["anonymous", "unverified_representative", "participant", "booker", "colleague", "other_member",
         "partner", "moderator", "editor", "administrator"]
REPRESENTATIVES = {"booker", "colleague", "other_member"}
EDITORS = {"editor", "administrator"}


@pytest.fixture
def organisation(db):
    return MemberFactory()


@pytest.fixture
def make(make_user, organisation):
    def make(kind):
        if kind in {"booker", "colleague"}:
            return make_user("member_representative", scope=organisation)
        if kind == "unverified_representative":
            return make_user("member_representative", scope=organisation, verified=False)
        if kind == "other_member":
            return make_user("member_representative", scope=MemberFactory())
        if kind == "partner":
            return make_user("member_representative", scope=OrganisationFactory())
        return make_user(kind)

    return make


SPACES = {
    "open": {},
    "open_not_bookable": {"is_bookable": False},
    "preparing": {"status": SpaceStatus.PREPARING},
    "closed": {"status": SpaceStatus.CLOSED},
}


@pytest.mark.django_db
@pytest.mark.parametrize("space_state", SPACES)
@pytest.mark.parametrize("kind", KINDS)
def test_book_space(make, kind, space_state):
    space, user = SpaceFactory(**SPACES[space_state]), make(kind)
    assert user.has_perm("network.book_space", space) == (kind in REPRESENTATIVES and space_state == "open")
    # Why not: the first requirement that fails (core/refusals.py), by its predicate's name.
    failing = refusals.failing(user, "network.book_space", space)
    expected = ("space_takes_bookings" if space_state != "open" else
                "participant" if kind in {"anonymous", "unverified_representative"} else
                "represents_member_organisation" if kind not in REPRESENTATIVES else None)
    assert (failing.name if failing else None) == expected
    assert bool(refusals.why_not(user, "network.book_space", space)) == bool(expected)


@pytest.mark.django_db
@pytest.mark.parametrize("whose", ["own_member", "another_member", "partner"])
@pytest.mark.parametrize("kind", KINDS)
def test_book_for_organisation(make, organisation, kind, whose):
    target = {"own_member": organisation, "another_member": MemberFactory(), "partner": OrganisationFactory()}[whose]
    expected = kind in {"booker", "colleague"} and whose == "own_member"
    assert make(kind).has_perm("network.book_for_organisation", target) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_manage_bookings_is_for_editors(make, kind):
    assert make(kind).has_perm("network.manage_bookings") == (kind in EDITORS)


HOUR = datetime.timedelta(hours=1)
WHEN = {"ahead": (2 * HOUR, 4 * HOUR), "under_way": (-HOUR, HOUR), "over": (-4 * HOUR, -2 * HOUR)}
HOLDING = {BookingStatus.REQUESTED, BookingStatus.CONFIRMED}


@pytest.mark.django_db
@pytest.mark.parametrize("when", WHEN)
@pytest.mark.parametrize("status", list(BookingStatus))
@pytest.mark.parametrize("kind", KINDS)
def test_booking_permissions(make, organisation, kind, status, when):
    user = make(kind)
    start, end = WHEN[when]
    now = timezone.now()
    booking = BookingFactory(organisation=organisation, booked_by=user if kind == "booker" else None, status=status,
                             starts_at=now + start, ends_at=now + end)
    editor, booker = kind in EDITORS, kind == "booker"
    awaiting = status == BookingStatus.REQUESTED and when != "over"
    expected = {
        "network.see_booking": booker or editor,
        "network.confirm_booking": editor and awaiting,
        "network.decline_booking": editor and awaiting,
        "network.cancel_booking": status in HOLDING and ((booker and when == "ahead") or (editor and when != "over")),
    }
    assert {permission: user.has_perm(permission, booking) for permission in expected} == expected
