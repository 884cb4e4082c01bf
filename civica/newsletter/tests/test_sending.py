"""Sending a campaign: who is sent it (confirmed, on the list, not unsubscribed, not bounced), each once
whatever runs twice, the e-mail per language with its links in both parts and the RFC 8058 headers,
the status moves and their audit entries, a refused address recorded on its delivery, the beat's start
of a due campaign and its resume of a stalled one."""

import datetime
import re

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from civica.audit.models import AuditEntry
from civica.newsletter import sending, services
from civica.newsletter.models import Campaign, CampaignStatus, Delivery, DeliveryStatus
from civica.newsletter.tests.factories import campaign as make_campaign
from civica.newsletter.tests.factories import subscriber

pytestmark = pytest.mark.django_db
BASE = "http://civica.example"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.CIVICA_BASE_URL = BASE


def send_now(campaign, by):
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.campaign_send_now(campaign=campaign, by=by)
    campaign.refresh_from_db()
    return campaign


def test_only_confirmed_subscribed_receiving_people_of_the_list_get_it_once(make_user):
    editor = make_user("editor")
    ana = subscriber("ana@example.org")
    ion = subscriber("ion@example.org", language="en")
    subscriber("pending@example.org", confirmed=False)
    subscriber("left@example.org", unsubscribed=True, lists=())
    subscriber("bounced@example.org", bounced=True)
    subscriber("other-list@example.org", lists=("art-wellbeing",))
    campaign = send_now(make_campaign(), editor)
    assert campaign.status == CampaignStatus.SENT and campaign.sent_at
    assert sorted(message.to[0] for message in mail.outbox) == ["ana@example.org", "ion@example.org"]
    assert set(Delivery.objects.values_list("subscriber", "status")) == {
        (ana.pk, DeliveryStatus.SENT), (ion.pk, DeliveryStatus.SENT)}
    [ro] = [message for message in mail.outbox if message.to == ["ana@example.org"]]
    [en] = [message for message in mail.outbox if message.to == ["ion@example.org"]]
    assert ro.subject == "[Civica] Noutăți din decembrie" and en.subject == "[Civica] December news"
    assert "Un text" in ro.body and "An **important** text." in en.body
    html = ro.alternatives[0][0]
    assert "<strong>important</strong>" in html and 'style="' in html and "<style" not in html
    unsubscribe = re.search(rf"{BASE}/ro/newsletter/unsubscribe/[^/\s]+/", ro.body).group(0)
    assert ro.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert ro.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'href="{unsubscribe}"' in html
    assert re.search(rf"{BASE}/ro/newsletter/preferences/[^/\s]+/", ro.body)
    assert "/en/newsletter/unsubscribe/" in en.body
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "newsletter.campaign.send", "newsletter.campaign.sent"]

    # Every task again (a redelivered message, a resume): nobody is sent it twice, nobody is added.
    sending.enqueue(campaign.pk)
    sending.send_batch(campaign.pk)
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.SENDING)
    assert sending.enqueue(campaign.pk) == 0
    sending.send_batch(campaign.pk)
    assert len(mail.outbox) == 2 and Delivery.objects.count() == 2


def test_someone_who_leaves_or_bounces_after_the_listing_is_skipped(make_user, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    editor = make_user("editor")
    ana, ion = subscriber("ana@example.org"), subscriber("ion@example.org")
    campaign = make_campaign()
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.SENDING, rendered=sending.render_all(campaign))
    for row in (ana, ion):
        Delivery.objects.create(campaign=campaign, subscriber=row)
    Campaign.objects.filter(pk=campaign.pk).update(recipients_listed_at=timezone.now())
    services.unsubscribe(subscriber=ana)
    ion.bounced_at = timezone.now()
    ion.save()
    sending.send_batch(campaign.pk)
    assert not mail.outbox
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SKIPPED}
    assert Campaign.objects.get().status == CampaignStatus.SENT
    assert editor  # unused otherwise


