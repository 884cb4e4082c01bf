import rules
from django.utils.translation import gettext as _

from civica.accounts.predicates import is_editor, is_participant
from civica.comments.registry import Commentable, commentables
from civica.core.permissions import add_admin_perms

from .models import Meeting


@rules.predicate
def takes_registrations(user, meeting):
    from django.utils import timezone

    return meeting is not None and meeting.registration_open and meeting.ends_at > timezone.now()


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


rules.add_perm("meetings.register", is_participant & takes_registrations)
# A registration's moves (models.REGISTRATION_TRANSITIONS): cancelled by its person or an editor;
# registering again after a cancellation as registering; promoted whenever a place is free.
rules.add_perm("meetings.cancel_registration", is_registrant | is_editor)
rules.add_perm("meetings.register_again", is_registrant & is_participant & its_meeting_takes_registrations)
rules.add_perm("meetings.promote_registration", its_meeting_has_a_free_place)
rules.add_perm("meetings.see_online_link", is_registered | is_editor)
rules.add_perm("meetings.manage_meeting", is_editor)
rules.add_perm("meetings.check_in", is_editor)
add_admin_perms("meetings", ["meeting", "meetingdocument", "registration"], is_editor)


def _comments_closed_reason(user, meeting):
    return _("Comments open when the meeting begins.")


# Comments say how a meeting went: they open when it begins, threaded like those on ideas, and the
# site's moderators moderate them.
commentables.register(Commentable(
    model=Meeting, open_now=is_published & has_begun, closed_reason=_comments_closed_reason,
    readable=is_published | is_editor,
))

