"""Demo subscribers (fictional addresses on civica.test), confirmed, with their consent records, so the
preference page and the subscriber count have something to show, and one sent campaign (its text marked
fictional) with a delivery for each of them, so the editors' screens show a send. ``DEMO_SUBSCRIBER`` is
the one the browser sweeps open the preference page of. The campaign is recorded as sent, not sent: the
addresses are fictional and loading the demo writes no e-mail."""

from django.utils import timezone

from .defaults import ensure_lists
from .models import (
    CONSENT_WORDING_VERSION,
    Block,
    BlockKind,
    Campaign,
    CampaignStatus,
    Consent,
    ConsentAction,
    Delivery,
    DeliveryStatus,
    NewsletterList,
    Subscriber,
    Subscription,
)
from .sending import recipients, render_all

DEMO_CAMPAIGN_SUBJECT = "Noutăți de la Centrul Cultural Clujean (demonstrație)"

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
    if not Campaign.objects.filter(subject_ro=DEMO_CAMPAIGN_SUBJECT).exists():
        _campaign(lists["ccc-monthly"], now)
        log("1 fictional newsletter campaign, sent")


def _campaign(newsletter_list, now):
    campaign = Campaign.objects.create(
        newsletter_list=newsletter_list, subject_ro=DEMO_CAMPAIGN_SUBJECT,
        subject_en="News from the Cluj Cultural Centre (demonstration)", is_fictional=True)
    Block.objects.create(
        campaign=campaign, kind=BlockKind.TEXT, position=0, title_ro="Luna aceasta", title_en="This month",
        text_ro="Un text de demonstrație: ce s-a întâmplat la centru și ce urmează.",
        text_en="A demonstration text: what happened at the centre and what comes next.")
    Block.objects.create(campaign=campaign, kind=BlockKind.MEETINGS, position=1, title_ro="Întâlniri",
                         title_en="Meetings", count=3)
    Block.objects.create(campaign=campaign, kind=BlockKind.CALLS, position=2, title_ro="Apeluri deschise",
                         title_en="Open calls", count=3)
    Delivery.objects.bulk_create([
        Delivery(campaign=campaign, subscriber=subscriber, status=DeliveryStatus.SENT, sent_at=now)
        for subscriber in recipients(campaign)])
    Campaign.objects.filter(pk=campaign.pk).update(
        status=CampaignStatus.SENT, rendered=render_all(campaign), started_at=now, sent_at=now,
        recipients_listed_at=now, progress_at=now)
