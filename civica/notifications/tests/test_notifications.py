"""Notifications on the site and by e-mail (as they happen, in a daily digest), unsubscribing, following."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from civica.accounts.tests.factories import UserFactory
from civica.notifications.models import Follow, Notification
from civica.notifications.services import follow_set, notify, unsubscribe_token


def _notify(person, text="Something happened", url="/ro/"):
    return notify(recipients=[person], message=lambda: text, url=url)


@pytest.mark.django_db
def test_header_shows_the_unread_count_and_opening_marks_read(client, participant):
    for number in range(3):
        _notify(participant, f"News {number}", url="/en/processes/")
    client.force_login(participant)
    page = client.get("/en/").content.decode()
    assert re.search(r'class="count-badge">3<', page)
    first = Notification.objects.filter(recipient=participant).first()
    response = client.get(f"/en/notifications/{first.pk}/")
    assert response["Location"] == "/en/processes/"
    assert Notification.objects.filter(recipient=participant, read_at__isnull=True).count() == 2
    client.post("/en/notifications/read/")
    assert not Notification.objects.filter(recipient=participant, read_at__isnull=True).exists()
    assert "News 2" in client.get("/en/notifications/").content.decode()


@pytest.mark.django_db
def test_notifications_are_private(client, participant):
    other = UserFactory()
    _notify(other, "Private")
    notification = Notification.objects.get()
    assert client.get("/en/notifications/").status_code == 302
    client.force_login(participant)
    assert "Private" not in client.get("/en/notifications/").content.decode()
    assert client.get(f"/en/notifications/{notification.pk}/").status_code == 404


@pytest.mark.django_db
def test_immediate_emails_after_commit_and_none_for_never():
    now_person = UserFactory(email_frequency="immediately", language="en")
    never = UserFactory(email_frequency="never")
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(recipients=[now_person, never], message=lambda: "Your idea was answered", url="/en/x/")
    assert [message.to for message in mail.outbox] == [[now_person.email]]
    message = mail.outbox[0]
    assert message.subject == "[Civica] Your idea was answered"
    assert "http://127.0.0.1:8000/en/x/" in message.body
    assert "/notifications/unsubscribe/" in message.body


@pytest.mark.django_db
def test_daily_digest_sends_one_email_per_person_once():
    daily = UserFactory(email_frequency="daily", language="ro")
    for number in range(3):
        _notify(daily, f"Noutatea {number}")
    call_command("send_digests", verbosity=0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[Civica] Rezumatul zilnic: 3 noutăți"
    assert all(f"Noutatea {number}" in mail.outbox[0].body for number in range(3))
    call_command("send_digests", verbosity=0)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_unsubscribe_link_works_without_logging_in(client):
    person = UserFactory(email_frequency="immediately")
    url = f"/en/notifications/unsubscribe/{unsubscribe_token(person)}/"
    page = client.get(url)
    assert page.status_code == 200 and person.email in page.content.decode()
    person.refresh_from_db()
    assert person.email_frequency == "immediately", "opening the link alone changes nothing"
    client.post(url)
    person.refresh_from_db()
    assert person.email_frequency == "never"
    assert client.get("/en/notifications/unsubscribe/forged-token/").status_code == 400
    assert client.post(f"/en/notifications/unsubscribe/{unsubscribe_token(person)}x/").status_code == 400


@pytest.mark.django_db
def test_one_click_unsubscribe_from_the_mail_program_needs_no_form_token():
    """RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the header's address, with no
    cookie and no CSRF token; the signed token is what authorises it."""
    from django.test import Client

    person = UserFactory(email_frequency="daily")
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(f"/en/notifications/unsubscribe/{unsubscribe_token(person)}/",
                                 "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.email_frequency == "never"
    forged = mail_program.post("/en/notifications/unsubscribe/forged-token/", "List-Unsubscribe=One-Click",
                               content_type="application/x-www-form-urlencoded")
    assert forged.status_code == 400


@pytest.mark.django_db
def test_notification_list_query_count(client, participant, django_assert_num_queries):
    for number in range(3):
        _notify(participant, f"n{number}")
    client.force_login(participant)
    client.get("/en/notifications/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get("/en/notifications/")
    expected = len(first)  # read now: Django clears the query log at the next request
    for number in range(20):
        _notify(participant, f"m{number}")
    with django_assert_num_queries(expected):
        client.get("/en/notifications/")


@pytest.mark.django_db
def test_following_twice_keeps_one_follow_and_unfollowing_removes_it(participant):
    target = UserFactory()  # anything can be followed: the permission does not look at the target
    follow_set(by=participant, target=target, following=True)
    follow_set(by=participant, target=target, following=True)
    assert Follow.objects.filter(user=participant).count() == 1
    follow_set(by=participant, target=target, following=False)
    assert not Follow.objects.exists()
