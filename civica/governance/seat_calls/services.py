"""Writes of calls for seats: opening one (``seat_call_open``) and what the calls app's decisions do to
the body's seats (``seat_after_decision``, run by the calls app's outcome hook inside the decision's
transaction). The age and vacancy rules are here, their sentences too, so the submission check, the
decision and the call's page say the same."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.calls import editing
from civica.calls.models import CallKind, Decision, FieldKind, FormField

from ..models import Body, Seat, SeatAppointment, SeatCall, SeatRole, Term
from ..services import appoint

BIRTH_DATE_KEY = "date_of_birth"

# The call's own form (stored as data, Romanian first, like the calls app's blueprints).
_BIRTH_DATE = ("Data nașterii", "Date of birth")
_MOTIVATION = ("De ce doriți să faceți parte din acest organism?", "Why would you like to join this body?")
_RULES = ("Am citit și accept regulamentul apelului", "I have read and accept the rules of the call")


def form_field_specs(body) -> list[dict]:
    """The questions of a call for seats of ``body`` (FormField columns): the date of birth when the body
    has an age range, a motivation and the rules."""
    specs = []
    if body.min_age is not None or body.max_age is not None:
        specs.append({"key": BIRTH_DATE_KEY, "kind": FieldKind.DATE, "label_ro": _BIRTH_DATE[0],
                      "label_en": _BIRTH_DATE[1], "identifying": True})
    specs.append({"key": "motivation", "kind": FieldKind.LONG_TEXT, "label_ro": _MOTIVATION[0],
                  "label_en": _MOTIVATION[1], "max_length": 3000})
    specs.append({"key": "rules", "kind": FieldKind.DECLARATION, "label_ro": _RULES[0], "label_en": _RULES[1]})
    return [spec | {"position": position} for position, spec in enumerate(specs)]


def seat_call_open(*, body, by, title_ro, title_en="", summary_ro, summary_en="", seats, opens_at,
                   closes_at, role=SeatRole.MEMBER) -> SeatCall:
    """A draft call of the calls app for ``seats`` seats of ``body`` (term: the body's length), with a
    form asking for the date of birth (when the body has an age range), a motivation and the rules."""
    if not by.has_perm("governance.open_seat_call", body):
        raise PermissionDenied(_("Only the centre's editors open calls for seats."))
    if body.size and seats > body.size:
        raise ValidationError({"seats": ngettext(
            "The body has %(size)d seat: a call cannot offer more.",
            "The body has %(size)d seats: a call cannot offer more.", body.size) % {"size": body.size}})
    with transaction.atomic():
        call = editing.call_create(by=by, kind=CallKind.OPEN_CALL, title_ro=title_ro, title_en=title_en,
                                   summary_ro=summary_ro, summary_en=summary_en, opens_at=opens_at,
                                   closes_at=closes_at, budget_total=0, amount_min=0, amount_max=0)
        # The open call's questions are about a project: a call for seats asks about the person.
        call.form_fields.all().delete()
        FormField.objects.bulk_create([FormField(call=call, **spec) for spec in form_field_specs(body)])
        seat_call = SeatCall(call=call, body=body, role=role, seats=seats, term_months=body.term_months)
        seat_call.full_clean()
        seat_call.save()
    return seat_call


def describe(seat_call) -> str:
    """"2 seats on the Youth Consultative Council, 2-year term" in the active language."""
    body = seat_call.body.translated("name")
    seats = ngettext("%(count)d seat on the %(body)s", "%(count)d seats on the %(body)s", seat_call.seats) % {
        "count": seat_call.seats, "body": body}
    months = seat_call.term_months
    if not months:
        term = _("a term without a fixed end")
    elif months % 12 == 0:
        term = ngettext("%(years)d-year term", "%(years)d-year term", months // 12) % {"years": months // 12}
    else:
        term = ngettext("%(months)d-month term", "%(months)d-month term", months) % {"months": months}
    return f"{seats}, {term}"


def _age_on(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _born_on(application) -> datetime.date | None:
    """The date of birth the applicant gave in the call's form, if a valid one."""
    try:
        return datetime.date.fromisoformat(str(application.answers.get(BIRTH_DATE_KEY) or ""))
    except ValueError:
        return None


def age_problems(body, application, *, on=None) -> list[str]:
    """Why the applicant's age keeps them off ``body`` (empty when the body has no age range or they
    are within it), from the date of birth they gave in the call's form."""
    if body.min_age is None and body.max_age is None:
        return []
    born = _born_on(application)
    if born is None:
        return [_("Give your date of birth: the %(body)s has an age range.") % {"body": body.translated("name")}]
    age = _age_on(born, on or timezone.localdate())
    if (body.min_age is None or age >= body.min_age) and (body.max_age is None or age <= body.max_age):
        return []
    if body.min_age is not None and body.max_age is not None:
        rule = _("Members of the %(body)s are between %(min)d and %(max)d years old.")
    elif body.min_age is not None:
        rule = _("Members of the %(body)s are at least %(min)d years old.")
    else:
        rule = _("Members of the %(body)s are at most %(max)d years old.")
    rule = rule % {"body": body.translated("name"), "min": body.min_age or 0, "max": body.max_age or 0}
    return [rule + " " + ngettext("By the date of birth you gave, you are %(age)d year old.",
                                  "By the date of birth you gave, you are %(age)d years old.", age) % {"age": age}]


def _vacant_seat(body, role, on):
    """A seat of ``body`` of ``role`` nobody holds on ``on`` or later, first by position."""
    held = Term.objects.filter(seat=OuterRef("pk")).filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on))
    return body.seats.filter(role=role).exclude(Exists(held)).order_by("position", "pk").first()


