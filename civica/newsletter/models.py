"""The newsletter's lists, its subscribers and what they consented to.

- ``NewsletterList``: a list a person may choose (the centre's monthly newsletter, the innovation
  division's, Art & Well-being's: made by migration 0002), bilingual name and description, ordered by
  ``position``; the first one is what the compact subscribe boxes offer.
- ``Subscriber``: one per e-mail address (unique whatever its case; kept lower-cased), the language of
  its e-mails, the account it belongs to when a signed-in person subscribed with their own address,
  ``confirmed_at`` (double opt-in: nothing but the confirmation e-mail is sent before it),
  ``unsubscribed_at`` (one-click unsubscribe from everything) and ``bounced_at`` (for the mail provider's
  reports: ``bounces.py``). ``Subscriber.objects.receiving()`` is who may be sent a newsletter.
- ``Subscription``: a subscriber on a list (unique pair), made only when the subscriber confirms.
- ``Consent``: the record of each subscribe request, confirmation and unsubscription: when, which lists,
  the version of the wording the person saw (``CONSENT_WORDING_VERSION``) and the language. No IP address
  and no browser are stored: the signed link sent to the address is the proof that its owner confirmed.
  A subscribe request's row is what its confirmation link names; ``used_at`` makes the link good once.
- ``Campaign``: one e-mail to one list, a bilingual subject and ordered ``Block``s (text, chosen news
  articles, the next meetings, the open calls), status draft → scheduled → sending → sent, declared in
  ``TRANSITIONS`` and moved by ``core.transitions.move`` (services; the queue's own moves in ``sending``).
- ``Delivery``: the campaign to one subscriber, once (a unique constraint on the pair): pending, then sent
  or failed with the error. What ``sending.py`` claims, sends and marks."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.i18n import Bilingual
from civica.core.transitions import Transitions

# Bump when the consent sentence on the subscribe form changes; each Consent row keeps the version.
CONSENT_WORDING_VERSION = "2026-12-1"


class NewsletterList(Bilingual, models.Model):
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    name_ro = models.CharField(_("name (Romanian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_ro = models.TextField(_("description (Romanian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("newsletter list")
        verbose_name_plural = _("newsletter lists")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.translated("name")


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Who may be sent a newsletter: confirmed, not unsubscribed, not bouncing."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True, bounced_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscribers",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bounced at"), null=True, blank=True)
    lists = models.ManyToManyField(NewsletterList, through="Subscription", related_name="subscribers")

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        constraints = [models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_unique_ci")]
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_receiving(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None and self.bounced_at is None


class Subscription(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter_list = models.ForeignKey(
        NewsletterList, verbose_name=_("list"), on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter_list"], name="newsletter_subscription_unique")
        ]


class ConsentAction(models.TextChoices):
    SUBSCRIBE = "subscribe", _("Asked to subscribe")
    CONFIRM = "confirm", _("Confirmed")
    UNSUBSCRIBE = "unsubscribe", _("Unsubscribed")


class Consent(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(_("action"), max_length=16, choices=ConsentAction.choices)
    lists = models.JSONField(_("lists"), default=list, blank=True)  # the lists' slugs
    wording_version = models.CharField(_("wording version"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    used_at = models.DateTimeField(_("confirmation link used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter consent")
        verbose_name_plural = _("newsletter consents")
        ordering = ["at", "pk"]


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


# {from: {to: permission}}: editors schedule, cancel (back to draft) and send now; the queue moves a due
# scheduled campaign to "sending" and a campaign with no delivery pending to "sent" (sending.QUEUE).
CAMPAIGN_TRANSITIONS = {
    CampaignStatus.DRAFT: {CampaignStatus.SCHEDULED: "newsletter.send_campaign",
                           CampaignStatus.SENDING: "newsletter.send_campaign"},
    CampaignStatus.SCHEDULED: {CampaignStatus.SCHEDULED: "newsletter.send_campaign",
                               CampaignStatus.DRAFT: "newsletter.send_campaign",
                               CampaignStatus.SENDING: "newsletter.send_campaign"},
    CampaignStatus.SENDING: {CampaignStatus.SENT: "newsletter.send_campaign"},
    CampaignStatus.SENT: {},
}


class Campaign(Transitions, Bilingual, models.Model):
    TRANSITIONS = CAMPAIGN_TRANSITIONS
    STATUS = CampaignStatus

    newsletter_list = models.ForeignKey(NewsletterList, verbose_name=_("list"), on_delete=models.PROTECT,
                                        related_name="campaigns")
    subject_ro = models.CharField(_("subject (Romanian)"), max_length=200)
    subject_en = models.CharField(_("subject (English)"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=CampaignStatus.choices,
                              default=CampaignStatus.DRAFT, editable=False)
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Set when every recipient has its Delivery row (sending.enqueue ran to its end).
    recipients_listed_at = models.DateTimeField(_("recipients listed at"), null=True, blank=True, editable=False)
    # The last batch's end: a campaign "sending" without progress for a while is resumed (sending.resume).
    progress_at = models.DateTimeField(_("last progress at"), null=True, blank=True, editable=False)
    # The e-mail as sent, per language ({"ro": {"subject", "text", "html"}, "en": …}), fixed when sending
    # starts, with placeholders for each subscriber's own links (mail.render_campaign).
    rendered = models.JSONField(_("rendered e-mail"), default=dict, blank=True, editable=False)
    is_fictional = models.BooleanField(
        _("fictional text"), default=False, help_text=_("The text is invented (demonstration data)."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("newsletter campaign")
        verbose_name_plural = _("newsletter campaigns")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "scheduled_at"], name="newsletter_campaign_due")]

    def __str__(self):
        return self.subject_ro

    @property
    def is_editable(self) -> bool:
        return self.status == CampaignStatus.DRAFT


class BlockKind(models.TextChoices):
    TEXT = "text", _("Text")
    NEWS = "news", _("Chosen news articles")
    MEETINGS = "meetings", _("Upcoming meetings")
    CALLS = "calls", _("Open calls")


class Block(Bilingual, models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(_("kind"), max_length=10, choices=BlockKind.choices)
    position = models.PositiveIntegerField(_("position"), default=0)
    title_ro = models.CharField(_("heading (Romanian)"), max_length=200, blank=True)
    title_en = models.CharField(_("heading (English)"), max_length=200, blank=True)
    text_ro = models.TextField(_("text (Romanian, Markdown)"), blank=True)
    text_en = models.TextField(_("text (English, Markdown)"), blank=True)
    articles = models.ManyToManyField("news.Article", blank=True, related_name="+", verbose_name=_("articles"))
    count = models.PositiveSmallIntegerField(_("how many"), default=3)

    class Meta:
        verbose_name = _("campaign block")
        verbose_name_plural = _("campaign blocks")
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.campaign_id}:{self.position}:{self.kind}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped (no longer subscribed)")


class Delivery(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(_("status"), max_length=8, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [models.UniqueConstraint(fields=["campaign", "subscriber"], name="newsletter_delivery_once")]
        indexes = [models.Index(fields=["campaign", "status", "id"], name="newsletter_delivery_pending")]

    def __str__(self):
        return f"{self.campaign_id} → {self.subscriber_id}"
