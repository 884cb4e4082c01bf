"""What meetings hold about a person, for download-my-data and delete-my-account.
(Comments on meetings are the comments app's, workshop notes and dots the workshops app's: each
exports and erases its own.)
On deletion, a place held in a meeting still to come goes to the waiting list, as if cancelled."""

from django.utils import timezone

from . import services
from .models import Registration, RegistrationStatus


def export(user) -> dict:
    def moment(value):
        return value.isoformat() if value else None

    return {
        "registrations": [
            {"meeting": registration.meeting.slug, "status": registration.status, "code": registration.code,
             "registered_at": moment(registration.created_at), "promoted_at": moment(registration.promoted_at),
             "checked_in_at": moment(registration.checked_in_at)}
            for registration in Registration.objects.filter(person=user).select_related("meeting")
        ],
    }


def erase(user) -> None:
    # A place held in a meeting still to come goes to the waiting list, as if cancelled by hand.
    upcoming = Registration.objects.filter(person=user, status=RegistrationStatus.REGISTERED,
                                           meeting__ends_at__gt=timezone.now())
    for registration in upcoming.select_related("meeting"):
        services.cancel(registration=registration, by=user)
    Registration.objects.filter(person=user).delete()
