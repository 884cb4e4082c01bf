import datetime

import pytest
from django.core import mail
from django.utils import timezone

from civica.accounts import services as account_services
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import Comment
from civica.meetings import services
from civica.meetings.models import Registration
from civica.meetings.tests.factories import MeetingFactory


@pytest.mark.django_db
def test_my_data_holds_registrations(participant):
    meeting = MeetingFactory(slug="park")
    registration = services.register(meeting=meeting, by=participant, accepted_terms=True)
    held = MeetingFactory(slug="held", starts_at=timezone.now() - datetime.timedelta(days=1),
                             ends_at=timezone.now() - datetime.timedelta(hours=20))
    comment_services.comment_post(target=held, by=participant, body="Mulțumim!")
    data = account_services.personal_data_export(user=participant)["meetings"]
    assert data["registrations"][0]["code"] == registration.code and data["registrations"][0]["meeting"] == "park"
    # comments on meetings are comments like any, exported and erased with the others
    assert account_services.personal_data_export(user=participant)["comments"]["comments"][0]["body"] \
        == "Mulțumim!"
    account_services.account_delete(user=participant)
    assert not Comment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_deleting_my_account_frees_my_place_for_the_waiting_list():
    leaving, waiting = UserFactory(), UserFactory()
    meeting = MeetingFactory(capacity=1)
    services.register(meeting=meeting, by=leaving, accepted_terms=True)
    services.register(meeting=meeting, by=waiting, accepted_terms=True)
    mail.outbox.clear()
    account_services.account_delete(user=leaving)
    assert Registration.objects.get(person=waiting).status == "registered"
    assert [message.to for message in mail.outbox] == [[waiting.email]]
