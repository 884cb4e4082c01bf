"""Meetings' background work (civica.queue): the registration e-mails (confirmation, a place freed up,
the meeting cancelled), each sent once, in the person's language."""

from django.conf import settings
from django.utils.translation import gettext as _

from civica.core.mail import send_in_language
from civica.queue.delivery import once
from civica.queue.tasks import background_task

from . import selectors
from .models import Registration


@background_task
def send_registration(registration_id, kind, key):
    registration = Registration.objects.select_related("meeting__space", "person").filter(pk=registration_id).first()
    if registration is None:
        return
    meeting = registration.meeting

    def subject():
        subjects = {"confirmation": _("[Civica] Registration: %(title)s"),
                    "promoted": _("[Civica] A place freed up for you: %(title)s"),
                    "cancelled": _("[Civica] Cancelled: %(title)s")}
        return subjects[kind] % {"title": meeting.translated("title")}

    once(key, lambda: send_in_language(registration.person, "meetings/email/registration.txt", lambda: {
        "registration": registration, "meeting": meeting, "kind": kind,
        "waiting_position": selectors.waiting_position(registration),
        "url": settings.CIVICA_BASE_URL + meeting.get_absolute_url(),
    }, subject=subject))
