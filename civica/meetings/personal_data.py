"""What meetings and workshops hold about a person, for download-my-data and delete-my-account.
(Comments on meetings are participation's comments: its personal_data exports and erases them.)"""

from django.utils import timezone

from . import services
from .models import Contribution, DotVote, Registration, RegistrationStatus


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
        "workshop_contributions": [
            {"workshop": contribution.table.workshop.slug, "table": contribution.table.number,
             "text": contribution.text, "created_at": moment(contribution.created_at)}
            for contribution in Contribution.objects.filter(author=user).select_related("table__workshop")
        ],
        "dot_votes": [
            {"workshop": dot.theme.workshop.slug, "theme": dot.theme.label, "created_at": moment(dot.created_at)}
            for dot in DotVote.objects.filter(voter=user).select_related("theme__workshop").order_by("created_at")
        ],
    }


def erase(user) -> None:
    # A place held in a meeting still to come goes to the waiting list, as if cancelled by hand.
    upcoming = Registration.objects.filter(person=user, status=RegistrationStatus.REGISTERED,
                                           meeting__ends_at__gt=timezone.now())
    for registration in upcoming.select_related("meeting"):
        services.cancel(registration=registration, by=user)
    Registration.objects.filter(person=user).delete()
    DotVote.objects.filter(voter=user).delete()
    # A workshop's notes are its record: they stay, no longer linked to anyone.
    Contribution.objects.filter(author=user).update(author=None, author_key="")
