"""The rules of seats and terms, as ``term_start``, ``term_end`` and ``seat_save`` enforce them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from civica.audit.models import AuditEntry
from civica.governance import services
from civica.governance.models import HeldBy, Term
from civica.governance.tests.body_factories import BodyFactory, SeatFactory
from civica.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def messages(error: ValidationError, field: str) -> list[str]:
    return error.value.message_dict[field]


def test_a_term_starts_and_is_recorded(editor):
    seat = SeatFactory()
    term = services.term_start(seat=seat, holder_name="Ana Pop", starts_on=D(2024, 1, 1), ends_on=D(2025, 1, 1),
                               by=editor)
    assert (term.holder_name, term.starts_on, term.ends_on) == ("Ana Pop", D(2024, 1, 1), D(2025, 1, 1))
    assert AuditEntry.objects.filter(action="governance.term.create").count() == 1


def test_the_end_defaults_from_the_bodys_term_length(editor):
    seat = SeatFactory(body__term_months=24)
    term = services.term_start(seat=seat, holder_name="Ana", starts_on=D(2024, 1, 31), by=editor)
    assert term.ends_on == D(2026, 1, 31)
    open_ended = services.term_start(seat=SeatFactory(), holder_name="Ion", starts_on=D(2024, 1, 1), by=editor)
    assert open_ended.ends_on is None


def test_the_holders_account_gives_the_name_when_none_is_typed(editor, participant):
    participant.display_name = "Ioana M."
    participant.save()
    term = services.term_start(seat=SeatFactory(), holder=participant, starts_on=D(2024, 1, 1), by=editor)
    assert term.holder_name == "Ioana M."


def test_terms_of_a_seat_never_overlap_and_the_refusal_says_until_when(editor):
    seat = SeatFactory()
    services.term_start(seat=seat, holder_name="Ana", starts_on=D(2023, 3, 12), ends_on=D(2024, 3, 12), by=editor)
    with pytest.raises(ValidationError) as refused:
        services.term_start(seat=seat, holder_name="Ion", starts_on=D(2024, 1, 1), by=editor)
    assert messages(refused, "starts_on") == ["This seat is held until 12 March 2024."]
    with pytest.raises(ValidationError):
        services.term_start(seat=seat, holder_name="Ion", starts_on=D(2023, 1, 1), ends_on=D(2023, 6, 1), by=editor)
    # Back to back is fine: the next term begins the day the last one ends.
    services.term_start(seat=seat, holder_name="Ion", starts_on=D(2024, 3, 12), by=editor)
    assert Term.objects.filter(seat=seat).count() == 2


def test_an_open_ended_term_blocks_every_later_one(editor):
    seat = SeatFactory()
    services.term_start(seat=seat, holder_name="Ana", starts_on=D(2020, 1, 1), by=editor)
    with pytest.raises(ValidationError) as refused:
        services.term_start(seat=seat, holder_name="Ion", starts_on=D(2030, 1, 1), by=editor)
    assert "no end date" in messages(refused, "starts_on")[0]


def test_a_person_never_holds_two_seats_of_one_body_at_once(editor, participant):
    first = SeatFactory()
    second = SeatFactory(body=first.body)
    services.term_start(seat=first, holder=participant, starts_on=D(2024, 1, 1), ends_on=D(2025, 1, 1), by=editor)
    with pytest.raises(ValidationError) as refused:
        services.term_start(seat=second, holder=participant, starts_on=D(2024, 6, 1), by=editor)
    assert "until 1 January 2025" in messages(refused, "holder")[0]
    # Another body's seat, or the same body's after the term: allowed.
    services.term_start(seat=SeatFactory(), holder=participant, starts_on=D(2024, 6, 1), by=editor)
    services.term_start(seat=second, holder=participant, starts_on=D(2025, 1, 1), by=editor)


def test_how_seats_are_held_is_enforced(editor):
    for_organisations = SeatFactory(body__held_by=HeldBy.ORGANISATIONS)
    with pytest.raises(ValidationError) as refused:
        services.term_start(seat=for_organisations, holder_name="Ana", starts_on=D(2024, 1, 1), by=editor)
    assert "on behalf of an organisation" in messages(refused, "organisation")[0]
    in_own_right = SeatFactory(body__held_by=HeldBy.PERSONS)
    with pytest.raises(ValidationError):
        services.term_start(seat=in_own_right, holder_name="Ana", organisation=OrganisationFactory(),
                            starts_on=D(2024, 1, 1), by=editor)


@pytest.mark.parametrize(("born_on", "accepted"), [
    (None, False), (D(2012, 1, 2), False), (D(2010, 1, 1), True), (D(1988, 1, 2), True), (D(1988, 1, 1), False)])
def test_the_age_range_is_checked_on_the_day_the_term_begins(editor, born_on, accepted):
    seat = SeatFactory(body__min_age=14, body__max_age=35)
    start = D(2024, 1, 1)
    if accepted:
        services.term_start(seat=seat, holder_name="Ana", born_on=born_on, starts_on=start, by=editor)
        return
    with pytest.raises(ValidationError) as refused:
        services.term_start(seat=seat, holder_name="Ana", born_on=born_on, starts_on=start, by=editor)
    assert messages(refused, "born_on")


def test_a_term_ends_but_never_before_it_began_nor_into_the_next(editor):
    seat = SeatFactory()
    first = services.term_start(seat=seat, holder_name="Ana", starts_on=D(2020, 1, 1), by=editor)
    ended = services.term_end(term=first, ends_on=D(2022, 1, 1), by=editor)
    assert ended.ends_on == D(2022, 1, 1)
    services.term_start(seat=seat, holder_name="Ion", starts_on=D(2022, 1, 1), by=editor)
    with pytest.raises(ValidationError) as refused:
        services.term_end(term=first, ends_on=D(2023, 1, 1), by=editor)
    assert messages(refused, "starts_on") == ["This seat is held from 1 January 2022 with no end date set: end that "
                                              "term first."]
    with pytest.raises(ValidationError) as refused:
        services.term_end(term=first, ends_on=D(2019, 1, 1), by=editor)
    assert "began on 1 January 2020" in messages(refused, "ends_on")[0]


def test_a_bodys_size_bounds_its_seats(editor):
    body = BodyFactory(size=1)
    services.seat_save(body=body, role="chair", position=1, by=editor)
    with pytest.raises(ValidationError) as refused:
        services.seat_save(body=body, role="member", position=2, by=editor)
    assert "1 seat, all set up already" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        services.body_save(body=body, size=0, by=editor)


def test_a_seat_that_was_held_keeps_its_history(editor):
    seat = SeatFactory()
    services.term_start(seat=seat, holder_name="Ana", starts_on=D(2020, 1, 1), by=editor)
    with pytest.raises(ValidationError):
        services.row_delete(row=seat, by=editor)


def test_only_editors_write(participant):
    with pytest.raises(PermissionDenied):
        services.term_start(seat=SeatFactory(), holder_name="Ana", starts_on=D(2024, 1, 1), by=participant)
    with pytest.raises(PermissionDenied):
        services.body_save(name_ro="X", slug="x", role="consultative", by=participant)
