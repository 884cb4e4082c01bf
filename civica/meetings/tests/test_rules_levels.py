"""Truth table of registering for a meeting of a consultation that asks for a verification level
(``Process.level_register``, issue 21 point 6): the level needed × what the person holds."""

import pytest
from django.utils import translation

from civica.core import refusals
from civica.meetings import services
from civica.meetings.models import Registration, RegistrationStatus
from civica.meetings.tests.factories import MeetingFactory
from civica.participation.tests.factories import ProcessFactory
from civica.verification.levels import RANK, Level
from civica.verification.models import Method, Verification

pytestmark = pytest.mark.django_db

PERMISSIONS = ["meetings.register", "meetings.register_again"]


@pytest.mark.parametrize("needed", list(Level))
@pytest.mark.parametrize("holds", list(Level))
def test_registering_needs_the_level_of_the_meetings_consultation(make_user, needed, holds):
    person = make_user("participant")
    if holds != Level.EMAIL:
        Verification.objects.create(user=person, level=holds, method=Method.DESK)
    meeting = MeetingFactory(process=ProcessFactory(level_register=needed))
    meets = RANK[holds] >= RANK[needed]
    assert person.has_perm("meetings.register", meeting) == meets
    failing = refusals.failing(person, "meetings.register", meeting)
    assert (failing.name if failing else None) == (None if meets else "level_register")
    registration = Registration.objects.create(meeting=meeting, person=person, status=RegistrationStatus.CANCELLED)
    assert person.has_perm("meetings.register_again", registration) == meets


def test_a_meeting_of_no_consultation_needs_a_verified_email(make_user):
    assert make_user("participant").has_perm("meetings.register", MeetingFactory(process=None))


def test_the_service_refuses_with_the_level_and_how_to_get_it(make_user):
    meeting = MeetingFactory(process=ProcessFactory(level_register=Level.IN_PERSON))
    with translation.override("en"), pytest.raises(refusals.Refused, match="you need: verified in person"):
        services.register(meeting=meeting, by=make_user("participant"), accepted_terms=True)
    assert not Registration.objects.exists()
