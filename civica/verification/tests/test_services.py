"""Census import, residents' verification, desk codes and desk verification, personal data."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone, translation

from civica.audit.models import AuditEntry
from civica.core.refusals import Refused
from civica.verification import census, personal_data, services
from civica.verification.hashing import census_digest, normalise_identifier
from civica.verification.levels import Level
from civica.verification.models import Attempt, Census, CensusEntry, DeskCode, Outcome, Verification
from civica.verification.predicates import has_level
from civica.verification.verifiers import Verifier

from .factories import RESIDENTS, census_csv, import_census

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Read in English here (addresses under /en/, refusals and notices); the Romanian is the catalogue's.
    with translation.override("en"):
        yield
IDENTIFIER, BORN = RESIDENTS[0]


def everything_stored() -> str:
    """Every text value of the verification and audit tables, to look for an identifier in them."""
    with connection.cursor() as cursor:
        values = []
        for table in ("verification_censusentry", "verification_census", "verification_verification",
                      "verification_attempt", "verification_deskcode", "audit_auditentry"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
            values += [str(value) for row in cursor.fetchall() for value in row]
    return " ".join(values)


def test_identifiers_are_normalised_before_being_hashed():
    assert normalise_identifier(" 190 0101-123.456 ") == "1900101123456"
    assert census_digest(" 1900101 123456", BORN) == census_digest("1900101123456", BORN)
    assert census_digest("ab12", BORN) == census_digest("AB-12", BORN)
    assert census_digest(IDENTIFIER, BORN) != census_digest(IDENTIFIER, BORN + datetime.timedelta(days=1))


def test_the_digest_depends_on_the_dedicated_key(settings):
    before = census_digest(IDENTIFIER, BORN)
    settings.CIVICA_CENSUS_KEY = "another-census-key"
    assert census_digest(IDENTIFIER, BORN) != before
    settings.CIVICA_CENSUS_KEY = ""
    with pytest.raises(ImproperlyConfigured):
        census_digest(IDENTIFIER, BORN)
    settings.CIVICA_CENSUS_KEY = settings.SECRET_KEY
    with pytest.raises(ImproperlyConfigured):
        census_digest(IDENTIFIER, BORN)


def test_a_census_is_stored_as_keyed_hashes_only():
    result = services.census_import(data=census_csv(), by=None, source_name="census.csv")
    assert result.census.entries_count == 3 == CensusEntry.objects.count()
    assert set(CensusEntry.objects.values_list("digest", flat=True)) == {
        census_digest(identifier, born) for identifier, born in RESIDENTS}
    stored = everything_stored()
    for identifier, born in RESIDENTS:
        assert identifier not in stored and born.isoformat() not in stored


def test_semicolons_dotted_dates_a_bom_and_repeated_residents_are_read():
    data = "\ufeffCNP;Data_Nasterii\n1900101123456;01.01.1990\n1900101 123456;1990-01-01\n\n".encode()
    reading = census.read(data)
    assert (reading.lines, len(reading.digests), reading.duplicates, reading.problems) == (2, 1, 1, [])


@pytest.mark.parametrize("data, line", [
    (b"name,birth_date\nx,1990-01-01\n", 1),
    (b"identifier,birth_date\n1900101123456,1990-13-01\n", 2),
    (b"identifier,birth_date\n1900101123456\n", 2),
    (b"identifier,birth_date\n19001$0112,1990-01-01\n", 2),
    (b"identifier,birth_date\n", 0),
    (b"\xff\xfe\x00i", 0),
])
def test_a_bad_file_is_refused_by_line_without_its_content(data, line):
    reading = census.read(data)
    assert reading.problem_count == 1 and reading.problems[0][0] == line
    assert "1900101123456" not in str(reading.problems) and "19001$0112" not in str(reading.problems)


def test_a_refused_file_or_a_dry_run_leaves_the_census_as_it_was():
    first = import_census()
    bad = census_csv() + b"not-a-date-line,32.13.2000\n"
    assert services.census_import(data=bad, by=None).census is None
    dry = services.census_import(data=census_csv(RESIDENTS[:1]), by=None, dry_run=True)
    assert (dry.census, dry.residents) == (None, 1)
    assert list(Census.objects.all()) == [first] and CensusEntry.objects.count() == 3


def test_a_new_census_replaces_the_old_one_and_verified_people_stay_verified(make_user):
    import_census()
    person = make_user("participant")
    services.resident_verify(user=person, identifier=IDENTIFIER, birth_date=BORN)
    second = import_census(RESIDENTS[1:])
    assert list(Census.objects.all()) == [second]
    assert set(CensusEntry.objects.values_list("census", flat=True)) == {second.pk}
    assert CensusEntry.objects.count() == 2
    assert Verification.objects.filter(user=person, level=Level.RESIDENT).exists()
    assert AuditEntry.objects.filter(action="verification.census.replace").count() == 2


def test_the_import_command_checks_and_replaces(tmp_path, capsys):
    path = tmp_path / "census.csv"
    path.write_bytes(census_csv())
    call_command("importcensus", str(path), "--dry-run")
    assert not Census.objects.exists()
    call_command("importcensus", str(path))
    assert Census.objects.get().entries_count == 3
    path.write_bytes(census_csv() + b"1900101123456,never\n")
    with pytest.raises(CommandError, match="1 problems"):
        call_command("importcensus", str(path))
    output = capsys.readouterr().out
    assert "line 5:" in output and "1900101123456" not in output


def test_a_resident_verifies_once_and_every_attempt_is_kept_without_what_was_typed(make_user):
    import_census()
    person = make_user("participant")
    with pytest.raises(Refused, match="found no resident"):
        services.resident_verify(user=person, identifier=IDENTIFIER, birth_date=BORN + datetime.timedelta(days=1))
    assert not has_level(person, Level.RESIDENT)
    services.resident_verify(user=person, identifier="1900101-123456", birth_date=BORN)
    assert has_level(person, Level.RESIDENT) and not has_level(person, Level.IN_PERSON)
    with pytest.raises(Refused, match="verified already"):
        services.resident_verify(user=person, identifier=IDENTIFIER, birth_date=BORN)
    assert list(Attempt.objects.filter(user=person).order_by("pk").values_list("outcome", flat=True)) == [
        Outcome.NOT_FOUND, Outcome.VERIFIED]
    assert IDENTIFIER not in everything_stored()


def test_one_census_entry_verifies_one_account(make_user):
    import_census()
    services.resident_verify(user=make_user("participant"), identifier=IDENTIFIER, birth_date=BORN)
    other = make_user("participant")
    with pytest.raises(Refused, match="already verifies another account"):
        services.resident_verify(user=other, identifier=IDENTIFIER, birth_date=BORN)
    assert not has_level(other, Level.RESIDENT)
    assert Attempt.objects.get(user=other).outcome == Outcome.TAKEN


def test_an_unverified_address_cannot_verify_residence(make_user):
    import_census()
    with pytest.raises(Refused, match="Verify your e-mail address first"):
        services.resident_verify(user=make_user("unverified"), identifier=IDENTIFIER, birth_date=BORN)
    assert not Verification.objects.exists()


class CityRegister(Verifier):
    """A city's own census API, as a city would plug it (here answering from a dictionary)."""

    known = {("CJ123", datetime.date(1970, 5, 5))}

    def match(self, *, identifier, birth_date):
        if (normalise_identifier(identifier), birth_date) in self.known:
            return census_digest(identifier, birth_date)
        return None


