"""Test data of the newsletter: subscribers in any state, campaigns with a text block."""

from django.utils import timezone

from civica.newsletter.models import Block, BlockKind, Campaign, NewsletterList, Subscriber, Subscription


def newsletter_list(slug="ccc-monthly"):
    return NewsletterList.objects.get(slug=slug)


def subscriber(email, *, language="ro", lists=("ccc-monthly",), confirmed=True, unsubscribed=False, bounced=False):
    now = timezone.now()
    row = Subscriber.objects.create(email=email, language=language, confirmed_at=now if confirmed else None,
                                    unsubscribed_at=now if unsubscribed else None, bounced_at=now if bounced else None)
    for slug in lists:
        Subscription.objects.create(subscriber=row, newsletter_list=newsletter_list(slug))
    return row


def campaign(*, slug="ccc-monthly", subject_ro="Noutăți din decembrie", subject_en="December news", text=True,
             **fields):
    row = Campaign.objects.create(newsletter_list=newsletter_list(slug), subject_ro=subject_ro,
                                  subject_en=subject_en, **fields)
    if text:
        Block.objects.create(campaign=row, kind=BlockKind.TEXT, position=0, title_ro="Salutare",
                             title_en="Hello", text_ro="Un text **important**.", text_en="An **important** text.")
    return row
