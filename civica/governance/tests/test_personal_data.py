"""A person's seats are in download-my-data; on account deletion each term keeps its seat, role and dates
without the person."""

import datetime

import pytest

from civica.accounts import services as account_services
from civica.governance.models import Term
from civica.governance.tests.body_factories import TermFactory

pytestmark = pytest.mark.django_db


def test_seats_are_exported_and_kept_without_the_person_on_deletion(participant):
    term = TermFactory(holder=participant, holder_name="Ana Pop", seat__role="chair", seat__body__slug="board",
                       starts_on=datetime.date(2020, 3, 6), ends_on=datetime.date(2024, 3, 6))
    TermFactory(holder_name="Somebody else")
    data = account_services.personal_data_export(user=participant)["governance"]
    assert data == {"seats": [{"body": term.seat.body.name_ro, "body_slug": "board", "role": "chair",
                               "name_shown": "Ana Pop", "on_behalf_of": None, "from": "2020-03-06",
                               "to": "2024-03-06"}]}
    account_services.account_delete(user=participant)
    term.refresh_from_db()
    assert (term.holder, term.holder_name, term.seat.role, term.starts_on, term.ends_on) == (
        None, "", "chair", datetime.date(2020, 3, 6), datetime.date(2024, 3, 6))
    assert Term.objects.filter(holder_name="Somebody else").exists()


def test_nothing_is_exported_for_someone_without_seats(participant):
    assert "governance" not in account_services.personal_data_export(user=participant)
