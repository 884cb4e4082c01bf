"""Writes of the network app: representations, and what takes the centre's spaces. A space is never
double-booked: every write that takes a space's time locks the space's row, then checks and saves in the
same transaction (the rules themselves are plain data in ``availability``). E-mails go after the commit.

- ``space_book`` locks the space's row, then the organisation's (always in this order), counts the
  organisation's bookings to come, checks clashes with meetings and holding bookings, and creates a
  ``Booking`` awaiting confirmation, which already holds its time (first come, first served).
- ``booking_confirm``, ``booking_decline`` (a reason is required) and ``booking_cancel`` move a booking
  through core's ``move``, each move's permission in rules.py: editors confirm and decline, the booker
  cancels before it begins, editors until it ends. Every move e-mails the booker after commit, in their
  language.
- ``meeting_place_check`` names what takes a space a meeting wants (the staff see which organisation).
- ``membership_sync`` keeps an organisation's membership with its relationship (a member has exactly one).
- The staff's screens: ``organisation_save`` (with the membership), ``programme_save``, ``space_save``,
  ``figure_save`` (create or change, the row locked), ``position_move`` (a programme, a space or a figure
  up or down its list), ``representative_add`` (an existing account by e-mail) and ``representative_remove``
  (administrators); each is recorded in the audit log.

- Joining: ``membership_application_submit`` (a new organisation, or a partner one the applicant
  represents; one open application per organisation), ``membership_application_review``,
  ``membership_application_accept`` (the organisation becomes a member, the applicant its representative),
  ``membership_application_reject`` (with the reason) and ``membership_application_withdraw``, each a move of
  ``MEMBERSHIP_APPLICATION_TRANSITIONS`` under the application's row lock; the decisions are e-mailed.

Parallel tests on PostgreSQL (``tests/test_concurrency.py``) prove one booking per time, a booking and a
meeting never both winning, and the per-organisation limit; ``tests/test_membership_concurrency.py`` that an
acceptance and a withdrawal at the same moment never both win."""

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from civica.accounts.predicates import forget_cached_identity
from civica.audit import services as audit_services
from civica.core import refusals, transitions
from civica.queue.delivery import event_key

from . import selectors, tasks
from .availability import LIMITS, Problem, Slot, booking_problems, clashes
from .models import (
    DUES_BY_CATEGORY,
    MAX_BOOKING_PURPOSE,
    ApplicationStatus,
    Booking,
    BookingStatus,
    Category,
    DuesCategory,
    Figure,
    Membership,
    MembershipApplication,
    Organisation,
    Programme,
    Relationship,
    Representation,
    Space,
)


def representation_add(*, user, organisation: Organisation, position: str = "", by) -> Representation:
    """``user`` acts for ``organisation`` (a member representative when it is a member). Administrators
    only, as for roles."""
    if by is not None and not by.has_perm("accounts.grant_role"):
        raise PermissionDenied(_("Only administrators may confirm who represents an organisation."))
    representation, _created = Representation.objects.get_or_create(
        user=user, organisation=organisation, defaults={"position": position}
    )
    forget_cached_identity(user)
    return representation


def _when(slot: Slot) -> str:
    starts, ends = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    if starts.date() == ends.date():
        return _("on %(day)s, %(start)s–%(end)s") % {
            "day": formats.date_format(starts, "j F Y"), "start": formats.time_format(starts, "H:i"),
            "end": formats.time_format(ends, "H:i")}
    return _("from %(start)s to %(end)s") % {"start": formats.date_format(starts, "j F Y, H:i"),
                                             "end": formats.date_format(ends, "j F Y, H:i")}


def _holder(slot: Slot, *, for_staff: bool) -> str:
    """What takes the time, as a member may know it (free/busy) or as the centre's staff do."""
    if isinstance(slot.holder, Booking):
        if for_staff:
            return _("a booking by %(organisation)s") % {"organisation": slot.holder.organisation.name}
        return _("another booking")
    if slot.holder.is_published or for_staff:
        return _("the meeting “%(title)s”") % {"title": slot.holder.translated("title")}
    return _("a meeting of the centre")


def _clash_message(space, slot: Slot, *, for_staff: bool) -> str:
    return _("%(space)s is taken %(when)s by %(holder)s.") % {
        "space": space.translated("name"), "when": _when(slot), "holder": _holder(slot, for_staff=for_staff)}


