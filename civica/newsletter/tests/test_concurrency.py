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
