"""Who may do what with meetings. One line a permission.

Participants register while registration is open (never on a cancelled meeting); a registration is
cancelled by its person or an editor; the online link is shown to registered people and editors only;
editors manage meetings (the editors' screens), publish them, cancel them before they end, and check
people in. Comments: ``Meeting`` is registered in the comments app's ``registry.commentables``, open once
a published meeting has begun; the site's moderators moderate them."""

import rules
from django.utils.translation import gettext, gettext_lazy

from civica.accounts.predicates import is_editor, is_participant
from civica.comments.registry import Commentable, commentables
from civica.core import refusals
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements
from civica.verification.predicates import requirement as level_requirement

from .models import Meeting


@rules.predicate
def takes_registrations(user, meeting):
    from django.utils import timezone

    return (meeting is not None and meeting.registration_open and meeting.cancelled_at is None
            and meeting.ends_at > timezone.now())


@rules.predicate
def is_registered(user, meeting):
    from .models import Registration, RegistrationStatus

    return meeting is not None and user.is_authenticated and Registration.objects.filter(
        meeting=meeting, person=user, status=RegistrationStatus.REGISTERED).exists()


@rules.predicate
def has_begun(user, meeting):
    from django.utils import timezone

    return meeting is not None and meeting.starts_at <= timezone.now()


@rules.predicate
def is_published(user, meeting):
    return meeting is not None and meeting.is_published


@rules.predicate
def is_cancelled(user, meeting):
    return meeting is not None and meeting.cancelled_at is not None


@rules.predicate
def is_over(user, meeting):
    from django.utils import timezone

    return meeting is not None and meeting.ends_at <= timezone.now()


@rules.predicate
def is_registrant(user, registration):
    return registration is not None and user.is_authenticated and registration.person_id == user.pk


@rules.predicate
def its_meeting_takes_registrations(user, registration):
    return registration is not None and takes_registrations(user, registration.meeting)


@rules.predicate
def its_meeting_has_a_free_place(user, registration):
    from .models import Registration, RegistrationStatus

    meeting = registration.meeting if registration is not None else None
    return meeting is not None and (meeting.capacity is None or Registration.objects.filter(
        meeting=meeting, status=RegistrationStatus.REGISTERED).count() < meeting.capacity)


_REGISTRATION_IS_OPEN_TO = gettext_lazy("Registration is open to participants with a verified e-mail address, "
                                        "while the meeting takes registrations.")
# A meeting of a consultation needs the verification level its consultation sets for registering
# (``Process.level_register``, civica.verification); a meeting of no consultation, a verified e-mail.
def _process_of(meeting):
    return meeting.process if meeting.process_id is not None else None


_LEVEL_REGISTER = level_requirement("register", _process_of, lambda: gettext("register for this meeting"))
refusals.add_perm("meetings.register", Requirements(
    (is_participant, _REGISTRATION_IS_OPEN_TO, "participant"),
    (takes_registrations, _REGISTRATION_IS_OPEN_TO),
    _LEVEL_REGISTER,
))
# A registration's moves (models.REGISTRATION_TRANSITIONS): cancelled by its person or an editor;
# registering again after a cancellation as registering; promoted whenever a place is free.
refusals.add_perm("meetings.cancel_registration", Requirements(
    (is_registrant | is_editor, gettext_lazy("You can only cancel your own registration."), "registrant_or_editor"),
))
refusals.add_perm("meetings.register_again", Requirements(
    (is_registrant, gettext_lazy("You can only cancel your own registration.")),
    (is_participant, _REGISTRATION_IS_OPEN_TO, "participant"),
    (its_meeting_takes_registrations, _REGISTRATION_IS_OPEN_TO),
    level_requirement("register", lambda registration: _process_of(registration.meeting),
                      lambda: gettext("register for this meeting")),
))
rules.add_perm("meetings.promote_registration", its_meeting_has_a_free_place)
rules.add_perm("meetings.see_online_link", is_registered | is_editor)
rules.add_perm("meetings.manage_meeting", is_editor)
# The editors' screens (views/manage.py): publishing or withdrawing a meeting that still stands;
# cancelling one not yet over (its registered people are told).
rules.add_perm("meetings.publish_meeting", is_editor & ~is_cancelled)
rules.add_perm("meetings.cancel_meeting", is_editor & ~is_cancelled & ~is_over)
rules.add_perm("meetings.check_in", is_editor)
add_admin_perms("meetings", ["meeting", "meetingdocument", "registration"], is_editor)


# Comments say how a meeting went: they open when it begins, threaded like those on ideas, and the
# site's moderators moderate them.
commentables.register(Commentable(
    model=Meeting,
    open_now=Requirements((is_published, gettext_lazy("You cannot comment here.")),
                          (has_begun, gettext_lazy("Comments open when the meeting begins."))),
    readable=is_published | is_editor,
))

