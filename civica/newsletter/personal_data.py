"""What the newsletter holds about a person: their subscriber row (found by account or by the account's
address), its lists and consent records. Deleting the account deletes them. For subscribers without an
account, ``manage.py newsletter_personal_data --export/--erase EMAIL`` does the same by address."""

from django.db.models import Q

from .models import Subscriber


def subscribers_of(*, user=None, email=None):
    query = Q(email__iexact=email) if email else Q(user=user) | Q(email__iexact=user.email)
    return Subscriber.objects.filter(query).prefetch_related("lists", "consents")


def export_subscribers(subscribers) -> list:
    return [
        {
            "email": subscriber.email,
            "language": subscriber.language,
            "created_at": subscriber.created_at.isoformat(),
            "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
            "unsubscribed_at": subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None,
            "lists": [item.slug for item in subscriber.lists.all()],
            "consents": [
                {
                    "action": consent.action,
                    "lists": consent.lists,
                    "wording_version": consent.wording_version,
                    "language": consent.language,
                    "at": consent.at.isoformat(),
                }
                for consent in subscriber.consents.all()
            ],
        }
        for subscriber in subscribers
    ]


def export(user) -> dict:
    return {"newsletter_subscriptions": export_subscribers(subscribers_of(user=user))}


def erase(user) -> None:
    subscribers_of(user=user).delete()
