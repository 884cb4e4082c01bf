"""Every write of the vouchers: keyword-only, the actor ``by``, one transaction each.

What counts is decided under a row lock and re-checked there:
- issuing (``beneficiary_register``, ``voucher_reissue``) locks the programme's row, so two referrers
  issuing at once cannot pass the budget between them (``committed`` is also held by a constraint);
- redeeming (``voucher_redeem``) a typed code is one UPDATE of the voucher's row whose WHERE holds every
  check (status, expiry, balance, the offer; on PostgreSQL the redemption's INSERT in the same statement,
  ``_redeemed_at_once``): the row is locked by it and, if it waited, re-read, so two venues redeeming the
  same voucher in the same second are served one after the other, the second sees the first's balance, and
  the balance never goes below zero (a constraint says so too). When it writes nothing, the careful path
  locks the row (found by its code in the same query), reads it again and says why;
- approving an application issues its voucher the same way (programme locked, then the application
  through ``move``): two approvals of the budget's last voucher cannot both pass, and an approval racing
  the applicant's withdrawal is either in before it or refused;
- cancelling, re-issuing and reversing lock the voucher (through ``core.transitions.move`` for its status)
  and the programme when the budget's ``committed`` changes; locks are always taken programme first, then
  voucher, so two of these never wait for each other in a circle;
- a venue's API token redeems through ``voucher_redeem`` as its staff do (``by`` is the token), and the
  redemption names the token instead of a person;
- a bulk issue (``bulk_issue``) locks the programme's row once, checks the budget once for the whole
  batch (refused whole when it would pass it), and writes the vouchers with codes made unique in bulk in
  the same transaction; their cards are rendered afterwards by the task queue, in parts.

Settlement (issue 22, point 7): ``statements_prepare`` makes or refreshes a programme's draft statements of
a month, one per venue, and ``statement_move`` approves one (refreshed first) or marks it paid. Both lock
the programme's row first, as ``redemption_reverse`` does, so an approval and a reversal at the same
moment are served one after the other: the reversal either comes first and is netted in the statement, or
comes after and is deducted in a later statement. What a draft statement holds, chosen under that lock:
- every redemption of the programme at the venue, up to the month's end, not yet in a statement (a late
  one, after its month's statement was approved, goes into the next);
- as a negative line, every one of its redemptions reversed (netted while the statement is a draft), and
  every redemption reversed before the month's end whose own statement was already approved or paid.
An approved statement's lines never change again.

Refusals are ``ValidationError``s whose sentence tells the person what to do (``VoucherProblem`` carries a
``kind`` too, for the venue's page), or ``PermissionDenied`` with the permission's own reason."""

import datetime
import math
import secrets
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.accounts.predicates import forget_cached_identity
from civica.audit import services as audit
from civica.calls.form_rules import addition_problems, removal_problems
from civica.core import refusals, secret_tokens
from civica.core.formatting import format_short_date
from civica.core.transitions import move

from . import codes, tasks
from .amounts import amount_text
from .models import (
    Application,
    ApplicationStatus,
    Beneficiary,
    BulkIssue,
    EligibilityQuestion,
    Offer,
    Redemption,
    Statement,
    StatementStatus,
    Venue,
    VenueStaff,
    VenueToken,
    Voucher,
    VoucherProgramme,
    VoucherStatus,
)

REFERENCE_SYMBOLS = 6


class VoucherProblem(ValidationError):
    """Why a code cannot be used now; ``kind`` is one of ``unknown``, ``mistyped``, ``expired``,
    ``cancelled``, ``replaced``, ``spent``, ``not_accepted``, ``too_much``."""

    def __init__(self, kind: str, message: str):
        super().__init__(message, code=kind)
        self.kind = kind


def problem_for(voucher: Voucher, *, today=None) -> VoucherProblem | None:
    """What stops ``voucher`` being used today, with the words for the venue's staff; None when usable."""
    today = today or timezone.localdate()
    if voucher.status == VoucherStatus.CANCELLED:
        return VoucherProblem("cancelled", _(
            "This voucher was cancelled and cannot be used. Do not accept it; the holder may ask the programme's "
            "staff or their referrer why."))
    if voucher.status == VoucherStatus.REPLACED:
        return VoucherProblem("replaced", _(
            "This card was replaced by a new one (reported lost) and no longer works. Ask the holder for their "
            "new card."))
    if voucher.is_expired(today):
        return VoucherProblem("expired", _(
            "This voucher expired on %(date)s and cannot be used any more.") % {
            "date": format_short_date(voucher.expires_on)})
    if voucher.balance <= 0:
        return VoucherProblem("spent", _("This voucher is spent: nothing is left on it. Do not accept it."))
    return None


def find_voucher(typed: str) -> Voucher:
    """The voucher of a typed code, or a ``VoucherProblem`` (``mistyped``: the check symbol failed;
    ``unknown``: no such code)."""
    voucher = Voucher.objects.select_related("programme", "beneficiary").filter(code=_typed_code(typed)).first()
    if voucher is None:
        raise _no_such_code()
    return voucher