def test_a_refused_address_is_recorded_on_its_delivery(make_user, settings):
    settings.EMAIL_BACKEND = "civica.newsletter.tests.refusing_backend.EmailBackend"
    subscriber("ana@example.org")
    subscriber("refused@example.org")
    campaign = send_now(make_campaign(), make_user("editor"))
    failed = Delivery.objects.get(status=DeliveryStatus.FAILED)
    assert failed.subscriber.email == "refused@example.org" and "550" in failed.error
    assert Delivery.objects.get(status=DeliveryStatus.SENT).subscriber.email == "ana@example.org"
    assert campaign.status == CampaignStatus.SENT


def test_small_chunks_and_batches_chain_until_done(make_user, settings, monkeypatch):
    monkeypatch.setattr(sending, "BATCH", 2)
    monkeypatch.setattr(sending, "CHUNK", 3)
    subscriber("left@example.org", unsubscribed=True)
    for number in range(7):
        subscriber(f"p{number}@example.org")
    campaign = send_now(make_campaign(), make_user("editor"))
    assert len(mail.outbox) == 7 and campaign.status == CampaignStatus.SENT
    assert sorted(message.to[0] for message in mail.outbox) == [f"p{number}@example.org" for number in range(7)]
    assert Delivery.objects.count() == 7


def test_schedule_cancel_and_the_beat_starting_a_due_campaign(make_user):
    editor = make_user("editor")
    subscriber("ana@example.org")
    campaign = make_campaign()
    soon = timezone.now() + datetime.timedelta(hours=1)
    campaign = services.campaign_schedule(campaign=campaign, by=editor, at=soon)
    assert campaign.status == CampaignStatus.SCHEDULED
    assert sending.start_due() == 0
    campaign = services.campaign_cancel(campaign=campaign, by=editor)
    assert (campaign.status, campaign.scheduled_at) == (CampaignStatus.DRAFT, None)
    services.campaign_schedule(campaign=campaign, by=editor, at=soon)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert sending.start_due(now=soon + datetime.timedelta(seconds=1)) == 1
    assert Campaign.objects.get().status == CampaignStatus.SENT and len(mail.outbox) == 1
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "newsletter.campaign.schedule", "newsletter.campaign.cancel", "newsletter.campaign.schedule",
        "newsletter.campaign.send", "newsletter.campaign.sent"]


def test_a_past_moment_or_an_empty_campaign_cannot_be_scheduled(make_user):
    from django.core.exceptions import ValidationError

    editor = make_user("editor")
    with pytest.raises(ValidationError):
        services.campaign_schedule(campaign=make_campaign(), by=editor,
                                   at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(ValidationError):
        services.campaign_schedule(campaign=make_campaign(text=False), by=editor,
                                   at=timezone.now() + datetime.timedelta(hours=1))


def test_resume_starts_a_stalled_campaign_again(make_user):
    subscriber("ana@example.org")
    subscriber("ion@example.org")
    campaign = make_campaign()
    # A worker died after the listing and one message: the chain is gone.
    Campaign.objects.filter(pk=campaign.pk).update(
        status=CampaignStatus.SENDING, rendered=sending.render_all(campaign), recipients_listed_at=timezone.now(),
        progress_at=timezone.now() - datetime.timedelta(hours=1))
    first, second = (Delivery.objects.create(campaign=campaign, subscriber=row) for row in
                     campaign.newsletter_list.subscribers.order_by("pk"))
    Delivery.objects.filter(pk=first.pk).update(status=DeliveryStatus.SENT, sent_at=timezone.now())
    assert sending.resume(stalled_after=3600 * 2) == 0
    assert sending.resume() == 1
    assert [message.to for message in mail.outbox] == [[second.subscriber.email]]
    assert Campaign.objects.get().status == CampaignStatus.SENT


def test_a_non_editor_cannot_send(make_user):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.campaign_send_now(campaign=make_campaign(), by=make_user("participant"))
    assert not Delivery.objects.exists()
