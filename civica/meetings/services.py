"""Writes of meetings.

- ``meeting_save``: a meeting in one of the centre's spaces never shares its time with another meeting or
  a booking; checked again under the space's row lock (network's ``meeting_place_check``, which the admin
  form also calls to show the clash by the field).
- ``register``: capacity is never exceeded: the meeting's row is locked while places are counted
  (tested in parallel on PostgreSQL). When full, people join a first-come-first-served waiting list, which
  ``promote_waiting`` moves up, by e-mail, when a place frees; ``cancel``; ``check_in`` by a registration's
  code. E-mails go after commit, in the person's language.
(Comments on meetings go through the comments app's services.)"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.core import refusals, transitions
from civica.network import services as network_services
from civica.network.models import Space
from civica.queue.delivery import event_key

from . import tasks
from .models import Meeting, Registration, RegistrationStatus


def meeting_save(*, meeting: Meeting) -> Meeting:
    """Save ``meeting``; one held in a space only while nothing else takes the space at that time
    (the space's row is locked while it is checked, as bookings of it are)."""
    meeting.clean()
    with transaction.atomic():
        if meeting.space_id:
            space = Space.objects.select_for_update().get(pk=meeting.space_id)
            network_services.meeting_place_check(space=space, starts_at=meeting.starts_at,
                                                 ends_at=meeting.ends_at, meeting=meeting)
        meeting.save()
    return meeting


def _registered_count(meeting):
    return Registration.objects.filter(meeting=meeting, status=RegistrationStatus.REGISTERED).count()


def register(*, meeting, by, accepted_terms: bool) -> Registration:
    refusals.check(by, "meetings.register", meeting)
    if meeting.translated("terms") and not accepted_terms:
        raise ValidationError(_("Accept the terms of the meeting to register."))
    with transaction.atomic():
        # One registration at a time per meeting: counting and inserting cannot interleave.
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        existing = Registration.objects.filter(meeting=locked, person=by).first()
        if existing is not None and existing.status != RegistrationStatus.CANCELLED:
            return existing
        full = locked.capacity is not None and _registered_count(locked) >= locked.capacity
        status = RegistrationStatus.WAITING if full else RegistrationStatus.REGISTERED
        if existing is not None:
            registration = transitions.move(existing, to=status, by=by, timestamp="created_at",
                                            record=lambda locked: _record(locked, status, checked_in_at=None),
                                            fields=["status", "checked_in_at"])
        else:
            registration = Registration.objects.create(meeting=locked, person=by, status=status)
        _send(registration.pk, "confirmation")
    return registration


def _record(registration, status, **fields):
    registration.status = status
    for name, value in fields.items():
        setattr(registration, name, value)


def cancel(*, registration, by) -> None:
    refusals.check(by, "meetings.cancel_registration", registration)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.status == RegistrationStatus.CANCELLED:
            return  # cancelled already (a second tab): nothing to do
        was_registered = locked.status == RegistrationStatus.REGISTERED
        transitions.move(locked, to=RegistrationStatus.CANCELLED, by=by)
        if was_registered:
            promote_waiting(meeting, by=by)


def promote_waiting(meeting, *, by=None) -> list[Registration]:
    """Fill free places from the waiting list, oldest first; each promoted person gets an e-mail.
    Called with the meeting's row locked (or from the admin, after more places were given)."""
    promoted = []
    by = by or AnonymousUser()  # the waiting list moves up whoever freed the place
    while meeting.capacity is None or _registered_count(meeting) < meeting.capacity:
        first = (Registration.objects.filter(meeting=meeting, status=RegistrationStatus.WAITING)
                 .order_by("created_at", "id").first())
        if first is None:
            break
        first = transitions.move(first, to=RegistrationStatus.REGISTERED, by=by, timestamp="promoted_at")
        promoted.append(first)
        _send(first.pk, "promoted")
    return promoted


def check_in(*, meeting, code, by) -> Registration:
    if not by.has_perm("meetings.check_in", meeting):
        raise PermissionDenied(_("Only the centre's staff check people in."))
    code = (code or "").strip().upper().replace(" ", "").replace("-", "")
    registration = Registration.objects.filter(meeting=meeting, code=code).select_related("person").first()
    if registration is None:
        raise ValidationError(_("No registration for this meeting has the code %(code)s.") % {"code": code})
    if registration.status != RegistrationStatus.REGISTERED:
        raise ValidationError(_("%(name)s is not registered (%(status)s).") % {
            "name": registration.person.public_name, "status": registration.get_status_display()})
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
    return registration


def _send(registration_id, kind):
    """E-mail the person after the transaction commits (meetings.tasks)."""
    tasks.send_registration.delay_on_commit(registration_id, kind,
                                            event_key("meetings.registration", registration_id, kind))


def cleaned_text(text, maximum: int) -> str:
    """``text`` without surrounding spaces, or a ValidationError when it is empty or too long."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write something first."))
    if len(text) > maximum:
        raise ValidationError(ngettext("At most %(max)s character (this has %(count)s).",
                                       "At most %(max)s characters (this has %(count)s).", maximum) % {
            "max": maximum, "count": len(text)})
    return text