def _typed_code(typed: str) -> str:
    """The code as stored, or the ``VoucherProblem`` of what was typed."""
    try:
        return codes.normalise(typed)
    except codes.CodeError as error:
        if error.kind == "check":
            raise VoucherProblem("mistyped", _(
                "This code has a typing mistake: check each character against the card and type it again.")) from None
        raise VoucherProblem("unknown", _(
            "A voucher code has 17 letters and digits, like 7KQ2-M9XD-4TRB-HW3E-P. Check the card and type it "
            "again.")) from None


def _no_such_code() -> VoucherProblem:
    return VoucherProblem("unknown", _(
        "No voucher has this code. Check it against the card; after several wrong codes the form is locked "
        "for a while."))


def programme_move(*, programme: VoucherProgramme, to: str, by) -> VoucherProgramme:
    with transaction.atomic():
        before = programme.status
        moved = move(programme, to=to, by=by)
        audit.record(by=by, action="vouchers.programme.move", target=moved, changes={"status": [before, to]})
    return moved


def _new_reference() -> str:
    return "B-" + "".join(secrets.choice(codes.ALPHABET) for _ in range(REFERENCE_SYMBOLS))


def _new_beneficiary(**fields) -> Beneficiary:
    """A beneficiary record with a new reference (drawn again on the rare collision)."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Beneficiary.objects.create(reference=_new_reference(), **fields)
        except IntegrityError:
            continue
    raise ValidationError(_("No reference could be made just now. Try again."))


def _issue(*, programme: VoucherProgramme, beneficiary: Beneficiary, value: Decimal, by, counts: bool = True,
           fictional: bool = False, issued_at=None) -> Voucher:
    """Issue a voucher of ``value`` on ``programme`` (locked by the caller); ``counts``: whether it adds to
    what is committed of the budget (a re-issued card carries a balance already committed)."""
    if counts:
        if programme.committed + value > programme.budget:
            raise ValidationError(_(
                "The programme's budget is spent: %(available)s are left and a voucher is worth "
                "%(value)s. No more vouchers can be issued; tell the programme's staff.") % {
                "available": amount_text(programme.available, programme.unit),
                "value": amount_text(value, programme.unit)})
        programme.committed += value
        programme.save(update_fields=["committed"])
    issued_at = issued_at or timezone.now()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Voucher.objects.create(
                    programme=programme, beneficiary=beneficiary, code=codes.new_code(), value=value, balance=value,
                    issued_at=issued_at, issued_by=by if getattr(by, "is_authenticated", False) else None,
                    expires_on=programme.expiry_for(timezone.localtime(issued_at).date()), is_fictional=fictional)
        except IntegrityError:  # an 80-bit collision: astronomically rare, but never a 500
            continue
    raise ValidationError(_("No voucher could be issued just now. Try again."))


def _lock_programme(programme) -> VoucherProgramme:
    return VoucherProgramme.objects.select_for_update().get(pk=programme.pk)


@transaction.atomic
def beneficiary_register(*, programme: VoucherProgramme, alias: str = "", language: str, email: str = "",
                         by) -> Voucher:
    """A referrer registers a beneficiary with minimal data and a voucher is issued to them at once
    (the card is printed or e-mailed). Refused when the programme is not open or its budget is spent."""
    refusals.check(by, "vouchers.refer", programme)
    locked = _lock_programme(programme)
    refusals.check(by, "vouchers.refer", locked)  # again, as the programme is now (closed meanwhile?)
    referrer_organisation = (locked.roles.filter(user=by).exclude(organisation=None)
                             .values_list("organisation_id", flat=True).first())
    beneficiary = _new_beneficiary(programme=locked, alias=alias.strip(), language=language,
                                   email=email.strip().lower(), referred_by=by,
                                   referrer_organisation_id=referrer_organisation)
    voucher = _issue(programme=locked, beneficiary=beneficiary, value=locked.voucher_value, by=by)
    if beneficiary.email:
        tasks.send_voucher.delay_on_commit(voucher.pk, f"vouchers.voucher.{voucher.pk}.sent")
    return voucher


@transaction.atomic
def voucher_cancel(*, voucher: Voucher, by) -> Voucher:
    """Cancel a voucher: its code stops working and what was left on it goes back to the budget."""
    _lock_programme(voucher.programme)
    moved = move(voucher, to=VoucherStatus.CANCELLED, by=by, timestamp="status_changed_at")
    programme = VoucherProgramme.objects.get(pk=moved.programme_id)
    programme.committed -= moved.balance
    programme.save(update_fields=["committed"])
    audit.record(by=by, action="vouchers.voucher.cancel", target=moved,
                 changes={"status": [VoucherStatus.ACTIVE, VoucherStatus.CANCELLED]})
    return moved


@transaction.atomic
def voucher_reissue(*, voucher: Voucher, by) -> Voucher:
    """A lost card: the old code stops working and a new voucher carries its balance and expiry (e-mailed
    when the beneficiary gave an address)."""
    programme = _lock_programme(voucher.programme)
    moved = move(voucher, to=VoucherStatus.REPLACED, by=by, timestamp="status_changed_at")
    if moved.balance <= 0:
        raise ValidationError(_("Nothing is left on this voucher: there is nothing to re-issue."))
    if moved.is_expired():
        raise ValidationError(_("This voucher has expired: a new card would not be valid either."))
    new = _issue(programme=programme, beneficiary=moved.beneficiary, value=moved.balance, by=by, counts=False)
    new.expires_on = moved.expires_on
    new.save(update_fields=["expires_on"])
    moved.replaced_by = new
    moved.save(update_fields=["replaced_by"])
    audit.record(by=by, action="vouchers.voucher.reissue", target=moved,
                 changes={"status": [VoucherStatus.ACTIVE, VoucherStatus.REPLACED], "replaced_by": [None, str(new.pk)]})
    if new.beneficiary is not None and new.beneficiary.email:
        tasks.send_voucher.delay_on_commit(new.pk, f"vouchers.voucher.{new.pk}.sent")
    return new


def voucher_redeem(*, venue: Venue, offer: Offer, amount: Decimal, by, voucher: Voucher | None = None,
                   code: str = "") -> Redemption:
    """Redeem ``amount`` of ``voucher`` for ``offer`` at ``venue``: final. Or of the voucher of a typed
    ``code`` (the phone page): then found and locked in one query, and a code of none refused as
    ``find_voucher`` refuses it. Checked under the voucher's row lock: status, expiry, balance, that the
    offer is the venue's, current, and accepted by the voucher's programme (and the venue too)."""
    refusals.check(by, "vouchers.redeem", venue)
    if offer.venue_id != venue.pk:
        raise VoucherProblem("not_accepted", _("This offer is not one of this venue's."))
    if amount is None or amount <= 0:
        raise ValidationError(_("The amount must be more than zero."))
    typed = _typed_code(code) if voucher is None else None
    if typed is not None:
        done = _redeemed_at_once(code=typed, venue=venue, offer=offer, amount=amount, by=by)
        if done is not None:
            return done
    # Refused (or a voucher given as a row): the careful path finds out why, under the row's lock.
    chosen = Voucher.objects.filter(pk=voucher.pk) if voucher is not None else Voucher.objects.filter(code=typed)
    # One query: the voucher locked, and whether the offer is current, accepted by its programme, at a
    # venue the programme accepts (the offer's venue is ``venue``, checked above).
    accepted = Offer.objects.current().filter(pk=offer.pk, programmes=OuterRef("programme_id"),
                                              venue__programmes=OuterRef("programme_id"))
    with transaction.atomic():
        locked = (chosen.select_related("programme").select_for_update(of=("self",))
                  .annotate(offer_accepted=Exists(accepted)).first())
        if locked is None:
            raise _no_such_code()
        problem = problem_for(locked)
        if problem is not None:
            raise problem
        if not locked.offer_accepted:
            raise VoucherProblem("not_accepted", _(
                "This voucher's programme does not accept this offer today. Choose another offer, or ask the "
                "programme's staff."))
        if amount > locked.balance:
            raise VoucherProblem("too_much", _(
                "Only %(balance)s is left on this voucher: redeem at most that much.") % {
                "balance": amount_text(locked.balance, locked.programme.unit)})
        locked.balance -= amount
        locked.save(update_fields=["balance"])
        machine = isinstance(by, VenueToken)
        return Redemption.objects.create(voucher=locked, venue=venue, offer=offer, amount=amount,
                                         redeemed_by=None if machine else by, venue_token=by if machine else None)


def _redemption_sql() -> tuple[str, str]:
    """The redemption's statements (see ``_redeemed_at_once``), built once a process from the models' tables:
    the voucher's UPDATE, whose WHERE is every check of the careful path, and the redemption's columns."""
    quote = connection.ops.quote_name
    voucher, offer = quote(Voucher._meta.db_table), quote(Offer._meta.db_table)
    offer_programmes = quote(Offer.programmes.through._meta.db_table)
    venue_programmes = quote(Venue.programmes.through._meta.db_table)
    update = (
        f"UPDATE {voucher} AS v SET balance = v.balance - %(amount)s "
        f"WHERE v.code = %(code)s AND v.status = %(active)s AND v.expires_on >= %(today)s "
        f"AND v.balance >= %(amount)s AND EXISTS (SELECT 1 FROM {offer} o "
        f"JOIN {offer_programmes} op ON op.offer_id = o.id AND op.voucherprogramme_id = v.programme_id "
        f"JOIN {venue_programmes} vp ON vp.venue_id = o.venue_id AND vp.voucherprogramme_id = v.programme_id "
        f"WHERE o.id = %(offer)s AND o.venue_id = %(venue)s AND (o.starts_on IS NULL OR o.starts_on <= %(today)s) "
        f"AND (o.ends_on IS NULL OR o.ends_on >= %(today)s)) "
        f"RETURNING id, balance, programme_id")
    columns = ("voucher_id, venue_id, offer_id, amount, redeemed_at, redeemed_by_id, venue_token_id, "
               "reversal_reason, is_fictional")
    return update, columns


_REDEMPTION_SQL = []


def _redeemed_at_once(*, code: str, venue: Venue, offer: Offer, amount: Decimal, by) -> Redemption | None:
    """The common redemption, a usable voucher and an accepted offer, without the ORM: the voucher's row is
    found, checked and its balance lowered by one UPDATE whose WHERE holds every check of the careful path
    (active, not expired, enough left, the offer the venue's, current, accepted by the programme at a venue it
    accepts), so the row's lock and the re-check under it are that statement's (PostgreSQL re-reads a row it
    waited for: of two redemptions at once the second sees the first's balance). On PostgreSQL the redemption
    is written by the same statement (a data-modifying WITH, in autocommit: one round trip); on SQLite, which
    runs one writer at a time, by a second in the same transaction. None when nothing was written (the
    careful path then says why)."""
    if not _REDEMPTION_SQL:
        _REDEMPTION_SQL.extend(_redemption_sql())
    update, columns = _REDEMPTION_SQL
    machine = isinstance(by, VenueToken)
    now = timezone.now()
    values = {"amount": amount, "code": code, "active": VoucherStatus.ACTIVE.value, "today": timezone.localdate(),
              "offer": offer.pk, "venue": venue.pk, "at": connection.ops.adapt_datetimefield_value(now),
              "person": None if machine else by.pk, "token": by.pk if machine else None}
    redemption_table = connection.ops.quote_name(Redemption._meta.db_table)
    programme_table = connection.ops.quote_name(VoucherProgramme._meta.db_table)
    inserted = (f"INSERT INTO {redemption_table} ({columns}) "
                "SELECT {voucher}, %(venue)s, %(offer)s, %(amount)s, %(at)s, %(person)s, %(token)s, '', false")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"WITH spent AS ({update}), made AS ({inserted.format(voucher='spent.id')} FROM spent "
                f"RETURNING id) SELECT made.id, spent.id, spent.balance, spent.programme_id, p.unit FROM made, spent "
                f"JOIN {programme_table} p ON p.id = spent.programme_id", values)
            row = cursor.fetchone()
        else:
            with transaction.atomic():
                cursor.execute(update, values)
                spent = cursor.fetchone()
                row = None
                if spent is not None:
                    cursor.execute(inserted.format(voucher="%(voucher)s") + " RETURNING id",
                                   {**values, "voucher": spent[0]})
                    made = cursor.fetchone()[0]
                    unit = VoucherProgramme.objects.filter(pk=spent[2]).values_list("unit", flat=True).get()
                    row = (made, *spent, unit)
    if row is None:
        return None
    redemption_id, voucher_id, balance, programme_id, unit = row
    programme = VoucherProgramme.from_db(connection.alias, ["id", "unit"], [programme_id, unit])
    voucher = Voucher.from_db(connection.alias, ["id", "programme_id", "code", "balance"],
                              [voucher_id, programme_id, code, balance])
    voucher.programme = programme
    return Redemption(pk=redemption_id, voucher=voucher, venue=venue, offer=offer, amount=amount, redeemed_at=now,
                      redeemed_by=None if machine else by, venue_token=by if machine else None)


@transaction.atomic
def redemption_reverse(*, redemption: Redemption, reason: str, by) -> Redemption:
    """Reverse a mistaken redemption (the programme's staff): the row stays, marked reversed with who,
    when and why. The amount goes back on the voucher while it is active, otherwise back to the budget."""
    refusals.check(by, "vouchers.reverse_redemption", redemption)
    if not reason.strip():
        raise ValidationError(_("Say why the redemption is reversed."))
    programme = _lock_programme(redemption.voucher.programme)
    voucher = Voucher.objects.select_for_update().get(pk=redemption.voucher_id)
    locked = Redemption.objects.select_for_update().get(pk=redemption.pk)
    refusals.check(by, "vouchers.reverse_redemption", locked)  # not reversed meanwhile
    if voucher.status == VoucherStatus.ACTIVE:
        voucher.balance += locked.amount
        voucher.save(update_fields=["balance"])
    else:
        programme.committed -= locked.amount
        programme.save(update_fields=["committed"])
    locked.reversed_at = timezone.now()
    locked.reversed_by = by
    locked.reversal_reason = reason.strip()[:300]
    locked.save(update_fields=["reversed_at", "reversed_by", "reversal_reason"])
    audit.record(by=by, action="vouchers.redemption.reverse", target=locked, summary=locked.reversal_reason,
                 changes={"reversed": [False, True]})
    return locked


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of ``month`` and of the next, on the site's clock (Europe/Bucharest)."""
    first = month.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    zone = timezone.get_current_timezone()
    return (datetime.datetime.combine(first, datetime.time.min, tzinfo=zone),
            datetime.datetime.combine(following, datetime.time.min, tzinfo=zone))


def _settled_statuses():
    return [StatementStatus.APPROVED, StatementStatus.PAID]


def _fill(statement: Statement) -> None:
    """Put into a draft ``statement`` what it settles (module docstring); the programme is locked."""
    _start, end = month_bounds(statement.month)
    mine = Redemption.objects.filter(venue_id=statement.venue_id, voucher__programme_id=statement.programme_id)
    mine.filter(statement=None, redeemed_at__lt=end).update(statement=statement)
    mine.filter(reversal_statement=None).filter(
        Q(statement=statement, reversed_at__isnull=False)
        | Q(statement__status__in=_settled_statuses(), reversed_at__lt=end)).update(reversal_statement=statement)


@transaction.atomic
def statements_prepare(*, programme: VoucherProgramme, month: datetime.date, by) -> list[Statement]:
    """Make or refresh the draft statements of ``programme`` for ``month``: one for every venue with
    something to settle up to the month's end, or with a statement of that month already."""
    refusals.check(by, "vouchers.prepare_statements", programme)
    locked = _lock_programme(programme)
    month = month.replace(day=1)
    _start, end = month_bounds(month)
    pending = Redemption.objects.filter(voucher__programme=locked).filter(
        Q(statement=None, redeemed_at__lt=end)
        | Q(reversal_statement=None, statement__status__in=_settled_statuses(), reversed_at__lt=end)
        | Q(reversal_statement=None, statement__month=month, reversed_at__isnull=False))
    venue_ids = set(pending.values_list("venue_id", flat=True).distinct())
    venue_ids |= set(Statement.objects.filter(programme=locked, month=month).values_list("venue_id", flat=True))
    statements = []
    for venue_id in sorted(venue_ids):
        statement, created = Statement.objects.get_or_create(
            programme=locked, venue_id=venue_id, month=month, defaults={"is_fictional": locked.is_fictional})
        if statement.is_draft:
            _fill(statement)
        if created:
            audit.record(by=by, action="vouchers.statement.prepare", target=statement)
        statements.append(statement)
    return statements


@transaction.atomic
def statement_move(*, statement: Statement, to: str, by) -> Statement:
    """Approve a draft statement (refreshed under the lock first, so it holds everything up to now) or
    mark an approved one paid."""
    _lock_programme(statement.programme)

    def refresh(locked):
        if to == StatementStatus.APPROVED:
            _fill(locked)

    def record(locked):
        locked.status = to
        if to == StatementStatus.APPROVED:
            locked.approved_at, locked.approved_by = timezone.now(), by
        else:
            locked.paid_at, locked.paid_by = timezone.now(), by

    before = statement.status
    moved = move(statement, to=to, by=by, check=refresh, record=record,
                 fields=("status", "approved_at", "approved_by", "paid_at", "paid_by"))
    audit.record(by=by, action="vouchers.statement.move", target=moved, changes={"status": [before, to]})
    return moved
VENUE_TOKEN_EXPIRY_DAYS = (90, 365)
MAX_TOKENS_PER_VENUE = 10


def venue_token_create(*, venue: Venue, name: str, expires_in_days: int, by) -> tuple[VenueToken, str]:
    """A new API token for ``venue``; returns it and the token itself, which is never shown again."""
    refusals.check(by, "vouchers.manage_venue_tokens", venue)
    if expires_in_days not in VENUE_TOKEN_EXPIRY_DAYS:
        raise ValidationError(_("Choose one of the expiries offered."))
    with transaction.atomic():
        # One venue's tokens are counted one request at a time, so the limit holds.
        Venue.objects.select_for_update().filter(pk=venue.pk).first()
        if VenueToken.objects.filter(venue=venue).usable().count() >= MAX_TOKENS_PER_VENUE:
            raise ValidationError(_("This venue has %(count)s tokens in use already: revoke one first.")
                                  % {"count": MAX_TOKENS_PER_VENUE})
        secret = secret_tokens.new_token(VenueToken.PREFIX)
        now = timezone.now()
        token = VenueToken.objects.create(
            venue=venue, name=name.strip()[:80], prefix=secret[:secret_tokens.SHOWN_PREFIX_LENGTH],
            digest=secret_tokens.digest(secret), created_by=by, created_at=now,
            expires_at=now + datetime.timedelta(days=expires_in_days))
        audit.record(by=by, action="vouchers.venuetoken.create", target=token, summary=token.name)
    return token, secret


def venue_token_revoke(*, token: VenueToken, by) -> VenueToken:
    refusals.check(by, "vouchers.manage_venue_tokens", token.venue)
    with transaction.atomic():
        locked = VenueToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoked_by = by
            locked.save(update_fields=["revoked_at", "revoked_by"])
            audit.record(by=by, action="vouchers.venuetoken.revoke", target=locked, summary=locked.name)
    return locked


MAX_BULK = 20_000


def _unique_codes(count: int) -> list[str]:
    """``count`` new codes, none already in use: made in a set (so unique among themselves), then the few
    that an existing voucher has (80 bits: in practice none) are replaced, one query per 5,000."""
    fresh: set[str] = set()
    while len(fresh) < count:
        candidates = list({codes.new_code() for _ in range(count - len(fresh))} - fresh)
        taken = set()
        for start in range(0, len(candidates), 5000):
            taken.update(Voucher.objects.filter(code__in=candidates[start:start + 5000]).values_list("code", flat=True))
        fresh.update(code for code in candidates if code not in taken)
    return list(fresh)


@transaction.atomic
def bulk_issue(*, programme: VoucherProgramme, count: int, purpose: str, language: str, by) -> BulkIssue:
    """Issue ``count`` vouchers of the programme's value at once, without beneficiaries (printed cards
    to hand out, a partner's referrals): one transaction, the programme's row locked, the budget checked
    once for the whole batch and the batch refused whole when it would pass it. The cards are rendered
    by the task queue after the commit, in parts of ``BulkIssue.CARDS_PER_PART``."""
    refusals.check(by, "vouchers.issue_in_bulk", programme)
    if not 1 <= count <= MAX_BULK:
        raise ValidationError(_("Issue between 1 and %(max)s vouchers at a time.") % {"max": MAX_BULK})
    locked = _lock_programme(programme)
    refusals.check(by, "vouchers.issue_in_bulk", locked)  # again, as the programme is now
    value = locked.voucher_value
    total = value * count
    if locked.committed + total > locked.budget:
        raise ValidationError(_(
            "These vouchers would pass the programme's budget: %(count)s vouchers are worth %(total)s and "
            "%(available)s are left. Issue at most %(most)s.") % {
            "count": count, "total": amount_text(total, locked.unit),
            "available": amount_text(locked.available, locked.unit),
            "most": int(locked.available // value)})
    locked.committed += total
    locked.save(update_fields=["committed"])
    now = timezone.now()
    batch = BulkIssue.objects.create(
        programme=locked, count=count, value=value, purpose=purpose.strip()[:200], language=language,
        created_by=by, created_at=now, parts=math.ceil(count / BulkIssue.CARDS_PER_PART))
    expires_on = locked.expiry_for(timezone.localtime(now).date())
    Voucher.objects.bulk_create([
        Voucher(programme=locked, code=code, value=value, balance=value, issued_at=now, issued_by=by,
                expires_on=expires_on, bulk_issue=batch) for code in _unique_codes(count)], batch_size=2000)
    audit.record(by=by, action="vouchers.bulk.issue", target=batch, summary=batch.purpose,
                 changes={"count": [0, count], "committed": [str(locked.committed - total), str(locked.committed)]})
    for part in range(batch.parts):
        tasks.render_bulk_cards.delay_on_commit(batch.pk, part)
    return batch
# Residents' online applications.

def application_start(*, programme: VoucherProgramme, by) -> Application:
    """The person's application to ``programme``: theirs if they have one, otherwise a new draft (one per
    person and programme: a constraint, and a second request at the same instant finds the first's)."""
    existing = Application.objects.filter(programme=programme, applicant=by).first()
    if existing is not None:
        return existing
    refusals.check(by, "vouchers.apply", programme)
    try:
        with transaction.atomic():
            return Application.objects.create(programme=programme, applicant=by)
    except IntegrityError:
        return Application.objects.get(programme=programme, applicant=by)


def _lock_application(application) -> Application:
    return Application.objects.select_related("programme").select_for_update(of=("self",)).get(pk=application.pk)


@transaction.atomic
def application_save(*, application: Application, answers: dict, by) -> Application:
    """Keep ``answers`` on a draft (a draft keeps what was typed, even what does not validate yet)."""
    refusals.check(by, "vouchers.edit_application", application)
    locked = _lock_application(application)
    refusals.check(by, "vouchers.edit_application", locked)  # submitted meanwhile from another tab?
    locked.answers = answers
    locked.save(update_fields=["answers"])
    return locked


@transaction.atomic
def application_submit(*, application: Application, answers: dict, by) -> Application:
    """Submit the draft with ``answers`` (checked strictly by the caller's form)."""
    def record(locked):
        locked.answers = answers
        locked.status = ApplicationStatus.SUBMITTED

    moved = move(application, to=ApplicationStatus.SUBMITTED, by=by, record=record, fields=["answers", "status"],
                 timestamp="submitted_at")
    audit.record(by=by, action="vouchers.application.submit", target=moved,
                 changes={"status": [ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED]})
    return moved


@transaction.atomic
def application_withdraw(*, application: Application, by) -> Application:
    refusals.check(by, "vouchers.withdraw_application", application)
    before = application.status
    moved = move(application, to=ApplicationStatus.WITHDRAWN, by=by)
    audit.record(by=by, action="vouchers.application.withdraw", target=moved,
                 changes={"status": [before, ApplicationStatus.WITHDRAWN]})
    return moved


@transaction.atomic
def application_approve(*, application: Application, by) -> Voucher:
    """Approve: a beneficiary record for the applicant (their account, address and language) and a voucher
    issued within the budget, e-mailed to them. The programme is locked first, then the application (by
    ``move``, which re-checks that it is still submitted); a spent budget refuses and nothing changes."""
    refusals.check(by, "vouchers.review_application", application)
    programme = _lock_programme(application.programme)
    if programme.status != programme.STATUS.OPEN or not (programme.starts_on <= timezone.localdate()
                                                         <= programme.ends_on):
        raise ValidationError(_("This programme issues no vouchers now: open it first."))

    def record(locked):
        locked.status = ApplicationStatus.APPROVED
        locked.decided_by = by

    moved = move(application, to=ApplicationStatus.APPROVED, by=by, record=record, fields=["status", "decided_by"],
                 timestamp="decided_at",
                 lock=Application.objects.select_related("applicant").select_for_update(of=("self",)))
    person = moved.applicant
    beneficiary = _new_beneficiary(programme=programme, language=person.language, email=person.email,
                                   user=person)
    voucher = _issue(programme=programme, beneficiary=beneficiary, value=programme.voucher_value, by=by)
    moved.beneficiary = beneficiary
    moved.save(update_fields=["beneficiary"])
    audit.record(by=by, action="vouchers.application.approve", target=moved,
                 changes={"status": [ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED],
                          "beneficiary": [None, beneficiary.reference]})
    tasks.send_voucher.delay_on_commit(voucher.pk, f"vouchers.voucher.{voucher.pk}.sent")
    return voucher


@transaction.atomic
def application_refuse(*, application: Application, reason: str, by) -> Application:
    """Refuse, saying why: the applicant is told by e-mail, in their language."""
    reason = (reason or "").strip()[:2000]
    if not reason:
        raise ValidationError({"reason": _("Say why the application is refused: the applicant is told.")})

    def record(locked):
        locked.status = ApplicationStatus.REFUSED
        locked.refusal_reason = reason
        locked.decided_by = by

    moved = move(application, to=ApplicationStatus.REFUSED, by=by, record=record,
                 fields=["status", "refusal_reason", "decided_by"], timestamp="decided_at")
    audit.record(by=by, action="vouchers.application.refuse", target=moved, summary=reason[:300],
                 changes={"status": [ApplicationStatus.SUBMITTED, ApplicationStatus.REFUSED]})
    tasks.send_application_refused.delay_on_commit(moved.pk, f"vouchers.application.{moved.pk}.refused")
    return moved


# The staff's screens.

PROGRAMME_FIELDS = ("name_ro", "name_en", "slug", "purpose_ro", "purpose_en", "eligibility_ro",
                    "eligibility_en", "starts_on", "ends_on", "unit", "voucher_value", "validity_days", "budget",
                    "retention_until", "accepts_applications")


@transaction.atomic
def programme_save(*, programme: VoucherProgramme | None, by, centre_programme=None, venues=None,
                   **values) -> VoucherProgramme:
    """Create (editors) or change (editors and its staff) a voucher programme (``centre_programme``: the
    programme of the centre it belongs to). Under the programme's lock: the budget never below what is
    committed, and the unit and a voucher's value fixed once vouchers exist."""
    if programme is None:
        refusals.check(by, "vouchers.create_programme", otherwise=_("Only the centre's editors create programmes."))
        locked = VoucherProgramme()
    else:
        refusals.check(by, "vouchers.run_programme", programme,
                       otherwise=_("Only the centre's editors and the programme's staff change it."))
        locked = _lock_programme(programme)
    problems = {}
    budget = values.get("budget", locked.budget)
    if locked.pk and budget is not None and budget < locked.committed:
        problems["budget"] = _("The vouchers issued already commit %(committed)s: the budget cannot be less.") % {
            "committed": amount_text(locked.committed, locked.unit)}
    if locked.pk and locked.vouchers.exists():
        for name, label in (("unit", _("The unit")), ("voucher_value", _("A voucher's value"))):
            if name in values and values[name] != getattr(locked, name):
                problems[name] = _("%(what)s cannot change once vouchers are issued.") % {"what": label}
    starts_on, ends_on = values.get("starts_on", locked.starts_on), values.get("ends_on", locked.ends_on)
    if starts_on and ends_on and ends_on < starts_on:
        problems["ends_on"] = _("The programme must end on or after the day it starts.")
    if problems:
        raise ValidationError(problems)
    before = {name: str(getattr(locked, name, "")) for name in values}
    for name in PROGRAMME_FIELDS:
        if name in values:
            setattr(locked, name, values[name])
    if centre_programme is not None:
        locked.programme = centre_programme
    locked.full_clean(exclude=["venues"])
    locked.save()
    if venues is not None:
        locked.venues.set(venues)
    audit.record(by=by, action="vouchers.programme.save", target=locked,
                 changes={name: [before[name], str(values[name])] for name in values
                          if before[name] != str(values[name])})
    return locked


def _question_dict(question) -> dict:
    return {"key": question.key, "kind": question.kind, "required": question.required,
            "label": question.label_ro, "max_length": question.max_length, "min_value": question.min_value,
            "max_value": question.max_value, "choices": question.choices, "file_types": [], "max_file_mb": 0}


@transaction.atomic
def question_add(*, programme: VoucherProgramme, by, **values) -> EligibilityQuestion:
    """Add an eligibility question. Once someone has applied, only an optional one (calls' form rules: a
    draft or a submitted answer must not become wrong)."""
    refusals.check(by, "vouchers.run_programme", programme,
                   otherwise=_("Only the centre's editors and the programme's staff change it."))
    locked = _lock_programme(programme)
    question = EligibilityQuestion(programme=locked, **values)
    if locked.applications.exists():
        problems = addition_problems(_question_dict(question))
        if problems:
            raise ValidationError({"required": problems})
    if locked.questions.filter(key=question.key).exists():
        raise ValidationError({"key": _("Another question has this key.")})
    question.position = (locked.questions.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    question.full_clean(exclude=["programme"])
    question.save()
    audit.record(by=by, action="vouchers.question.create", target=question, summary=question.key)
    return question


@transaction.atomic
def question_remove(*, question: EligibilityQuestion, by) -> None:
    refusals.check(by, "vouchers.run_programme", question.programme,
                   otherwise=_("Only the centre's editors and the programme's staff change it."))
    locked = _lock_programme(question.programme)
    if locked.applications.exists():
        raise ValidationError(removal_problems(_question_dict(question)))
    audit.record(by=by, action="vouchers.question.delete", target=question, summary=question.key)
    question.delete()


@transaction.atomic
def venue_save(*, venue: Venue | None, by, programme: VoucherProgramme | None = None, **values) -> Venue:
    """Create a venue for ``programme`` (it joins the programme's venues) or change one. Editors, and the
    staff of a programme that accepts the venue."""
    if venue is None:
        refusals.check(by, "vouchers.run_programme", programme,
                       otherwise=_("Only the centre's editors and the programme's staff add venues to it."))
        locked = Venue()
    else:
        refusals.check(by, "vouchers.edit_venue", venue,
                       otherwise=_("Only the centre's editors and the staff of its programmes change a venue."))
        locked = Venue.objects.select_for_update().get(pk=venue.pk)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    if venue is None:
        programme.venues.add(locked)
    audit.record(by=by, action="vouchers.venue.save", target=locked, summary=locked.name)
    return locked


def venue_staff_add(*, venue: Venue, email: str, by) -> VenueStaff:
    """The account with ``email`` redeems and publishes offers at ``venue`` from now on."""
    refusals.check(by, "vouchers.edit_venue", venue,
                   otherwise=_("Only the centre's editors and the staff of its programmes change a venue."))
    user = get_user_model().objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        raise ValidationError({"email": _("No account has this e-mail address: the person signs up first.")})
    with transaction.atomic():
        Venue.objects.select_for_update().filter(pk=venue.pk).first()
        if VenueStaff.objects.filter(user=user, venue=venue).exists():
            raise ValidationError({"email": _("This person is already on the venue's staff.")})
        staff = VenueStaff.objects.create(user=user, venue=venue)
        audit.record(by=by, action="vouchers.venue_staff.create", target=staff, summary=user.email)
    forget_cached_identity(user)
    return staff


@transaction.atomic
def venue_staff_remove(*, staff: VenueStaff, by) -> None:
    refusals.check(by, "vouchers.edit_venue", staff.venue,
                   otherwise=_("Only the centre's editors and the staff of its programmes change a venue."))
    audit.record(by=by, action="vouchers.venue_staff.delete", target=staff, summary=staff.user.email)
    staff.delete()


@transaction.atomic
def offer_save(*, offer: Offer | None, venue: Venue, by, proposed_to=(), **values) -> Offer:
    """A venue's staff publish or change an offer and propose it to programmes of the venue. A programme that
    accepted it keeps it while its price and dates stay; a change of those asks it to accept again."""
    if offer is None:
        refusals.check(by, "vouchers.publish_offer", venue,
                       otherwise=_("Only the venue's staff publish its offers."))
        locked = Offer(venue=venue)
    else:
        refusals.check(by, "vouchers.edit_offer", offer, otherwise=_("Only the venue's staff change its offers."))
        locked = Offer.objects.select_for_update().get(pk=offer.pk)
    terms_before = (locked.price, locked.starts_on, locked.ends_on)
    for name, value in values.items():
        setattr(locked, name, value)
    if locked.starts_on and locked.ends_on and locked.ends_on < locked.starts_on:
        raise ValidationError({"ends_on": _("The offer must end on or after the day it starts.")})
    locked.full_clean(exclude=["programmes", "proposed_to"])
    locked.save()
    chosen = {programme.pk for programme in proposed_to if programme.venues.filter(pk=venue.pk).exists()}
    accepted = set(locked.programmes.values_list("pk", flat=True)) if offer is not None else set()
    if offer is not None and (locked.price, locked.starts_on, locked.ends_on) != terms_before:
        accepted = set()
    locked.programmes.set(accepted & chosen)
    locked.proposed_to.set(chosen - accepted)
    audit.record(by=by, action="vouchers.offer.save", target=locked, summary=locked.title_ro)
    return locked


@transaction.atomic
def offer_decide(*, offer: Offer, programme: VoucherProgramme, accept: bool, by) -> Offer:
    """The programme's staff accept a proposed offer (its vouchers buy it from now on) or decline it; an
    accepted one may be declined later (no longer accepted)."""
    refusals.check(by, "vouchers.accept_offer", programme,
                   otherwise=_("Only the programme's staff accept offers for it."))
    locked = Offer.objects.select_for_update().get(pk=offer.pk)
    proposed = locked.proposed_to.filter(pk=programme.pk).exists()
    if accept and not proposed:
        raise ValidationError(_("This offer is not proposed to the programme (changed meanwhile?)."))
    locked.proposed_to.remove(programme)
    if accept:
        locked.programmes.add(programme)
    else:
        locked.programmes.remove(programme)
    audit.record(by=by, action="vouchers.offer.accept" if accept else "vouchers.offer.decline", target=locked,
                 summary=programme.name_ro)
    return locked