def test_a_city_plugs_its_own_verifier(settings, make_user):
    settings.CIVICA_CENSUS_VERIFIER = f"{__name__}.CityRegister"
    person = make_user("participant")
    services.resident_verify(user=person, identifier="cj-123", birth_date=datetime.date(1970, 5, 5))
    assert has_level(person, Level.RESIDENT) and not CensusEntry.objects.exists()
    with pytest.raises(Refused, match="already verifies another account"):
        services.resident_verify(user=make_user("participant"), identifier="CJ123",
                                 birth_date=datetime.date(1970, 5, 5))


def test_a_desk_code_is_kept_hashed_works_once_and_expires(make_user, settings):
    settings.CIVICA_DESK_CODE_HOURS = 2
    editor = make_user("editor")
    code, desk_code = services.code_issue(by=editor)
    assert len(code) == services.CODE_LENGTH and code not in everything_stored()
    assert desk_code.expires_at - desk_code.issued_at == datetime.timedelta(hours=2)
    person, other = make_user("participant"), make_user("participant")
    services.code_redeem(user=person, code=code.lower())
    assert has_level(person, Level.IN_PERSON) and has_level(person, Level.RESIDENT)
    assert Verification.objects.get(user=person).verified_by == editor
    with pytest.raises(Refused, match="unknown, used already or expired"):
        services.code_redeem(user=other, code=code)
    late, _desk_code = services.code_issue(by=editor)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)), \
            pytest.raises(Refused, match="expired"):
        services.code_redeem(user=other, code=late)
    assert not has_level(other, Level.IN_PERSON)
    assert list(Attempt.objects.filter(user=other).values_list("outcome", flat=True)) == [Outcome.INVALID_CODE] * 2
    assert AuditEntry.objects.filter(action="verification.code.issue").count() == 2


def test_only_staff_issue_codes_and_verify_at_the_desk(make_user):
    participant = make_user("participant")
    with pytest.raises(Refused):
        services.code_issue(by=participant)
    with pytest.raises(Refused):
        services.desk_verify(user=participant, by=make_user("moderator"))
    with pytest.raises(Refused):
        services.census_import(data=census_csv(), by=make_user("editor"))
    assert not DeskCode.objects.exists() and not Verification.objects.exists() and not Census.objects.exists()


def test_staff_verify_at_the_desk_and_withdraw_it(make_user):
    editor, person = make_user("editor"), make_user("participant")
    services.desk_verify(user=person, by=editor)
    assert has_level(person, Level.IN_PERSON)
    services.verification_revoke(user=person, level=Level.IN_PERSON, by=editor)
    assert not has_level(person, Level.RESIDENT)
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "verification.person.verify", "verification.person.revoke"]


def test_download_my_data_has_the_levels_and_deleting_the_account_erases_them(make_user):
    from civica.accounts import services as account_services

    import_census()
    person = make_user("participant")
    code, desk_code = services.code_issue(by=make_user("editor"))
    services.resident_verify(user=person, identifier=IDENTIFIER, birth_date=BORN)
    services.code_redeem(user=person, code=code)
    exported = personal_data.export(person)
    assert [item["level"] for item in exported["verifications"]] == ["in_person", "resident"]
    assert [item["outcome"] for item in exported["verification_attempts"]] == ["verified", "verified"]
    assert IDENTIFIER not in str(exported)
    assert "verifications" in account_services.personal_data_export(user=person)["verification"]
    account_services.account_delete(user=person)
    assert not Verification.objects.exists() and not Attempt.objects.exists()
    desk_code.refresh_from_db()
    assert desk_code.used_by is None and desk_code.used_at is not None
