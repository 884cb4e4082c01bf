"""Writes of the bodies: the bodies and their seats, who holds a seat and for how long, the meetings a
body holds, its decisions and its objectives. Every write is the centre's editors'
(``governance.manage_bodies``) and is recorded in the audit log.

A term is a half-open span of days, ``[starts_on, ends_on)``: a term ending on 12 March lets the next one
begin on 12 March; a term without ``ends_on`` runs on. ``term_start`` and ``term_end`` lock the body's row,
then the seat's (always in this order), and check under the locks that

- the seat's terms never overlap;
- a person (an account) never holds two seats of the same body at once;
- the body's rules hold: how its seats are held (on behalf of an organisation, in one's own right), its
  age range (the holder's declared date of birth, ``born_on``: accounts keep no birth date), and the
  term's length (``ends_on`` defaults to ``starts_on`` plus the body's ``term_months``).

``seat_save`` keeps a body within its size under the body's lock. Refusals are ValidationErrors keyed by
the field they are about, in the active language. Calls for seats (the calls app) call ``term_start``.
A parallel test on PostgreSQL (``tests/test_concurrency.py``) proves one term when two start at once."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.audit import services as audit_services
from civica.core import refusals

from .models import Body, BodyMeeting, BodyObjective, Decision, HeldBy, Seat, Term

MANAGE = "governance.manage_bodies"


def _may_manage(by) -> None:
    refusals.check(by, MANAGE, otherwise=_("The bodies are kept by the centre's editors."))


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "j F Y")


# The staff's screens: a body, a seat, a meeting link, a decision, an objective, created or changed with
# the form's cleaned values; the row is locked while it changes.

def _snapshot(row, names) -> dict:
    return {name: row._meta.get_field(name).value_from_object(row) for name in names}


def _save_row(model, *, row, fields: dict, by, lock_first=None, after_lock=None):
    """Create or change ``row`` of ``model`` with ``fields``; ``lock_first()`` runs in the transaction
    before the row is locked (to lock its parent and check), ``after_lock()`` once it is."""
    _may_manage(by)
    with transaction.atomic():
        if lock_first is not None:
            lock_first()
        if row is not None and row.pk:
            locked = model.objects.select_for_update().get(pk=row.pk)
            before = _snapshot(locked, fields)
        else:
            locked, before = model(), None
        if after_lock is not None:
            after_lock()
        for name, value in fields.items():
            locked._meta.get_field(name).save_form_data(locked, value)
        locked.full_clean()
        locked.save()
        audit_services.record(
            by=by, action=f"governance.{model._meta.model_name}.{'create' if before is None else 'update'}",
            target=locked, summary=str(locked),
            changes=audit_services.changed_fields(before or {}, _snapshot(locked, fields)))
    return locked


def body_save(*, body: Body | None = None, by, **fields) -> Body:
    """A body's names, role and rules. A size below the seats it has is refused (remove seats first),
    counted under the body's lock as ``seat_save`` counts them."""

    def not_below_its_seats():
        size = fields.get("size")
        if body is None or not body.pk or size is None:
            return
        seats = Seat.objects.filter(body_id=body.pk).count()
        if size < seats:
            raise ValidationError({"size": ngettext(
                "The body has %(count)s seat already: the size cannot be smaller.",
                "The body has %(count)s seats already: the size cannot be smaller.", seats) % {"count": seats}})

    return _save_row(Body, row=body, fields=fields, by=by, after_lock=not_below_its_seats)


def seat_save(*, seat: Seat | None = None, body: Body, by, **fields) -> Seat:
    """Create a seat of ``body`` or change one; a body of fixed size has at most ``size`` seats (checked
    under the body's lock, so two new seats at once cannot pass the size together)."""

    def within_size():
        locked = Body.objects.select_for_update().get(pk=body.pk)
        if seat is None or not seat.pk:
            seats = Seat.objects.filter(body=locked).count()
            if locked.size is not None and seats >= locked.size:
                raise ValidationError({NON_FIELD_ERRORS: [ngettext(
                    "%(body)s has %(size)s seat, all set up already.",
                    "%(body)s has %(size)s seats, all set up already.", locked.size) % {
                    "body": locked.translated("name"), "size": locked.size}]})

    return _save_row(Seat, row=seat, fields={**fields, "body": body}, by=by, lock_first=within_size)


