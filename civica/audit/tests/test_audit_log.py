"""The audit log: what ``record`` keeps, that it still reads after the actor is deleted, and the log page
(administrators only, filters, a fixed number of queries whatever its length)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from civica.accounts.tests.factories import UserFactory
from civica.audit import selectors, services
from civica.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_and_the_changes(editor):
    target = UserFactory(display_name="Ținta")
    entry = services.record(by=editor, action="accounts.user.rename", target=target, summary="Renamed",
                            changes=services.changed_fields({"name": "A", "size": 1}, {"name": "B", "size": 1}))
    entry.refresh_from_db()
    assert entry.actor == editor and entry.actor_label == editor.email
    assert entry.target_label == str(target) and entry.target_id == target.pk
    assert entry.changes == {"name": ["A", "B"]}
    assert list(AuditEntry.objects.for_object(target)) == [entry]


def test_an_entry_outlives_its_actor(editor):
    entry = services.record(by=editor, action="news.article.publish", summary="x")
    email = editor.email
    editor.delete()
    entry.refresh_from_db()
    assert entry.actor is None and entry.actor_label == email


def test_values_json_cannot_keep_become_text(editor):
    import datetime
    from decimal import Decimal

    entry = services.record(by=editor, action="plans.line.change",
                            changes={"amount": [Decimal("1.50"), Decimal("2")],
                                     "on": [None, datetime.date(2021, 1, 2)]})
    entry.refresh_from_db()
    assert entry.changes == {"amount": ["1.50", "2"], "on": [None, "2021-01-02"]}


def test_filters(editor, administrator):
    services.record(by=editor, action="calls.call.publish", summary="a")
    services.record(by=administrator, action="meetings.meeting.cancel", summary="b")
    assert [e.summary for e in selectors.entries(action="calls")] == ["a"]
    assert [e.summary for e in selectors.entries(actor=administrator.email)] == ["b"]
    assert selectors.action_prefixes() == ["calls", "meetings"]


def test_the_page_is_for_administrators(client, participant, editor, administrator):
    url = reverse("audit:log")
    assert client.get(url).status_code == 302  # to the sign-in page
    for user, status in ((participant, 403), (editor, 403), (administrator, 200)):
        client.force_login(user)
        assert client.get(url).status_code == status


def test_the_page_lists_entries_in_a_fixed_number_of_queries(client, administrator, editor):
    client.force_login(administrator)
    services.record(by=editor, action="calls.call.publish", target=editor, summary="Publicat")
    client.get(reverse("audit:log"))  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as few:
        response = client.get(reverse("audit:log"))
    assert "Publicat" in response.content.decode() and editor.email in response.content.decode()
    for number in range(20):
        services.record(by=editor, action="calls.call.change", target=editor, summary=f"Schimbare {number}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("audit:log") + "?action=calls&page=1")
    assert "Schimbare 19" in response.content.decode()
    assert len(many) == len(few)


@pytest.mark.parametrize("query", ["page=0", "page=%00", "page=99999999999999999999", "action=%00",
                                   "actor=" + "x" * 500])
def test_bad_query_strings_are_not_errors(client, administrator, query):
    client.force_login(administrator)
    assert client.get(reverse("audit:log") + "?" + query).status_code in (200, 400)
