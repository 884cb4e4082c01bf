"""The newsletter: double opt-in (nothing sent but the confirmation before it), the confirmation link
(once, expiring, unalterable: a clear page, never a 500), no enumeration (the same answer for every
address), the rate limits, the preference page and one-click unsubscribe (RFC 8058, without a form
token), the e-mails (plain text and inlined HTML, links on CIVICA_BASE_URL, unsubscribe in both parts),
personal data, who may open what, and the query counts."""

import json
import re
from io import StringIO

import pytest
from django.core import mail, signing
from django.core.management import CommandError, call_command
from django.test import Client, TestCase

from civica.accounts.services import account_delete, personal_data_export
from civica.newsletter import personal_data, services
from civica.newsletter.models import Consent, ConsentAction, NewsletterList, Subscriber, Subscription
from civica.newsletter.tokens import CONFIRM_SALT, preferences_token

pytestmark = pytest.mark.django_db
BASE = "http://civica.example"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.CIVICA_BASE_URL = BASE


def lists(*slugs):
    return list(NewsletterList.objects.filter(slug__in=slugs))


def link(message, name):
    found = re.search(rf"{re.escape(BASE)}/\w\w/newsletter/{name}/[^/\s\"]+/", message.body)
    assert found, message.body
    return found.group(0)[len(BASE) :]


