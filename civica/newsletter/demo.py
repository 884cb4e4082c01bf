"""Demo subscribers (fictional addresses on civica.test), confirmed, with their consent records, so the
preference page and the subscriber count have something to show. ``DEMO_SUBSCRIBER`` is the one the
browser sweeps open the preference page of."""

from django.utils import timezone

from .defaults import ensure_lists
from .models import CONSENT_WORDING_VERSION, Consent, ConsentAction, NewsletterList, Subscriber, Subscription

DEMO_SUBSCRIBER = "abonat.demo@civica.test"
SUBSCRIBERS = [
    (DEMO_SUBSCRIBER, "ro", ["ccc-monthly", "art-wellbeing"]),
    ("cititor.demo@civica.test", "ro", ["ccc-monthly"]),
    ("reader.demo@civica.test", "en", ["ccc-monthly", "civic-innovation"]),
]


def load(log):
    ensure_lists(NewsletterList)
    now = timezone.now()
    lists = {item.slug: item for item in NewsletterList.objects.all()}
    for email, language, slugs in SUBSCRIBERS:
        subscriber, created = Subscriber.objects.get_or_create(
            email=email, defaults={"language": language, "confirmed_at": now}
        )
        if not created:
            continue
        for action in (ConsentAction.SUBSCRIBE, ConsentAction.CONFIRM):
            Consent.objects.create(
                subscriber=subscriber,
                action=action,
                lists=slugs,
                wording_version=CONSENT_WORDING_VERSION,
                language=language,
                used_at=now if action == ConsentAction.SUBSCRIBE else None,
            )
        for slug in slugs:
            Subscription.objects.create(subscriber=subscriber, newsletter_list=lists[slug])
    log(f"{len(SUBSCRIBERS)} fictional newsletter subscribers")
