"""Writes of verification: census import, a resident's verification, the desk's codes and verifications.

Every write that decides whether a person becomes verified locks what it reads and re-checks under the
lock: the person (one verification of theirs at a time), the census entry (one entry verifies one
account: ``Verification.resident_key`` is unique besides), the desk code (used once). Each attempt of a
person is kept (``Attempt``: method and outcome, never what they typed); what staff do (a census
replaced, a code issued, a person verified at the desk) goes to the audit log. Nothing here writes an
identifier anywhere: the census is digests, refusals say nothing of what was typed."""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from civica.accounts.predicates import forget_cached_identity
from civica.audit import services as audit
from civica.core import refusals
from civica.core.refusals import Refused

from . import census as census_csv
from .hashing import code_digest
from .levels import Level
from .models import Attempt, Census, CensusEntry, DeskCode, Method, Outcome, Verification
from .verifiers import get_verifier

NOT_FOUND = gettext_lazy("We found no resident with this identifier and birth date in the city's census. Check "
                         "them, or come to the centre with an identity document.")
TAKEN = gettext_lazy("This resident already verifies another account. If it is not yours, come to the centre "
                     "with an identity document.")
BAD_CODE = gettext_lazy("This code is unknown, used already or expired. Ask the centre for a new one.")
# Letters and digits that cannot be mistaken for one another when read aloud or typed.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
BATCH = 5000


@dataclass
class CensusImport:
    lines: int
    residents: int
    duplicates: int
    problems: list
    problem_count: int
    census: Census | None = None


def census_import(*, data: bytes, by, source_name: str = "", dry_run: bool = False) -> CensusImport:
    """Read the census in ``data`` and, unless ``dry_run`` or a line is wrong, replace the current census
    with it in one transaction (the old entries gone, the new ones in; a person verifying meanwhile sees
    one or the other). Existing verifications stay: they were true when made."""
    if by is not None:
        refusals.check(by, "verification.import_census")
    reading = census_csv.read(data)
    result = CensusImport(lines=reading.lines, residents=len(reading.digests), duplicates=reading.duplicates,
                          problems=reading.problems, problem_count=reading.problem_count)
    if dry_run or reading.problem_count:
        return result
    with transaction.atomic():
        # One import at a time: the current censuses are locked, so a second import waits for this one.
        list(Census.objects.select_for_update().values_list("pk", flat=True))
        CensusEntry.objects.all().delete()
        Census.objects.all().delete()
        census = Census.objects.create(imported_by=by, entries_count=len(reading.digests),
                                       source_name=source_name[:200])
        CensusEntry.objects.bulk_create((CensusEntry(census=census, digest=digest) for digest in reading.digests),
                                        batch_size=BATCH)
        audit.record(by=by, action="verification.census.replace", target=census,
                     summary=ngettext("%(count)s resident", "%(count)s residents", census.entries_count)
                     % {"count": census.entries_count})
    result.census = census
    return result


def _attempt(user, method, outcome):
    Attempt.objects.create(user=user, method=method, outcome=outcome)


def _locked_person(user):
    return get_user_model().objects.select_for_update().get(pk=user.pk)


def _grant(*, user, level, method, by=None, resident_key=None) -> Verification:
    verification, _created = Verification.objects.update_or_create(
        user=user, level=level,
        defaults={"method": method, "verified_at": timezone.now(), "verified_by": by, "resident_key": resident_key})
    forget_cached_identity(user)
    return verification


