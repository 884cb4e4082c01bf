"""Truth tables of meetings: each role × each state of the meeting (published or not, registration
open or closed, ahead, under way or over). Workshops have their own (issue 13 moves them out)."""

import datetime

import pytest
from django.utils import timezone

from civica.core import refusals
from civica.meetings.models import Registration, RegistrationStatus
from civica.meetings.tests.factories import MeetingFactory

PERMISSIONS = {"meetings.register", "meetings.see_online_link", "meetings.manage_meeting", "meetings.check_in",
               "meetings.cancel_registration", "meetings.register_again", "meetings.promote_registration"}

KINDS = ["anonymous", "unverified", "participant", "registered", "waiting", "cancelled", "moderator", "editor"]
VERIFIED = {"participant", "registered", "waiting", "cancelled", "moderator", "editor"}
HOUR = datetime.timedelta(hours=1)
STATES = {
    "ahead": {},
    "ahead_registration_closed": {"registration_open": False},
    "ahead_unpublished": {"is_published": False},
    "ahead_cancelled": {"cancelled_at": "now"},
    "under_way": {"starts_at": -HOUR, "ends_at": HOUR},
    "over": {"starts_at": -3 * HOUR, "ends_at": -HOUR},
}


def meeting_in(state):
    fields = dict(STATES[state])
    now = timezone.now()
    for key in ("starts_at", "ends_at"):
        if key in fields:
            fields[key] = now + fields[key]
    if fields.get("cancelled_at") == "now":
        fields["cancelled_at"] = now
    return MeetingFactory(**fields)


@pytest.fixture
def make(make_user):
    def make(kind, meeting):
        if kind in {"registered", "waiting", "cancelled"}:
            person = make_user("participant")
            Registration.objects.create(meeting=meeting, person=person, status=RegistrationStatus(kind))
            return person
        return make_user(kind)

    return make


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", KINDS)
def test_meeting_permissions(make, kind, state):
    meeting = meeting_in(state)
    user = make(kind, meeting)
    expected = {
        # Publication is the pages' business (an unpublished meeting answers 404), not this permission's.
        "meetings.register": kind in VERIFIED and state in {"ahead", "ahead_unpublished", "under_way"},
        "meetings.see_online_link": kind in {"registered", "editor"},
        "meetings.manage_meeting": kind == "editor",
        "meetings.check_in": kind == "editor",
        # Comments say how a meeting went: they open when a published meeting begins.
        "comments.post": kind in VERIFIED and state in {"under_way", "over"},
    }
    assert {permission: user.has_perm(permission, meeting) for permission in expected} == expected
    # Why not register (core/refusals.py): not a verified participant, then no registrations taken.
    failing = refusals.failing(user, "meetings.register", meeting)
    assert getattr(failing, "name", None) == ("participant" if kind not in VERIFIED else
                                              None if expected["meetings.register"] else "takes_registrations")


@pytest.mark.django_db
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("state", ["ahead", "ahead_registration_closed", "over"])
@pytest.mark.parametrize("kind", ["anonymous", "registrant", "other_participant", "editor"])
def test_registration_permissions(make_user, kind, state, full):
    """The moves of one registration (models.REGISTRATION_TRANSITIONS), seen by each role."""
    meeting = meeting_in(state)
    meeting.capacity = 1
    meeting.save(update_fields=["capacity"])
    if full:
        Registration.objects.create(meeting=meeting, person=make_user("participant"),
                                    status=RegistrationStatus.REGISTERED)
    registration = Registration.objects.create(meeting=meeting, person=make_user("participant"),
                                               status=RegistrationStatus.WAITING)
    user = registration.person if kind == "registrant" else make_user(
        {"other_participant": "participant"}.get(kind, kind))
    expected = {
        "meetings.cancel_registration": kind in {"registrant", "editor"},
        "meetings.register_again": kind == "registrant" and state == "ahead",
        # The waiting list moves up whenever a place is free, whoever freed it.
        "meetings.promote_registration": not full,
    }
    assert {permission: user.has_perm(permission, registration) for permission in expected} == expected
    reasons = {permission: getattr(refusals.failing(user, permission, registration), "name", None)
               for permission in ("meetings.cancel_registration", "meetings.register_again")}
    assert reasons == {
        "meetings.cancel_registration": None if expected["meetings.cancel_registration"] else "registrant_or_editor",
        "meetings.register_again": ("is_registrant" if kind != "registrant" else
                                    None if state == "ahead" else "its_meeting_takes_registrations"),
    }
