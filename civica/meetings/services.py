"""Writes of meetings.

- ``meeting_save``: a meeting in one of the centre's spaces never shares its time with another meeting or
  a booking; checked again under the space's row lock (network's ``meeting_place_check``, which the admin
  form also calls to show the clash by the field).
- ``register``: capacity is never exceeded: the meeting's row is locked while places are counted
  (tested in parallel on PostgreSQL). When full, people join a first-come-first-served waiting list, which
  ``promote_waiting`` moves up, by e-mail, when a place frees; ``cancel``; ``check_in`` by a registration's
  code. E-mails go after commit, in the person's language.

The editors' screens (``manage``) write through ``meeting_create`` (a draft), ``meeting_update`` (more
places move the waiting list up), ``meeting_publish`` / ``meeting_unpublish`` and ``meeting_cancel``
(through core's ``move`` and ``MEETING_TRANSITIONS``; everyone registered or waiting is e-mailed),
``document_add`` / ``document_remove``; each is recorded in the audit log inside its transaction.
(Comments on meetings go through the comments app's services.)"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.audit import services as audit
from civica.core import refusals, transitions
from civica.network import services as network_services
from civica.network.models import Space
from civica.queue.delivery import event_key

from . import tasks
from .models import Meeting, MeetingDocument, MeetingStatus, Registration, RegistrationStatus


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
        # Read again under the lock: an editor may have closed or cancelled the meeting meanwhile.
        refusals.check(by, "meetings.register", locked)
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


# --- The editors' screens -----------------------------------------------------------------------

# What the editors' forms change (services.meeting_update refuses anything else).
MEETING_FIELDS = (
    "kind", "format", "title_ro", "title_en", "description_ro", "description_en", "starts_at", "ends_at",
    "when_known", "place", "address", "latitude", "longitude", "coordinates_approximate", "space", "online_url",
    "programme", "process", "capacity", "registration_open", "terms_ro", "terms_en", "image", "image_alt",
    "minutes_ro", "minutes_en", "video_url",
)
RESERVED_SLUGS = {"manage", "mine", "new", "feed.ics"}


def _snapshot(meeting) -> dict:
    """The fields the audit log compares, as plain values (a related row by its id)."""
    values = {}
    for name in MEETING_FIELDS:
        field = Meeting._meta.get_field(name)
        values[name] = getattr(meeting, field.attname)
        if name == "image":
            values[name] = values[name].name if values[name] else ""
    return values


def _unique_slug(title: str) -> str:
    from django.utils.text import slugify

    base = slugify(title)[:90].strip("-") or "intalnire"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Meeting.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _set_fields(meeting, fields):
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(meeting, name, value)


def meeting_create(*, by, **fields) -> Meeting:
    """A new meeting, as a draft seen only by the editors until published."""
    refusals.check(by, "meetings.manage_meeting")
    meeting = Meeting(is_published=False)
    _set_fields(meeting, fields)
    meeting.slug = _unique_slug(meeting.title_ro)
    meeting.full_clean(exclude=["space"])  # the space is checked under its lock by meeting_save
    with transaction.atomic():
        meeting_save(meeting=meeting)
        audit.record(by=by, action="meetings.meeting.created", target=meeting,
                     summary=_("Meeting created as a draft."), changes=audit.changed_fields({}, _snapshot(meeting)))
    return meeting


def meeting_update(*, meeting, by, **fields) -> Meeting:
    """Change what ``meeting`` says and where and when it is held; more places move the waiting list up."""
    refusals.check(by, "meetings.manage_meeting", meeting)
    with transaction.atomic():
        # Registrations count places under this lock: a capacity change and a registration never interleave.
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        before = _snapshot(locked)
        _set_fields(locked, fields)
        locked.full_clean(exclude=["space"])
        meeting_save(meeting=locked)
        changes = audit.changed_fields(before, _snapshot(locked))
        if changes:
            audit.record(by=by, action="meetings.meeting.changed", target=locked,
                         summary=_("Meeting changed."), changes=changes)
        if "capacity" in changes:
            promote_waiting(locked, by=by)
    return locked


def _move_meeting(meeting, *, to, by, action, summary, **fields):
    def record(locked):
        if to == MeetingStatus.CANCELLED:
            locked.cancelled_at = timezone.now()
            locked.registration_open = False
        else:
            locked.is_published = to == MeetingStatus.PUBLISHED
        for name, value in fields.items():
            setattr(locked, name, value)

    with transaction.atomic():
        before = meeting.status
        locked = transitions.move(meeting, to=to, by=by, record=record,
                                  fields=["is_published", "cancelled_at", "registration_open", *fields])
        audit.record(by=by, action=action, target=locked, summary=summary,
                     changes={"status": [str(before), str(locked.status)],
                              **{name: ["", value] for name, value in fields.items()}})
    return locked


def meeting_publish(*, meeting, by) -> Meeting:
    return _move_meeting(meeting, to=MeetingStatus.PUBLISHED, by=by, action="meetings.meeting.published",
                         summary=_("Meeting published."))


def meeting_unpublish(*, meeting, by) -> Meeting:
    return _move_meeting(meeting, to=MeetingStatus.DRAFT, by=by, action="meetings.meeting.unpublished",
                         summary=_("Meeting withdrawn from the site (a draft again)."))


def meeting_cancel(*, meeting, by, reason_ro: str, reason_en: str = "") -> Meeting:
    """Cancel ``meeting`` with its reason: registration closes, the space is free again, and everyone
    registered or waiting is e-mailed (after commit, each once, in their language)."""
    refusals.check(by, "meetings.cancel_meeting", meeting)
    reason_ro, reason_en = (reason_ro or "").strip(), (reason_en or "").strip()
    if not reason_ro:
        raise ValidationError({"reason_ro": _("Say why the meeting is cancelled: the registered people are told.")})
    with transaction.atomic():
        locked = _move_meeting(meeting, to=MeetingStatus.CANCELLED, by=by, action="meetings.meeting.cancelled",
                               summary=_("Meeting cancelled."), cancellation_reason_ro=reason_ro,
                               cancellation_reason_en=reason_en)
        told = list(Registration.objects.filter(
            meeting=locked, status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING])
            .values_list("pk", flat=True))
        for registration_id in told:
            _send(registration_id, "cancelled")
    return locked


def document_add(*, meeting, by, title: str, file) -> MeetingDocument:
    refusals.check(by, "meetings.manage_meeting", meeting)
    document = MeetingDocument(meeting=meeting, title=(title or "").strip(), file=file)
    document.full_clean()
    with transaction.atomic():
        document.save()
        audit.record(by=by, action="meetings.meetingdocument.added", target=meeting,
                     summary=_("Document added: %(title)s") % {"title": document.title})
    return document


def document_remove(*, document, by) -> None:
    refusals.check(by, "meetings.manage_meeting", document.meeting)
    with transaction.atomic():
        audit.record(by=by, action="meetings.meetingdocument.removed", target=document.meeting,
                     summary=_("Document removed: %(title)s") % {"title": document.title})
        document.delete()  # its file goes once the deletion commits (meetings.apps)
