"""Bounces: the mail provider's tracking webhook (django-anymail, here Postmark's payload as its
documentation gives it) marks an address bounced on a hard bounce or a complaint, not on a soft bounce,
refuses a report without the webhook secret, and a bounced address is sent no campaign."""

import base64
import json

import pytest
from django.core import mail
from django.test import TestCase

from civica.newsletter import services
from civica.newsletter.models import Subscriber
from civica.newsletter.tests.factories import campaign as make_campaign
from civica.newsletter.tests.factories import subscriber

pytestmark = pytest.mark.django_db
SECRET = "hook:s3cret-words"
URL = "/anymail/postmark/tracking/"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}


def bounce(email, kind="HardBounce", record_type="Bounce"):
    return {
        "RecordType": record_type, "ID": 4323372036854775807, "Type": kind, "TypeCode": 1, "Name": "Hard bounce",
        "Tag": "", "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483", "ServerID": 23, "MessageStream": "outbound",
        "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.", "Email": email,
        "From": "no-reply@civica.example", "BouncedAt": "2026-12-05T01:30:42Z", "DumpAvailable": True,
        "Inactive": True, "CanActivate": True, "Subject": "Noutăți", "Content": "",
    }


def complaint(email):
    return {"RecordType": "SpamComplaint", "MessageStream": "outbound", "ID": 42, "Type": "SpamComplaint",
            "TypeCode": 512, "Name": "Spam complaint", "Tag": "", "MessageID": "00000000-0000-0000-0000-000000000000",
            "ServerID": 1234, "Description": "", "Details": "Test spam complaint details", "Email": email,
            "From": "no-reply@civica.example", "BouncedAt": "2026-12-05T01:31:00Z", "DumpAvailable": True,
            "Inactive": True, "CanActivate": False, "Subject": "Noutăți"}


def report(client, payload, secret=SECRET):
    auth = base64.b64encode(secret.encode()).decode()
    return client.post(URL, json.dumps(payload), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Basic {auth}")


def test_a_hard_bounce_marks_the_address_and_no_campaign_goes_to_it(client, make_user):
    ana, ion = subscriber("ana@example.org"), subscriber("ion@example.org")
    assert report(client, bounce("Ana@Example.org")).status_code == 200
    ana.refresh_from_db()
    assert ana.bounced_at is not None and Subscriber.objects.get(pk=ion.pk).bounced_at is None
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.campaign_send_now(campaign=make_campaign(), by=make_user("editor"))
    assert [message.to for message in mail.outbox] == [["ion@example.org"]]


def test_a_complaint_marks_the_address_a_soft_bounce_does_not(client):
    ana, ion = subscriber("ana@example.org"), subscriber("ion@example.org")
    assert report(client, complaint("ana@example.org")).status_code == 200
    assert report(client, bounce("ion@example.org", kind="SoftBounce")).status_code == 200
    assert Subscriber.objects.get(pk=ana.pk).bounced_at is not None
    assert Subscriber.objects.get(pk=ion.pk).bounced_at is None


def test_a_report_without_the_secret_is_refused(client):
    ana = subscriber("ana@example.org")
    assert report(client, bounce("ana@example.org"), secret="hook:wrong").status_code == 400
    assert client.post(URL, json.dumps(bounce("ana@example.org")), content_type="application/json").status_code == 400
    assert Subscriber.objects.get(pk=ana.pk).bounced_at is None


def test_an_unknown_address_changes_nothing(client):
    assert report(client, bounce("nobody@example.org")).status_code == 200
    assert not Subscriber.objects.exists()