def body_meeting_save(*, link: BodyMeeting | None = None, body: Body, by, **fields) -> BodyMeeting:
    """``body`` holds the meeting (``fields["meeting"]``), with its agenda."""
    return _save_row(BodyMeeting, row=link, fields={**fields, "body": body}, by=by)


def decision_save(*, decision: Decision | None = None, body: Body, by, **fields) -> Decision:
    """A decision of ``body``, taken at one of its meetings (a meeting it holds) or outside one."""

    def meeting_of_the_body():
        meeting = fields.get("meeting")
        if meeting is not None and not BodyMeeting.objects.filter(body=body, meeting=meeting).exists():
            raise ValidationError({"meeting": _("Choose a meeting of this body (link the meeting to it first).")})

    return _save_row(Decision, row=decision, fields={**fields, "body": body}, by=by, lock_first=meeting_of_the_body)


def objective_save(*, objective: BodyObjective | None = None, body: Body, by, **fields) -> BodyObjective:
    return _save_row(BodyObjective, row=objective, fields={**fields, "body": body}, by=by)


def row_delete(*, row, by) -> None:
    """Delete a seat without terms, a meeting link, a decision or an objective."""
    _may_manage(by)
    model = type(row)
    with transaction.atomic():
        locked = model.objects.select_for_update().filter(pk=row.pk).first()
        if locked is None:
            return
        if isinstance(locked, Seat) and Term.objects.filter(seat=locked).exists():
            raise ValidationError({NON_FIELD_ERRORS: [
                _("This seat has been held: its history stays. End its current term instead.")]})
        audit_services.record(by=by, action=f"governance.{model._meta.model_name}.delete", target=locked,
                              summary=str(locked))
        locked.delete()


# Terms.

def _overlapping(terms, *, starts_on: datetime.date, ends_on: datetime.date | None):
    """The terms among ``terms`` that share a day with ``[starts_on, ends_on)``."""
    found = terms.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=starts_on))
    return found if ends_on is None else found.filter(starts_on__lt=ends_on)


def _held_message(term: Term) -> str:
    if term.ends_on is None:
        return _("This seat is held from %(start)s with no end date set: end that term first.") % {
            "start": _day(term.starts_on)}
    return _("This seat is held until %(end)s.") % {"end": _day(term.ends_on)}


def _age_on(born_on: datetime.date, day: datetime.date) -> int:
    return relativedelta(day, born_on).years


def _check_rules(body: Body, *, organisation, born_on, starts_on) -> dict:
    errors = {}
    if body.held_by == HeldBy.ORGANISATIONS and organisation is None:
        errors["organisation"] = [_("Seats of %(body)s are held on behalf of an organisation: choose it.") % {
            "body": body.translated("name")}]
    if body.held_by == HeldBy.PERSONS and organisation is not None:
        errors["organisation"] = [_("Seats of %(body)s are held in one's own right, not for an organisation.") % {
            "body": body.translated("name")}]
    if body.min_age is not None or body.max_age is not None:
        if born_on is None:
            errors["born_on"] = [_("%(body)s has an age range: give the holder's date of birth.") % {
                "body": body.translated("name")}]
        else:
            age = _age_on(born_on, starts_on)
            if body.min_age is not None and age < body.min_age:
                errors["born_on"] = [ngettext(
                    "The holder is %(age)s year old when the term begins; %(body)s takes people from %(min)s.",
                    "The holder is %(age)s years old when the term begins; %(body)s takes people from %(min)s.",
                    age) % {"age": age, "body": body.translated("name"), "min": body.min_age}]
            elif body.max_age is not None and age > body.max_age:
                errors["born_on"] = [ngettext(
                    "The holder is %(age)s year old when the term begins; %(body)s takes people up to %(max)s.",
                    "The holder is %(age)s years old when the term begins; %(body)s takes people up to %(max)s.",
                    age) % {"age": age, "body": body.translated("name"), "max": body.max_age}]
    return errors


def _check_free(*, seat: Seat, holder, starts_on, ends_on, except_term=None) -> None:
    """Refuse a span of ``seat`` that shares a day with another of its terms, or with ``holder``'s term
    in another seat of the same body. Called under the body's and the seat's locks."""
    others = Term.objects.exclude(pk=getattr(except_term, "pk", None))
    clash = _overlapping(others.filter(seat=seat), starts_on=starts_on, ends_on=ends_on).order_by(
        "starts_on").first()
    if clash is not None:
        raise ValidationError({"starts_on": [_held_message(clash)]})
    if holder is not None:
        elsewhere = _overlapping(others.filter(seat__body_id=seat.body_id, holder=holder),
                                 starts_on=starts_on, ends_on=ends_on).select_related("seat").first()
        if elsewhere is not None:
            if elsewhere.ends_on is None:
                message = _("This person already holds a seat of this body (%(role)s) from %(start)s.") % {
                    "role": elsewhere.seat.get_role_display(), "start": _day(elsewhere.starts_on)}
            else:
                message = _("This person already holds a seat of this body (%(role)s) until %(end)s.") % {
                    "role": elsewhere.seat.get_role_display(), "end": _day(elsewhere.ends_on)}
            raise ValidationError({"holder": [message]})


