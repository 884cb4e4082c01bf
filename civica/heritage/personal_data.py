"""What the heritage inventory holds about a person, for download-my-data and delete-my-account: the
entries of craftspeople and producers linked to their account (with their consent's record) and the
heritage objects they proposed. On deletion their entries lose the link, the consent (so the public no
longer sees them) and the personal details; their proposals stay, no longer linked to anyone."""

from django.utils import timezone

from .models import Craftsperson, HeritageObject


def export(user) -> dict:
    def moment(value):
        return value.isoformat() if value else None

    return {
        "heritage_listings": [
            {"locality": person.locality.name, "kind": person.kind, "name": person.name, "makes_ro": person.makes_ro,
             "makes_en": person.makes_en, "phone": person.phone, "email": person.email, "address": person.address,
             "consent_at": moment(person.consent_at), "consent_how": person.consent_how,
             "withdrawn_at": moment(person.withdrawn_at)}
            for person in Craftsperson.objects.filter(user=user).select_related("locality").order_by("pk")
        ],
        "heritage_proposals": [
            {"locality": proposal.locality.name, "name_ro": proposal.name_ro, "kind": proposal.kind,
             "review_state": proposal.review_state, "created_at": moment(proposal.created_at)}
            for proposal in HeritageObject.objects.filter(proposed_by=user).select_related("locality").order_by("pk")
        ],
    }


def erase(user) -> None:
    Craftsperson.objects.filter(user=user).update(
        user=None, consent_at=None, withdrawn_at=timezone.now(), phone="", email="", address="")
    HeritageObject.objects.filter(proposed_by=user).update(proposed_by=None)
