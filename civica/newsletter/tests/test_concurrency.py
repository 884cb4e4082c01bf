"""Races on one subscriber (PostgreSQL): unsubscribing twice at once, and unsubscribing while the
preference page is saved."""

import pytest

from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.newsletter import services
from civica.newsletter.defaults import ensure_lists
from civica.newsletter.models import Consent, ConsentAction, NewsletterList, Subscriber, Subscription

pytestmark = pytest.mark.django_db(transaction=True)


def confirmed_subscriber():
    ensure_lists(NewsletterList)  # an earlier transactional test may have emptied the tables
    subscriber = services.subscribe(email="ana@example.org", lists=list(NewsletterList.objects.all()[:1]),
                                    language="ro", send=False)
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmed_at="2026-01-01T10:00:00Z")
    return Subscriber.objects.get(pk=subscriber.pk)


def test_two_unsubscribes_at_once_record_one_consent():
    skip_unless_postgresql()
    subscriber = confirmed_subscriber()
    outcomes = run_together([lambda: services.unsubscribe(subscriber=Subscriber.objects.get(pk=subscriber.pk))] * 4)
    assert outcomes == [None] * 4
    assert Consent.objects.filter(subscriber=subscriber, action=ConsentAction.UNSUBSCRIBE).count() == 1
    assert not Subscription.objects.filter(subscriber=subscriber).exists()


def test_unsubscribe_racing_a_preference_save_leaves_a_consistent_row():
    skip_unless_postgresql()
    subscriber = confirmed_subscriber()
    every_list = list(NewsletterList.objects.all())
    outcomes = run_together([
        lambda: services.unsubscribe(subscriber=Subscriber.objects.get(pk=subscriber.pk)),
        lambda: services.preferences_save(subscriber=Subscriber.objects.get(pk=subscriber.pk), lists=every_list,
                                          language="en"),
    ])
    assert outcomes == [None, None]
    subscriber.refresh_from_db()
    subscribed = Subscription.objects.filter(subscriber=subscriber).count()
    # Whichever ran last wins whole: unsubscribed with no list, or subscribed to every list.
    assert (subscriber.unsubscribed_at is not None and subscribed == 0) or \
        (subscriber.unsubscribed_at is None and subscribed == len(every_list))
    assert Consent.objects.filter(subscriber=subscriber, action=ConsentAction.UNSUBSCRIBE).count() == 1


def test_sending_a_campaign_three_times_at_once_while_a_block_is_edited_starts_it_once_with_the_edit_or_refuses_it():
    """"Send now" pressed three times at once (two editors, a double click) while someone saves a block:
    the campaign starts once, and the block's save either came first (the e-mail sent carries it) or is
    refused because the campaign is no longer a draft; never a sent e-mail without a saved edit."""
    skip_unless_postgresql()
    from django.core.exceptions import ValidationError

    from civica.accounts.roles import Role
    from civica.accounts.tests.factories import UserFactory
    from civica.audit.models import AuditEntry
    from civica.core.transitions import MoveNotPossible
    from civica.newsletter.models import Campaign, CampaignStatus
    from civica.newsletter.tests.factories import campaign as make_campaign

    ensure_lists(NewsletterList)  # an earlier transactional test may have emptied the tables
    editor = UserFactory(role=Role.EDITOR)
    draft = make_campaign()
    block = draft.blocks.get()
    send = [lambda: services.campaign_send_now(campaign=Campaign.objects.get(pk=draft.pk), by=editor)] * 3
    edit = lambda: services.block_update(block=type(block).objects.get(pk=block.pk), by=editor,  # noqa: E731
                                         text_ro="Textul corectat în ultima clipă.")
    outcomes = run_together([*send, edit])
    assert sum(outcome is None for outcome in outcomes[:3]) == 1
    assert all(isinstance(outcome, MoveNotPossible) for outcome in outcomes[:3] if outcome is not None)
    assert AuditEntry.objects.filter(action="newsletter.campaign.send", target_id=draft.pk).count() == 1
    sent = Campaign.objects.get(pk=draft.pk)
    assert sent.status in (CampaignStatus.SENDING, CampaignStatus.SENT)
    if outcomes[3] is None:
        assert "Textul corectat în ultima clipă." in sent.rendered["ro"]["html"]
    else:
        assert isinstance(outcomes[3], ValidationError)
        assert "Textul corectat" not in sent.rendered["ro"]["html"]