def _lock_seat(seat: Seat) -> Seat:
    """Lock the body's row, then the seat's: two terms of one body (two seats, one person) wait in turn."""
    Body.objects.select_for_update().filter(pk=seat.body_id).first()
    return Seat.objects.select_for_update().select_related("body").get(pk=seat.pk)


def term_start(*, seat: Seat, holder=None, holder_name: str = "", organisation=None,
               starts_on: datetime.date, ends_on: datetime.date | None = None,
               born_on: datetime.date | None = None, is_fictional: bool = False, by) -> Term:
    """``holder`` (an account, or only a name) holds ``seat`` from ``starts_on``, on behalf of
    ``organisation`` when given. ``ends_on`` defaults to the body's term length; ``born_on`` is the
    holder's declared date of birth, needed when the body has an age range (and not kept)."""
    _may_manage(by)
    return appoint(seat=seat, holder=holder, holder_name=holder_name, organisation=organisation,
                   starts_on=starts_on, ends_on=ends_on, born_on=born_on, is_fictional=is_fictional, by=by)


def appoint(*, seat: Seat, holder=None, holder_name: str = "", organisation=None,
            starts_on: datetime.date, ends_on: datetime.date | None = None,
            born_on: datetime.date | None = None, is_fictional: bool = False, by) -> Term:
    """``term_start`` with every rule of the body but the editors' permission: for a decision whose own
    permission its app has checked already (a call for seats: the call's decision, seat_calls)."""
    holder_name = (holder_name or "").strip() or (holder.public_name if holder is not None else "")
    with transaction.atomic():
        seat = _lock_seat(seat)
        body = seat.body
        if ends_on is None and body.term_months:
            ends_on = starts_on + relativedelta(months=body.term_months)
        errors = _check_rules(body, organisation=organisation, born_on=born_on, starts_on=starts_on)
        if not holder_name:
            errors["holder_name"] = [_("Give the name shown for the holder.")]
        if ends_on is not None and ends_on <= starts_on:
            errors["ends_on"] = [_("The term must end after it begins.")]
        if errors:
            raise ValidationError(errors)
        _check_free(seat=seat, holder=holder, starts_on=starts_on, ends_on=ends_on)
        term = Term(seat=seat, holder=holder, holder_name=holder_name, organisation=organisation,
                    starts_on=starts_on, ends_on=ends_on, is_fictional=is_fictional)
        term.full_clean()
        term.save()
        audit_services.record(by=by, action="governance.term.create", target=term, summary=str(term),
                              changes={"holder_name": [None, holder_name],
                                       "starts_on": [None, starts_on.isoformat()],
                                       "ends_on": [None, ends_on.isoformat() if ends_on else None]})
    return term


def term_end(*, term: Term, ends_on: datetime.date, by) -> Term:
    """The term ends on ``ends_on`` (sooner or later than planned, as long as it overlaps nothing)."""
    _may_manage(by)
    with transaction.atomic():
        _lock_seat(term.seat)
        locked = Term.objects.select_for_update().get(pk=term.pk)
        if ends_on <= locked.starts_on:
            raise ValidationError({"ends_on": [_("The term began on %(start)s: it must end after that.") % {
                "start": _day(locked.starts_on)}]})
        _check_free(seat=locked.seat, holder=locked.holder, starts_on=locked.starts_on, ends_on=ends_on,
                    except_term=locked)
        before = locked.ends_on
        locked.ends_on = ends_on
        locked.save(update_fields=["ends_on"])
        audit_services.record(by=by, action="governance.term.end", target=locked, summary=str(locked),
                              changes={"ends_on": [before.isoformat() if before else None, ends_on.isoformat()]})
    return locked


def next_seat_position(body: Body) -> int:
    return (Seat.objects.filter(body=body).aggregate(last=Max("position"))["last"] or 0) + 1