def post(client, path, data=None):
    """A POST whose after-commit work (the e-mail tasks) runs, as it does outside a test's transaction."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data or {})


def post_subscribe(client, email="ana@example.org", chosen=("ccc-monthly",), lang="ro", **extra):
    ids = [str(item.pk) for item in lists(*chosen)]
    return post(client, f"/{lang}/newsletter/", {"email": email, "lists": ids, "consent": "on", **extra})


def subscribe_and_confirm(client, email="ana@example.org", chosen=("ccc-monthly",)):
    post_subscribe(client, email, chosen)
    confirm_path = link(mail.outbox[-1], "confirm")
    return post(client, confirm_path)


def test_the_migration_made_the_three_lists():
    assert list(NewsletterList.objects.values_list("slug", flat=True)) == [
        "ccc-monthly",
        "civic-innovation",
        "art-wellbeing",
    ]


def test_double_opt_in_sends_only_the_confirmation_before_it(client):
    response = post_subscribe(client, "Ana@Example.org", ("ccc-monthly", "art-wellbeing"))
    assert response.status_code == 302 and response.url == "/ro/newsletter/check-inbox/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ana@example.org" and subscriber.confirmed_at is None
    assert not Subscription.objects.exists()
    assert not Subscriber.objects.receiving().exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"] and "Confirmați" in message.subject
    consent = Consent.objects.get()
    assert (consent.action, consent.lists, consent.language) == (
        ConsentAction.SUBSCRIBE,
        ["ccc-monthly", "art-wellbeing"],
        "ro",
    )
    assert consent.wording_version

    assert client.get(link(message, "confirm")).status_code == 200  # GET only asks
    assert Subscriber.objects.get().confirmed_at is None
    response = post(client, link(message, "confirm"))
    assert response.status_code == 302 and "/ro/newsletter/preferences/" in response.url
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert set(subscriber.lists.values_list("slug", flat=True)) == {"ccc-monthly", "art-wellbeing"}
    assert list(subscriber.consents.values_list("action", flat=True)) == ["subscribe", "confirm"]
    assert len(mail.outbox) == 2  # the welcome e-mail, the first after confirmation
    welcome = mail.outbox[1]
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = link(welcome, "unsubscribe")
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{BASE}{unsubscribe}>"
    html = welcome.alternatives[0][0]
    assert f'href="{BASE}{unsubscribe}"' in html and "<style" not in html and 'style="' in html
    assert link(welcome, "preferences") in html


def test_no_list_chosen_means_the_monthly_newsletter(client):
    subscribe_and_confirm(client, chosen=())
    assert list(Subscriber.objects.get().lists.values_list("slug", flat=True)) == ["ccc-monthly"]


def test_consent_is_required(client):
    response = client.post("/ro/newsletter/", {"email": "ana@example.org"})
    assert response.status_code == 200 and response.context["form"].errors["consent"]
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_answer_is_the_same_for_every_address(client):
    subscribe_and_confirm(client, "confirmed@example.org")
    post_subscribe(client, "pending@example.org")
    gone = Subscriber.objects.create(email="gone@example.org")
    services.unsubscribe(subscriber=gone)
    answers = set()
    for email in ["new@example.org", "pending@example.org", "confirmed@example.org", "gone@example.org"]:
        response = post_subscribe(Client(), email)
        answers.add((response.status_code, response.url))
        page = Client().get(response.url)
        answers.add(page.content.decode().replace(page.wsgi_request.META.get("CSRF_COOKIE", "-"), ""))
    assert len(answers) == 2  # one redirect, one page


def test_a_confirmation_link_works_once_and_a_second_subscription_keeps_the_lists(client):
    post_subscribe(client)
    path = link(mail.outbox[0], "confirm")
    assert post(client, path).status_code == 302
    response = post(client, path)
    assert response.status_code == 400 and "a fost deja folosit" in response.content.decode()
    assert Consent.objects.filter(action=ConsentAction.CONFIRM).count() == 1
    subscribe_and_confirm(client, chosen=("civic-innovation",))
    assert Subscriber.objects.get().lists.count() == 2


def test_an_expired_confirmation_link_gets_a_clear_page(client, settings):
    post_subscribe(client)
    path = link(mail.outbox[0], "confirm")
    settings.NEWSLETTER_CONFIRM_MAX_AGE = -1
    response = client.post(path)
    assert response.status_code == 400 and "a expirat" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


# Made in the test: a timestamped token in a test id would differ between pytest-xdist's workers.
BAD_CONFIRM_TOKENS = {
    "garbage": lambda: "x",
    "no-signature": lambda: "1:abc:def",
    "other-salt": lambda: signing.TimestampSigner(salt="other").sign("1"),
    "missing-row": lambda: signing.TimestampSigner(salt=CONFIRM_SALT).sign("999999"),
    "not-a-number": lambda: signing.TimestampSigner(salt=CONFIRM_SALT).sign("abc"),
    "huge-number": lambda: signing.TimestampSigner(salt=CONFIRM_SALT).sign("9" * 30),
}


@pytest.mark.parametrize("kind", BAD_CONFIRM_TOKENS)
def test_an_altered_confirmation_link_gets_a_clear_page(client, kind):
    token = BAD_CONFIRM_TOKENS[kind]()
    response = client.post(f"/ro/newsletter/confirm/{token}/")
    assert response.status_code == 400 and "nu este valid" in response.content.decode()


def test_an_altered_confirmation_of_a_real_request_changes_nothing(client):
    post_subscribe(client)
    path = link(mail.outbox[0], "confirm")
    assert client.post(path[:-3] + ("A" if path[-3] != "A" else "B") + "/").status_code == 400
    assert Subscriber.objects.get().confirmed_at is None


def test_rate_limit_per_ip_is_a_429(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "newsletter_by_address": "2/m/ip"}
    assert post_subscribe(client, "a@example.org").status_code == 302
    assert post_subscribe(client, "b@example.org").status_code == 302
    assert post_subscribe(client, "c@example.org").status_code == 429
    assert len(mail.outbox) == 2


def test_rate_limit_per_address_sends_nothing_more_but_answers_the_same(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "newsletter_by_email": "2/h/key"}
    answers = {post_subscribe(Client(REMOTE_ADDR=f"10.0.0.{n}"), "ANA@example.org").url for n in range(4)}
    assert answers == {"/ro/newsletter/check-inbox/"}
    assert len(mail.outbox) == 2


def test_preferences_change_lists_and_language_without_logging_in(client):
    subscribe_and_confirm(client)
    subscriber = Subscriber.objects.get()
    path = f"/ro/newsletter/preferences/{preferences_token(subscriber)}/"
    ids = [str(item.pk) for item in lists("civic-innovation", "art-wellbeing")]
    response = Client().post(path, {"lists": ids, "language": "en"})
    assert response.status_code == 200 and response.context["saved"]
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    assert set(subscriber.lists.values_list("slug", flat=True)) == {"civic-innovation", "art-wellbeing"}
    Client().post(path, {"language": "ro"})  # no list: unsubscribed from all
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None and not subscriber.lists.exists()
    Client().post(path, {"lists": ids[:1], "language": "ro"})  # back on a list
    subscriber.refresh_from_db()
    assert subscriber.is_receiving and subscriber.lists.count() == 1


def test_a_pending_subscriber_cannot_add_lists_from_the_preference_page(client):
    post_subscribe(client)
    subscriber = Subscriber.objects.get()
    ids = [str(item.pk) for item in NewsletterList.objects.all()]
    Client().post(f"/ro/newsletter/preferences/{preferences_token(subscriber)}/", {"lists": ids, "language": "ro"})
    assert not subscriber.lists.exists() and not Subscriber.objects.receiving().exists()


def test_one_click_unsubscribe_needs_no_form_token(client):
    subscribe_and_confirm(client)
    path = link(mail.outbox[-1], "unsubscribe")
    strict = Client(enforce_csrf_checks=True)
    assert "Da, dezabonați-mă" in strict.get(path).content.decode()
    assert Subscriber.objects.receiving().exists()
    response = strict.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.unsubscribed_at is not None and not subscriber.lists.exists()
    assert strict.post(path).status_code == 200  # twice: still fine, recorded once
    assert subscriber.consents.filter(action=ConsentAction.UNSUBSCRIBE).count() == 1


def test_preferences_still_need_the_form_token(client):
    subscribe_and_confirm(client)
    path = f"/ro/newsletter/preferences/{preferences_token(Subscriber.objects.get())}/"
    assert Client(enforce_csrf_checks=True).post(path, {"language": "en"}).status_code == 403


BAD_PREFERENCE_TOKENS = {
    "garbage": lambda: "x",
    "missing-row": lambda: signing.dumps(999999, salt="civica.newsletter.preferences"),
    "not-a-number": lambda: signing.dumps("abc", salt="civica.newsletter.preferences"),
    "other-salt": lambda: signing.dumps(1, salt="another"),
}


@pytest.mark.parametrize("name", ["preferences", "unsubscribe"])
@pytest.mark.parametrize("kind", BAD_PREFERENCE_TOKENS)
def test_bad_preference_tokens_get_a_clear_page(client, name, kind):
    token = BAD_PREFERENCE_TOKENS[kind]()
    for method in (client.get, client.post):
        response = method(f"/ro/newsletter/{name}/{token}/")
        assert response.status_code == 400 and "nu este valid" in response.content.decode()
    assert not Consent.objects.exists()


def test_permission_truth_table(client, participant):
    subscribe_and_confirm(client, participant.email)
    token = preferences_token(Subscriber.objects.get())
    pages = {
        "/ro/newsletter/": (200, 200),
        "/ro/newsletter/check-inbox/": (200, 200),
        f"/ro/newsletter/preferences/{token}/": (200, 200),
        f"/ro/newsletter/unsubscribe/{token}/": (200, 200),
        "/ro/newsletter/mine/": (302, 200),
    }
    signed_in = Client()
    signed_in.force_login(participant)
    for path, (anonymous, person) in pages.items():
        assert Client().get(path).status_code == anonymous, path
        assert signed_in.get(path).status_code == person, path
    assert "/ro/newsletter/mine/" in signed_in.get("/ro/account/").content.decode()


def test_mine_shows_the_persons_own_subscription_only(client, participant, make_user):
    someone = make_user("participant", email="someone@example.org")
    subscribe_and_confirm(client, "someone@example.org")
    signed_in = Client()
    signed_in.force_login(participant)
    response = signed_in.get("/ro/newsletter/mine/")
    assert "newsletter/mine_none.html" in [t.name for t in response.templates]
    signed_in.force_login(someone)
    response = signed_in.get("/ro/newsletter/mine/")
    assert response.context["subscriber"].email == "someone@example.org"


def test_a_signed_in_person_subscribing_their_own_address_links_the_account(participant):
    signed_in = Client()
    signed_in.force_login(participant)
    post_subscribe(signed_in, participant.email.upper())
    post_subscribe(signed_in, "other@example.org")
    assert Subscriber.objects.get(email=participant.email.lower()).user == participant
    assert Subscriber.objects.get(email="other@example.org").user is None


def test_the_compact_box_fills_the_address_in(client):
    response = client.get("/ro/newsletter/", {"email": "ana@example.org"})
    assert 'value="ana@example.org"' in response.content.decode()
    home = client.get("/ro/").content.decode()
    assert 'id="home-newsletter-email"' in home and 'id="footer-newsletter-email"' in home
    assert 'id="news-newsletter-email"' in client.get("/ro/news/").content.decode()


def test_english_pages_and_e_mails(client):
    post_subscribe(client, lang="en")
    assert "Confirm your newsletter subscription" in mail.outbox[0].subject
    assert "/en/newsletter/confirm/" in mail.outbox[0].body
    assert "Check your inbox" in client.get("/en/newsletter/check-inbox/").content.decode()


def test_personal_data_export_and_erase_with_the_account(client, participant):
    subscribe_and_confirm(client, participant.email)
    data = personal_data.export(participant)["newsletter_subscriptions"]
    assert data[0]["email"] == participant.email.lower() and data[0]["lists"] == ["ccc-monthly"]
    assert [consent["action"] for consent in data[0]["consents"]] == ["subscribe", "confirm"]
    assert personal_data_export(user=participant)["newsletter"]["newsletter_subscriptions"] == data
    account_delete(user=participant)
    assert not Subscriber.objects.exists() and not Consent.objects.exists()


def test_personal_data_command_for_subscribers_without_an_account(client):
    subscribe_and_confirm(client, "ana@example.org")
    out = StringIO()
    call_command("newsletter_personal_data", "--export", "ANA@example.org", stdout=out)
    assert json.loads(out.getvalue())["newsletter_subscriptions"][0]["email"] == "ana@example.org"
    call_command("newsletter_personal_data", "--erase", "ana@example.org", stdout=StringIO())
    assert not Subscriber.objects.exists()
    with pytest.raises(CommandError):
        call_command("newsletter_personal_data", "--export", "ana@example.org", stdout=StringIO())


def test_query_counts_do_not_grow_with_subscribers(client, django_assert_max_num_queries):
    for n in range(30):
        Subscriber.objects.create(email=f"s{n}@example.org")
    subscriber = Subscriber.objects.create(email="ana@example.org", confirmed_at="2026-01-01T00:00Z")
    for item in NewsletterList.objects.all():
        Subscription.objects.create(subscriber=subscriber, newsletter_list=item)
    token = preferences_token(subscriber)
    for path in ["/ro/newsletter/", f"/ro/newsletter/preferences/{token}/", f"/ro/newsletter/unsubscribe/{token}/"]:
        client.get(path)
        with django_assert_max_num_queries(8):
            assert client.get(path).status_code == 200


@pytest.mark.parametrize("value", ["9" * 25, "²", "abc", "-1"])
def test_odd_list_ids_are_a_form_error(client, value):
    response = client.post("/ro/newsletter/", {"email": "ana@example.org", "consent": "on", "lists": [value]})
    assert response.status_code == 200 and response.context["form"].errors["lists"]
    assert not Subscriber.objects.exists()
