"""The newsletter's background work (civica.queue): the confirmation e-mail of each subscribe request
(once per request) and the welcome e-mail after confirming (once per subscriber); the campaigns' tasks
live with the sending engine (``sending.py``) and are imported here so the queue finds them."""

from django.utils.translation import gettext as _

from civica.queue.delivery import once
from civica.queue.tasks import background_task

from .mail import send_confirmation_mail, send_newsletter_mail
from .models import Consent, ConsentAction, Subscriber
from .sending import enqueue_campaign, resume_campaigns, send_campaign_batch, start_due_campaigns

__all__ = ["enqueue_campaign", "resume_campaigns", "send_campaign_batch", "send_confirmation", "send_welcome",
           "start_due_campaigns"]


@background_task
def send_confirmation(consent_id) -> bool:
    consent = (
        Consent.objects.filter(pk=consent_id, action=ConsentAction.SUBSCRIBE, used_at__isnull=True)
        .select_related("subscriber")
        .first()
    )
    if consent is None:
        return False
    return once(f"newsletter.confirm:{consent.pk}", lambda: send_confirmation_mail(consent))


@background_task
def send_welcome(subscriber_id) -> bool:
    subscriber = Subscriber.objects.receiving().filter(pk=subscriber_id).first()
    if subscriber is None:
        return False

    def context():
        return {"lists": [item.translated("name") for item in subscriber.lists.order_by("position")]}

    return once(
        f"newsletter.welcome:{subscriber.pk}",
        lambda: send_newsletter_mail(
            subscriber,
            "newsletter/email/welcome.txt",
            context,
            subject=lambda: _("[Civica] You are subscribed to the newsletter"),
        ),
    )