def seat_after_decision(application, *, previous, by) -> SeatAppointment | None:
    """The calls app decided ``application`` (its row locked, in the decision's transaction): accepted,
    the applicant takes a seat; no longer accepted, the term the acceptance started goes. Raises
    ``ValidationError`` to refuse the decision (outside the age range, no seat left)."""
    seat_call = SeatCall.objects.filter(call_id=application.call_id).first()
    if seat_call is None:
        return None
    # Every seat-giving decision of the body waits here: vacancies and counts are read once taken.
    body = Body.objects.select_for_update().get(pk=seat_call.body_id)
    existing = SeatAppointment.objects.filter(application=application).select_related("term").first()
    if application.decision != Decision.FUNDED:
        if existing is not None and previous == Decision.FUNDED:
            existing.term.delete()  # the appointment goes with it
        return None
    if existing is not None:
        return existing  # decided accepted again: the seat was taken already
    if application.applicant_id is None:
        raise ValidationError(_("The applicant deleted their account: nobody can take the seat."))
    problems = age_problems(body, application, on=(application.submitted_at and
                                                    timezone.localdate(application.submitted_at)))
    if problems:
        raise ValidationError(problems)
    taken = seat_call.appointments.count()
    if taken >= seat_call.seats:
        raise ValidationError(ngettext(
            "This call fills %(seats)d seat and it is taken: the application cannot be accepted.",
            "This call fills %(seats)d seats and all are taken: the application cannot be accepted.",
            seat_call.seats) % {"seats": seat_call.seats})
    today = timezone.localdate()
    seat = _vacant_seat(body, seat_call.role, today)
    if seat is None:
        if body.size is not None and body.seats.count() >= body.size:
            raise ValidationError(ngettext(
                "The %(body)s has no vacant seat: its %(size)d seat is held. The application cannot be "
                "accepted until a seat is vacated.",
                "The %(body)s has no vacant seat: all its %(size)d seats are held. The application cannot be "
                "accepted until a seat is vacated.", body.size) % {"body": body.translated("name"), "size": body.size})
        position = (body.seats.aggregate(last=Max("position"))["last"] or 0) + 1
        seat = Seat.objects.create(body=body, role=seat_call.role, position=position)
    applicant = application.applicant
    term = appoint(seat=seat, holder=applicant, holder_name=applicant.public_name,
                   organisation=application.organisation, starts_on=today,
                   ends_on=today + relativedelta(months=seat_call.term_months) if seat_call.term_months else None,
                   born_on=_born_on(application), by=by)
    return SeatAppointment.objects.create(seat_call=seat_call, application=application, term=term)