def meeting_place_check(*, space, starts_at, ends_at, meeting=None) -> None:
    """Refuse (ValidationError on ``space``) a meeting that would share time in ``space`` with another
    meeting or a booking there. Call it under the space's row lock to be sure (as
    ``meetings.services.meeting_save`` does); forms call it without, to show the clash by the field."""
    if space is None or starts_at is None or ends_at is None or ends_at <= starts_at:
        return
    taken = clashes(Slot(starts_at, ends_at), selectors.space_taken(space, starts_at=starts_at, ends_at=ends_at,
                                                                    except_meeting=meeting))
    if taken:
        raise ValidationError({"space": _clash_message(space, taken[0], for_staff=True)})


def _problem_errors(problems, *, now) -> dict:
    shortest, longest = int(LIMITS.shortest.total_seconds() // 60), int(LIMITS.longest.total_seconds() // 3600)
    messages = {
        Problem.ENDS_BEFORE_START: ("ends_at", _("The end must come after the start.")),
        Problem.IN_THE_PAST: ("starts_at", _("This time has passed: choose a time still to come.")),
        Problem.TOO_FAR_AHEAD: ("starts_at", ngettext("Bookings open at most %(days)s day ahead, until %(day)s.",
                                                      "Bookings open at most %(days)s days ahead, until %(day)s.",
                                                      LIMITS.horizon.days) % {
            "days": LIMITS.horizon.days, "day": formats.date_format(timezone.localtime(now + LIMITS.horizon),
                                                                    "j F Y")}),
        Problem.TOO_SHORT: ("ends_at", ngettext("A booking lasts at least %(minutes)s minute.",
                                                "A booking lasts at least %(minutes)s minutes.", shortest) % {
            "minutes": shortest}),
        Problem.TOO_LONG: ("ends_at", ngettext("A booking lasts at most %(hours)s hour.",
                                               "A booking lasts at most %(hours)s hours.", longest) % {
            "hours": longest}),
    }
    errors = {}
    for problem in problems:
        field, message = messages[problem]
        errors.setdefault(field, []).append(message)
    return errors


def space_book(*, space: Space, organisation: Organisation, starts_at, ends_at, purpose: str,
               by) -> Booking:
    """Ask for ``space`` from ``starts_at`` to ``ends_at`` for ``organisation``. The request holds the
    time at once (no other booking or meeting may take it) until the centre confirms or declines it."""
    refusals.check(by, "network.book_space", space)
    refusals.check(by, "network.book_for_organisation", organisation,
                   otherwise=_("You may book only for a member organisation you represent."))
    now = timezone.now()
    errors = _problem_errors(booking_problems(starts_at, ends_at, now=now), now=now)
    purpose = (purpose or "").strip()
    if not purpose:
        errors["purpose"] = [_("Say what the space is for.")]
    elif len(purpose) > MAX_BOOKING_PURPOSE:
        errors["purpose"] = [ngettext("At most %(max)s character (this has %(count)s).",
                                      "At most %(max)s characters (this has %(count)s).", MAX_BOOKING_PURPOSE) % {
            "max": MAX_BOOKING_PURPOSE, "count": len(purpose)}]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # One write at a time per space (meetings lock it too), then per organisation: always in this order.
        space = Space.objects.select_for_update().get(pk=space.pk)
        if not space.takes_bookings:
            raise PermissionDenied(_("This space does not take bookings."))
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        held = Booking.objects.filter(organisation=organisation).still_open(now).count()
        if held >= LIMITS.open_per_organisation:
            raise ValidationError({NON_FIELD_ERRORS: [ngettext(
                "%(organisation)s already holds %(count)s booking still to come, the most an organisation may "
                "hold: cancel it or wait until it has passed.",
                "%(organisation)s already holds %(count)s bookings still to come, the most an organisation may "
                "hold: cancel one or wait until one has passed.", held) % {
                "organisation": organisation.name, "count": held}]})
        taken = clashes(Slot(starts_at, ends_at), selectors.space_taken(space, starts_at=starts_at, ends_at=ends_at))
        if taken:
            raise ValidationError({NON_FIELD_ERRORS: [
                _clash_message(space, taken[0], for_staff=False) + " " +
                _("Choose another time: the taken times are listed with the form.")]})
        booking = Booking.objects.create(space=space, organisation=organisation, booked_by=by,
                                         purpose=purpose, starts_at=starts_at, ends_at=ends_at,
                                         status=BookingStatus.REQUESTED)
        _send(booking.pk, booking.status)
    return booking


def _move(*, booking: Booking, to: str, by, reason: str = "") -> Booking:
    """Move ``booking`` to ``to`` along BOOKING_TRANSITIONS (core's ``move``), if ``by`` holds that
    move's permission; a confirmation checks the space is still free, under the lock."""
    def check(locked):
        if to == BookingStatus.CONFIRMED:
            taken = clashes(Slot(locked.starts_at, locked.ends_at), selectors.space_taken(
                locked.space, starts_at=locked.starts_at, ends_at=locked.ends_at, except_booking=locked))
            if taken:
                raise ValidationError(_clash_message(locked.space, taken[0], for_staff=True))

    def record(locked):
        locked.status, locked.decided_by, locked.decided_at = to, by, timezone.now()
        locked.reason = reason.strip()[:MAX_BOOKING_PURPOSE]

    if to == BookingStatus.CANCELLED:
        refusal = _("A booking is cancelled by the person who made it, before it begins, or by the centre's staff.")
    else:
        refusal = _("The centre's staff confirm and decline bookings.")
    with transaction.atomic():
        if to == BookingStatus.CONFIRMED:
            Space.objects.select_for_update().filter(pk=booking.space_id).first()  # same order as space_book
        locked = transitions.move(
            booking, to=to, by=by, check=check, record=record, refusal=refusal,
            fields=["status", "decided_by", "decided_at", "reason"],
            lock=Booking.objects.select_for_update(of=("self",)).select_related("space"))
        _send(locked.pk, locked.status)
    return locked


def booking_confirm(*, booking: Booking, by) -> Booking:
    return _move(booking=booking, to=BookingStatus.CONFIRMED, by=by)


def booking_decline(*, booking: Booking, by, reason: str) -> Booking:
    if not (reason or "").strip():
        raise ValidationError(_("Say why the booking is declined: the member reads it in the e-mail."))
    return _move(booking=booking, to=BookingStatus.DECLINED, by=by, reason=reason)


def booking_cancel(*, booking: Booking, by, reason: str = "") -> Booking:
    return _move(booking=booking, to=BookingStatus.CANCELLED, by=by, reason=reason)


def _send(booking_id, status) -> None:
    """E-mail the person who booked, after the transaction commits (network.tasks)."""
    tasks.send_booking.delay_on_commit(booking_id, str(status), event_key("network.booking", booking_id, status))


# The staff's screens (manage_views): organisations, programmes and spaces, and who represents an
# organisation. Each save locks the row it changes, and records what changed in the audit log.

def _field_value(row, field):
    value = field.value_from_object(row)
    return value.name if hasattr(value, "storage") else value  # a file: its name


def _snapshot(row, names) -> dict:
    return {name: _field_value(row, row._meta.get_field(name)) for name in names}


def _save_row(model, *, row, fields: dict, by, noun: str):
    """Create (``row`` None or unsaved) or change ``row`` of ``model`` with ``fields`` (the form's cleaned
    values, files included), recorded as ``network.<noun>.create`` or ``…update``."""
    refusals.check(by, "network.manage_network", otherwise=_("The network is managed by the centre's editors."))
    with transaction.atomic():
        if row is not None and row.pk:
            locked = model.objects.select_for_update().get(pk=row.pk)
            before = _snapshot(locked, fields)
        else:
            locked, before = model(), None
        for name, value in fields.items():
            locked._meta.get_field(name).save_form_data(locked, value)
        locked.full_clean()
        locked.save()
        audit_services.record(
            by=by, action=f"network.{noun}.{'create' if before is None else 'update'}", target=locked,
            summary=str(locked), changes=audit_services.changed_fields(before or {}, _snapshot(locked, fields)))
    return locked


def organisation_save(*, organisation: Organisation | None = None, by, member_since=None, dues_category: str = "",
                      **fields) -> Organisation:
    """An organisation, and its membership kept with its relationship: a member has one (since, dues
    category), any other organisation none. In one transaction, the organisation's row locked."""
    with transaction.atomic():
        saved = _save_row(Organisation, row=organisation, fields=fields, by=by, noun="organisation")
        membership_sync(organisation=saved, since=member_since, dues_category=dues_category)
    return saved


def membership_sync(*, organisation: Organisation, since=None, dues_category: str = "") -> Membership | None:
    """Make the membership agree with ``organisation.relationship`` (re-read under its row's lock): a
    member's is created or updated (the dues category by its category when none is given), anyone
    else's is removed. Called inside the write that changed the organisation."""
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.relationship != Relationship.MEMBER:
            Membership.objects.filter(organisation=locked).delete()
            return None
        dues_category = dues_category or DUES_BY_CATEGORY.get(locked.category, DuesCategory.NGOS)
        membership, _created = Membership.objects.update_or_create(
            organisation=locked, defaults={"since": since, "dues_category": dues_category})
        return membership


def programme_save(*, programme: Programme | None = None, by, goals=None, **fields) -> Programme:
    """A programme's details, and the goals it serves (``goals``, when given)."""
    with transaction.atomic():
        saved = _save_row(Programme, row=programme, fields=fields, by=by, noun="programme")
        if goals is not None:
            saved.goals.set(goals)
    return saved


def space_save(*, space: Space | None = None, by, **fields) -> Space:
    """A space's details, opening status and whether members may book it. Closing it, or making it not
    bookable, keeps the bookings already made: the staff confirm, decline or cancel them."""
    return _save_row(Space, row=space, fields=fields, by=by, noun="space")


def figure_save(*, figure: Figure | None = None, by, **fields) -> Figure:
    return _save_row(Figure, row=figure, fields=fields, by=by, noun="figure")


def position_move(*, row, up: bool, by):
    """Move a programme, a space or a figure one place up or down its list (its model's ordering)."""
    refusals.check(by, "network.manage_network", otherwise=_("The network is managed by the centre's editors."))
    model = type(row)
    with transaction.atomic():
        # Locked in the order of their ids, which no move changes: locked in list order, two moves could each
        # hold a row the other waits for (a deadlock). Then read in list order, as they are now.
        list(model.objects.select_for_update().order_by("pk").values_list("pk", flat=True))
        rows = list(model.objects.order_by(*model._meta.ordering, "pk"))
        index = next((i for i, item in enumerate(rows) if item.pk == row.pk), None)
        other = None if index is None else index - 1 if up else index + 1
        if other is None or not 0 <= other < len(rows):
            return row
        rows[index], rows[other] = rows[other], rows[index]
        for position, item in enumerate(rows):
            item.position = position
        model.objects.bulk_update(rows, ["position"])
        moved = rows[other]
        audit_services.record(by=by, action=f"network.{model._meta.model_name}.reorder", target=moved,
                              summary=_("Moved to place %(place)s.") % {"place": other + 1})
    return moved


def representative_add(*, organisation: Organisation, email: str, position: str = "", by) -> Representation:
    """The account with ``email`` acts for ``organisation`` from now on. Administrators only, as for roles."""
    refusals.check(by, "network.manage_representatives", organisation,
                   otherwise=_("Only administrators confirm who represents an organisation."))
    user = get_user_model().objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        raise ValidationError({"email": _("No account has this e-mail address: the person signs up first.")})
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        if Representation.objects.filter(user=user, organisation=organisation).exists():
            raise ValidationError({"email": _("This person already represents %(organisation)s.") % {
                "organisation": organisation.name}})
        representation = Representation.objects.create(user=user, organisation=organisation,
                                                       position=(position or "").strip())
        audit_services.record(by=by, action="network.representation.create", target=representation,
                              summary=_("%(person)s represents %(organisation)s.") % {
                                  "person": user.email, "organisation": organisation.name})
    forget_cached_identity(user)
    return representation


def representative_remove(*, representation: Representation, by) -> None:
    refusals.check(by, "network.manage_representatives", representation.organisation,
                   otherwise=_("Only administrators confirm who represents an organisation."))
    with transaction.atomic():
        locked = Representation.objects.select_for_update().filter(pk=representation.pk).first()
        if locked is None:
            return
        audit_services.record(by=by, action="network.representation.delete", target=locked,
                              summary=_("%(person)s no longer represents %(organisation)s.") % {
                                  "person": representation.user.email,
                                  "organisation": representation.organisation.name})
        locked.delete()
    forget_cached_identity(representation.user)


# Joining (issue 18, point 2): applications to become a member. Each move goes through core's ``move``
# under the application's row lock (MEMBERSHIP_APPLICATION_TRANSITIONS), so an acceptance and a
# withdrawal at the same moment never both win; the decisions e-mail the applicant after the commit.

def _unique_slug(name: str) -> str:
    base = (slugify(name) or "organisatie")[:70]
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _name_taken(name: str, *, except_organisation=None) -> bool:
    taken = Organisation.objects.filter(name__iexact=name.strip())
    if except_organisation is not None:
        taken = taken.exclude(pk=except_organisation.pk)
    return taken.exists()


def membership_application_submit(*, by, organisation: Organisation | None = None, name: str = "",
                                  category: str = "", city: str = "", website: str = "", email: str = "",
                                  description: str = "", position: str, statement: str) -> MembershipApplication:
    """``by`` applies for their organisation to become a member: a new one (its details), or a partner
    organisation they represent (``organisation``: its details are taken from the directory). One open
    application per organisation; the applicant's row is locked so that a double submission makes one."""
    refusals.check(by, "network.apply_for_membership")
    if organisation is not None:
        refusals.check(by, "network.apply_for_organisation", organisation)
    errors = {}
    position, statement = (position or "").strip(), (statement or "").strip()
    if not position:
        errors["position"] = [_("Say your position in the organisation.")]
    if not statement:
        errors["statement"] = [_("Say why the organisation wants to become a member.")]
    if organisation is None:
        name = (name or "").strip()
        if not name:
            errors["name"] = [_("Give the organisation's name.")]
        elif _name_taken(name):
            errors["name"] = [_("An organisation with this name is in the directory already: if you represent "
                                "it, ask the centre to add you as its representative, then apply for it.")]
        if category not in Category.values:
            errors["category"] = [_("Choose the organisation's category.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=by.pk).first()
        if organisation is not None:
            organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
            refusals.check(by, "network.apply_for_organisation", organisation)
            already = MembershipApplication.objects.still_open().filter(organisation=organisation)
            fields = {"name": organisation.name, "category": organisation.category, "city": organisation.city,
                      "website": organisation.website, "email": organisation.email,
                      "description": organisation.translated("description")}
        else:
            already = MembershipApplication.objects.still_open().filter(organisation=None, name__iexact=name)
            fields = {"name": name, "category": category, "city": (city or "").strip(),
                      "website": (website or "").strip(), "email": (email or "").strip(),
                      "description": (description or "").strip()}
        if already.exists():
            raise ValidationError({NON_FIELD_ERRORS: [_(
                "An application for %(organisation)s is open already: the centre answers it before another "
                "is made.") % {"organisation": fields["name"]}]})
        application = MembershipApplication(applicant=by, organisation=organisation, position=position,
                                            statement=statement, **fields)
        application.full_clean()
        application.save()
        audit_services.record(by=by, action="network.membershipapplication.create", target=application,
                              summary=application.name)
    return application


def _application_move(*, application: MembershipApplication, to: str, by, refusal: str, check=None,
                      record=None, fields=()) -> MembershipApplication:
    def record_move(locked):
        locked.status, locked.decided_by, locked.decided_at = to, by, timezone.now()
        if record is not None:
            record(locked)

    locked = transitions.move(application, to=to, by=by, check=check, record=record_move, refusal=refusal,
                              fields=["status", "decided_by", "decided_at", *fields])
    audit_services.record(by=by, action=f"network.membershipapplication.{to}", target=locked,
                          summary=locked.get_status_display())
    return locked


REVIEWERS_ONLY = gettext_lazy("Applications are reviewed by the centre's staff and the Board of Directors.")


def membership_application_review(*, application: MembershipApplication, by) -> MembershipApplication:
    """A reviewer takes the application under review (it goes to the General Assembly)."""
    with transaction.atomic():
        return _application_move(application=application, to=ApplicationStatus.UNDER_REVIEW, by=by,
                                 refusal=str(REVIEWERS_ONLY))


def _decision_errors(decided_on) -> dict:
    if decided_on is None:
        return {"decided_on": [_("Give the date of the General Assembly's decision.")]}
    if decided_on > timezone.localdate():
        return {"decided_on": [_("The decision's date cannot be in the future.")]}
    return {}


def membership_application_accept(*, application: MembershipApplication, decided_on, note: str,
                                  by) -> MembershipApplication:
    """Record that the General Assembly accepted ``application`` on ``decided_on`` (``note``: its motion's
    reference). Under the application's row lock: the organisation is created (or the partner one updated)
    as a member, the applicant becomes its representative, and they are e-mailed after the commit."""
    note = (note or "").strip()
    errors = _decision_errors(decided_on)
    if not note:
        errors["note"] = [_("Give the reference of the General Assembly's decision (its motion or minutes).")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        def check(locked):
            if locked.applicant_id is None:
                raise ValidationError(_("The applicant deleted their account: nobody would represent the "
                                        "organisation. Reject the application instead."))
            if locked.organisation_id is None and _name_taken(locked.name):
                raise ValidationError(_("An organisation named %(name)s is in the directory already: make its "
                                        "representative apply for it.") % {"name": locked.name})

        def record(locked):
            locked.decided_on, locked.decision_note, locked.reason = decided_on, note[:300], ""

        locked = _application_move(application=application, to=ApplicationStatus.ACCEPTED, by=by,
                                   refusal=str(REVIEWERS_ONLY), check=check, record=record,
                                   fields=["decided_on", "decision_note", "reason"])
        if locked.organisation_id is not None:
            organisation = Organisation.objects.select_for_update().get(pk=locked.organisation_id)
            organisation.relationship = Relationship.MEMBER
            organisation.save(update_fields=["relationship"])
        else:
            try:
                with transaction.atomic():  # a name or address taken at this very moment: refused, not a 500
                    organisation = Organisation.objects.create(
                        name=locked.name, slug=_unique_slug(locked.name), category=locked.category,
                        relationship=Relationship.MEMBER, city=locked.city, website=locked.website,
                        email=locked.email,
                        # The description in the language its writer uses (Romanian is every page's fallback).
                        **{"description_en" if locked.applicant.language == "en" else "description_ro":
                           locked.description})
            except IntegrityError:
                raise ValidationError(_("An organisation named %(name)s was added to the directory meanwhile: "
                                        "make its representative apply for it.") % {"name": locked.name}) from None
            locked.organisation = organisation
            locked.save(update_fields=["organisation"])
        # A member since the General Assembly's decision, its dues by its category.
        membership_sync(organisation=organisation, since=locked.decided_on)
        representation, created = Representation.objects.get_or_create(
            user=locked.applicant, organisation=organisation, defaults={"position": locked.position})
        if not created and not representation.position:
            representation.position = locked.position
            representation.save(update_fields=["position"])
        audit_services.record(by=by, action="network.organisation.member", target=organisation,
                              summary=_("%(organisation)s is a member, represented by %(person)s.") % {
                                  "organisation": organisation.name, "person": locked.applicant.email})
        _send_decision(locked)
    forget_cached_identity(locked.applicant)
    return locked


def membership_application_reject(*, application: MembershipApplication, decided_on, reason: str,
                                  note: str = "", by) -> MembershipApplication:
    """Record that the General Assembly rejected ``application`` on ``decided_on``, and why (the applicant
    reads the reason in the e-mail)."""
    reason, note = (reason or "").strip(), (note or "").strip()
    errors = _decision_errors(decided_on)
    if not reason:
        errors["reason"] = [_("Say why the application is rejected: the applicant reads it in the e-mail.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        def record(locked):
            locked.decided_on, locked.decision_note, locked.reason = decided_on, note[:300], reason

        locked = _application_move(application=application, to=ApplicationStatus.REJECTED, by=by,
                                   refusal=str(REVIEWERS_ONLY), record=record,
                                   fields=["decided_on", "decision_note", "reason"])
        _send_decision(locked)
    return locked


def membership_application_withdraw(*, application: MembershipApplication, by) -> MembershipApplication:
    with transaction.atomic():
        return _application_move(application=application, to=ApplicationStatus.WITHDRAWN, by=by,
                                 refusal=_("An application is withdrawn by the person who made it, until it is "
                                           "decided."))


def _send_decision(application: MembershipApplication) -> None:
    if application.applicant_id is not None:
        tasks.send_membership_decision.delay_on_commit(
            application.pk, event_key("network.membership", application.pk, application.status))
