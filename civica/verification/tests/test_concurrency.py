"""Verifications under parallel requests (PostgreSQL; SQLite serialises every writer): one census entry
claimed by two accounts at once verifies one of them; one account verifying with two entries at once
holds one resident key; one desk code typed by two people at once verifies one; a census replaced while a
resident verifies leaves the resident verified against one census or refused, never half."""

import pytest

from civica.core.refusals import Refused
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.verification import services
from civica.verification.models import Attempt, DeskCode, Outcome, Verification

from .factories import RESIDENTS, census_csv, import_census

pytestmark = pytest.mark.django_db(transaction=True)
IDENTIFIER, BORN = RESIDENTS[0]


@pytest.fixture(autouse=True)
def _postgresql_only():
    skip_unless_postgresql()


def test_residents_verifying_at_once(make_user):
    """One transactional test for the census's races (each such test costs a flush of every table)."""
    import_census()
    _two_accounts_claiming_one_resident_at_once_verify_one(make_user)
    _one_account_with_two_residents_at_once_holds_one(make_user)
    _a_census_replaced_while_residents_verify(make_user)


def _two_accounts_claiming_one_resident_at_once_verify_one(make_user):
    for _round in range(3):
        people = [make_user("participant") for _n in range(4)]
        outcomes = run_together([
            lambda person=person: services.resident_verify(user=person, identifier=IDENTIFIER, birth_date=BORN)
            for person in people])
        assert Verification.objects.count() == 1
        assert sum(outcome is None for outcome in outcomes) == 1
        assert all(isinstance(outcome, Refused) for outcome in outcomes if outcome is not None)
        assert Attempt.objects.filter(outcome=Outcome.TAKEN).count() == 3
        Verification.objects.all().delete()
        Attempt.objects.all().delete()


def _one_account_with_two_residents_at_once_holds_one(make_user):
    person = make_user("participant")
    outcomes = run_together([
        lambda identifier=identifier, born=born: services.resident_verify(user=person, identifier=identifier,
                                                                          birth_date=born)
        for identifier, born in RESIDENTS])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert Verification.objects.filter(user=person).count() == 1
    Verification.objects.all().delete()


def test_one_desk_code_typed_by_two_people_at_once_verifies_one(make_user):
    code, _desk_code = services.code_issue(by=make_user("editor"))
    people = [make_user("participant") for _n in range(3)]
    outcomes = run_together([lambda person=person: services.code_redeem(user=person, code=code) for person in people])
    assert sum(outcome is None for outcome in outcomes) == 1
    assert Verification.objects.count() == 1
    assert DeskCode.objects.get().used_by_id == Verification.objects.get().user_id


def _a_census_replaced_while_residents_verify(make_user):
    people = [make_user("participant") for _n in range(2)]
    calls = [lambda: services.census_import(data=census_csv(RESIDENTS[1:]), by=None)]
    calls += [lambda person=person, resident=resident: services.resident_verify(
        user=person, identifier=resident[0], birth_date=resident[1])
        for person, resident in zip(people, RESIDENTS[:2], strict=True)]
    outcomes = run_together(calls)
    assert outcomes[0] is None and outcomes[2] is None  # the second resident is in both censuses
    assert all(outcome is None or isinstance(outcome, Refused) for outcome in outcomes)
    assert Verification.objects.filter(user=people[1]).exists()
