"""Two terms started at once on one seat give one term: the body's and the seat's rows are locked while
the seat's terms are checked (PostgreSQL; SQLite serialises every writer, so there is nothing to prove)."""

import datetime
from functools import partial

import pytest
from django.core.exceptions import ValidationError

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.governance import services
from civica.governance.models import Term
from civica.governance.tests.body_factories import SeatFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_two_terms_started_at_once_on_one_seat_give_one_term():
    editor = UserFactory(role=Role.EDITOR)
    for attempt in range(3):
        seat = SeatFactory()
        start = partial(services.term_start, seat=seat, starts_on=datetime.date(2024, 1, 1), by=editor)
        outcomes = run_together([partial(start, holder_name=name) for name in ("Ana", "Ion")])
        assert Term.objects.filter(seat=seat).count() == 1, attempt
        assert sorted(type(outcome).__name__ for outcome in outcomes) == ["NoneType", "ValidationError"]
        assert any(isinstance(outcome, ValidationError) for outcome in outcomes)


def test_one_person_started_at_once_on_two_seats_of_a_body_holds_one():
    editor = UserFactory(role=Role.EDITOR)
    person = UserFactory()
    first = SeatFactory()
    second = SeatFactory(body=first.body)
    outcomes = run_together([
        lambda seat=seat: services.term_start(seat=seat, holder=person, starts_on=datetime.date(2024, 1, 1), by=editor)
        for seat in (first, second)])
    assert Term.objects.filter(holder=person).count() == 1
    assert sum(outcome is None for outcome in outcomes) == 1
