"""The demo's accounts on the staff dashboard: each sees what their roles cover, nobody gets an error."""

import pytest
from django.core.management import call_command

from civica.accounts.models import User


@pytest.fixture
def demo(db):
    call_command("loaddemo", verbosity=0)


ITEMS = {
    "admin": {"reports", "waiting_approval", "bookings", "short_of_evaluators", "reviews_overdue", "calls_closing",
              "meetings", "workshops", "activities"},
    "editor": {"reports", "waiting_approval", "bookings", "short_of_evaluators", "reviews_overdue", "calls_closing",
               "meetings", "workshops", "activities"},
    "moderator": {"reports", "waiting_approval"},
    "evaluator": {"my_reviews"},
    "facilitator": {"my_workshops"},
    "member": {"my_bookings"},
}


def test_each_demo_account_sees_its_items(demo, client):
    for account, items in ITEMS.items():
        client.force_login(User.objects.get(email=f"{account}@civica.test"))
        response = client.get("/en/staff/")
        assert response.status_code == 200, account
        assert set(response.context["dashboard"]["items"]) == items, account
    for account in ("participant", "unverified"):
        client.force_login(User.objects.get(email=f"{account}@civica.test"))
        assert client.get("/en/staff/").status_code == 403, account