def resident_verify(*, user, identifier: str, birth_date: date) -> Verification:
    """Verify ``user`` as a resident if the verifier knows ``identifier`` born on ``birth_date`` and that
    resident verifies no other account. Refusals raise :class:`Refused`; every outcome is an ``Attempt``."""
    refusals.check(user, "verification.verify_residence")
    verifier = get_verifier()
    key = verifier.match(identifier=identifier, birth_date=birth_date)
    if key is None:
        _attempt(user, Method.CENSUS, Outcome.NOT_FOUND)
        raise Refused(NOT_FOUND)
    try:
        with transaction.atomic():
            person = _locked_person(user)
            verifier.lock(key)
            # Re-checked under the locks: the person may have been verified meanwhile, the resident too.
            forget_cached_identity(person)
            refusals.check(person, "verification.verify_residence")
            if Verification.objects.filter(resident_key=key).exclude(user=person).exists():
                raise Refused(TAKEN)
            verification = _grant(user=person, level=Level.RESIDENT, method=Method.CENSUS, resident_key=key)
    except IntegrityError:  # another account took this resident between our check and our write
        _attempt(user, Method.CENSUS, Outcome.TAKEN)
        raise Refused(TAKEN) from None
    except Refused as refusal:
        if refusal.message == TAKEN:
            _attempt(user, Method.CENSUS, Outcome.TAKEN)
        raise
    forget_cached_identity(user)
    _attempt(user, Method.CENSUS, Outcome.VERIFIED)
    return verification


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_issue(*, by) -> tuple[str, DeskCode]:
    """A one-time code for a person at the desk, valid ``CIVICA_DESK_CODE_HOURS``: returned once (to
    show), kept as its hash."""
    refusals.check(by, "verification.verify_at_desk")
    code = new_code()
    hours = getattr(settings, "CIVICA_DESK_CODE_HOURS", 72)
    now = timezone.now()
    with transaction.atomic():
        desk_code = DeskCode.objects.create(digest=code_digest(code), issued_by=by, issued_at=now,
                                            expires_at=now + timedelta(hours=hours))
        audit.record(by=by, action="verification.code.issue", summary=_("valid until %(time)s") % {
            "time": timezone.localtime(desk_code.expires_at).strftime("%Y-%m-%d %H:%M")})
    return code, desk_code


def code_redeem(*, user, code: str) -> Verification:
    """Verify ``user`` in person with a desk code not used, not expired: the code is used once."""
    refusals.check(user, "verification.redeem_code")
    with transaction.atomic():
        person = _locked_person(user)
        desk_code = DeskCode.objects.select_for_update().filter(digest=code_digest(code)).first()
        forget_cached_identity(person)
        refusals.check(person, "verification.redeem_code")
        if desk_code is None or desk_code.used_at is not None or desk_code.expires_at <= timezone.now():
            bad = True
        else:
            bad = False
            desk_code.used_by, desk_code.used_at = person, timezone.now()
            desk_code.save(update_fields=["used_by", "used_at"])
            verification = _grant(user=person, level=Level.IN_PERSON, method=Method.DESK_CODE,
                                  by=desk_code.issued_by)
    forget_cached_identity(user)
    if bad:
        _attempt(user, Method.DESK_CODE, Outcome.INVALID_CODE)
        raise Refused(BAD_CODE)
    _attempt(user, Method.DESK_CODE, Outcome.VERIFIED)
    return verification


def desk_verify(*, user, by) -> Verification:
    """Staff at the desk verify ``user`` (found by e-mail) in person, having seen an identity document."""
    refusals.check(by, "verification.verify_at_desk")
    with transaction.atomic():
        person = _locked_person(user)
        if not person.is_active:
            raise Refused(_("This account is closed."))
        verification = _grant(user=person, level=Level.IN_PERSON, method=Method.DESK, by=by)
        audit.record(by=by, action="verification.person.verify", target=person,
                     summary=str(Level.IN_PERSON.label))
    forget_cached_identity(user)
    return verification


def verification_revoke(*, user, level: str, by) -> None:
    """Staff withdraw a level given by mistake (or a census match that was not the person)."""
    refusals.check(by, "verification.verify_at_desk")
    with transaction.atomic():
        _locked_person(user)
        deleted, _rows = Verification.objects.filter(user=user, level=level).delete()
        if deleted:
            audit.record(by=by, action="verification.person.revoke", target=user, summary=str(Level(level).label))
    forget_cached_identity(user)
