"""A person on a waiting list is told their place, on the page, in the message and in the e-mail,
and the place stays right as people before them cancel."""

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import translation

from civica.accounts.tests.factories import UserFactory
from civica.meetings import services
from civica.meetings.models import Registration
from civica.meetings.tests.factories import MeetingFactory


@pytest.mark.django_db
def test_a_waiting_registrant_is_told_their_place_and_it_follows_cancellations(client):
    meeting = MeetingFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3, language="en")
    services.register(meeting=meeting, by=first, accepted_terms=True)
    services.register(meeting=meeting, by=second, accepted_terms=True)
    client.force_login(third)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        page = client.post(f"/en/meetings/{meeting.slug}/register/", follow=True).content.decode()
    assert "you are number 2 on the waiting list" in page
    assert "You are number 2 on the waiting list" in page
    assert "you are number 2 on the waiting list for:" in mail.outbox[0].body
    services.cancel(registration=Registration.objects.get(person=second), by=second)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "You are number 1 on the waiting list" in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.cancel(registration=Registration.objects.get(person=first), by=first)
    assert "Your code at the door" in client.get(meeting.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_place_is_told_in_romanian_too(client):
    meeting = MeetingFactory(capacity=1)
    services.register(meeting=meeting, by=UserFactory(), accepted_terms=True)
    person = UserFactory(language="ro")
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.register(meeting=meeting, by=person, accepted_terms=True)
    assert "numărul 1 pe lista de așteptare" in mail.outbox[0].body
    client.force_login(person)
    with translation.override("ro"):
        page = client.get(f"/ro/meetings/{meeting.slug}/").content.decode()
    assert "numărul 1 pe lista de așteptare" in page
