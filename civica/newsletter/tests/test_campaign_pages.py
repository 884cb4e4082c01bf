"""The editors' campaign screens: who may open them, composing a campaign from blocks (added, edited,
moved, removed), a refused form keeping what was typed, the preview in both languages (the HTML exactly
as sent, framed, and the text part), the test e-mail to oneself, schedule / cancel / send now, bad
input answered without a 500, and fixed query counts."""

import datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from civica.news.tests.factories import ArticleFactory
from civica.newsletter.models import Block, Campaign, CampaignStatus
from civica.newsletter.tests.factories import campaign as make_campaign
from civica.newsletter.tests.factories import newsletter_list, subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, make_user):
    editor = make_user("editor")
    client.force_login(editor)
    client.editor = editor
    return client


def post(client, path, data=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data or {})


@pytest.mark.parametrize("kind,status", [("anonymous", 302), ("participant", 403), ("moderator", 403),
                                         ("editor", 200), ("administrator", 200)])
def test_who_opens_the_screens(client, make_user, kind, status):
    campaign = make_campaign()
    if kind != "anonymous":
        client.force_login(make_user(kind))
    base = f"/ro/newsletter/manage/{campaign.pk}/"
    for url in ["/ro/newsletter/manage/", "/ro/newsletter/manage/new/", base, base + "preview/",
                base + "preview/ro.html"]:
        assert client.get(url).status_code == status, url
    assert post(client, f"/ro/newsletter/manage/{campaign.pk}/status/", {"action": "send"}).status_code in {
        302 if status != 403 else 403}
    assert Campaign.objects.get().status == (CampaignStatus.SENT if status == 200 else CampaignStatus.DRAFT)


def test_compose_a_campaign_from_blocks(editor_client):
    article = ArticleFactory(title_ro="Pavilionul ECCA", title_en="The ECCA pavilion", summary_ro="Lansare")
    response = editor_client.post("/en/newsletter/manage/new/", {
        "newsletter_list": newsletter_list().pk, "subject_ro": "Noutăți", "subject_en": "News"})
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response.url == f"/en/newsletter/manage/{campaign.pk}/"
    base = f"/en/newsletter/manage/{campaign.pk}/"
    assert editor_client.post(base + "blocks/", {"kind": "text", "text_ro": "Bună ziua", "text_en": "Hello",
                                                 "count": "3"}).status_code == 302
    assert editor_client.post(base + "blocks/", {"kind": "news", "articles": [article.pk], "count": "3",
                                                 "title_ro": "Știri"}).status_code == 302
    assert editor_client.post(base + "blocks/", {"kind": "meetings", "count": "2"}).status_code == 302
    kinds = lambda: list(campaign.blocks.values_list("kind", flat=True))  # noqa: E731
    assert kinds() == ["text", "news", "meetings"]
    news = Block.objects.get(kind="news")
    editor_client.post(base + f"blocks/{news.pk}/change/", {"action": "up"})
    assert kinds() == ["news", "text", "meetings"]
    editor_client.post(base + f"blocks/{news.pk}/change/", {"action": "down"})
    editor_client.post(base + f"blocks/{news.pk}/change/", {"action": "down"})
    assert kinds() == ["text", "meetings", "news"]
    meetings = Block.objects.get(kind="meetings")
    editor_client.post(base + f"blocks/{meetings.pk}/change/", {"action": "remove"})
    assert kinds() == ["text", "news"]
    page = editor_client.get(base).content.decode()
    assert "The ECCA pavilion" in page and "Move up" in page
    response = editor_client.post(base + f"blocks/{news.pk}/", {"title_ro": "Știrile lunii", "articles": [article.pk],
                                                                  "count": "3"})
    assert response.status_code == 302 and Block.objects.get(pk=news.pk).title_ro == "Știrile lunii"


def test_a_refused_block_keeps_what_was_typed(editor_client):
    campaign = make_campaign()
    response = editor_client.post(f"/en/newsletter/manage/{campaign.pk}/blocks/",
                                  {"kind": "news", "title_ro": "Titlul meu scris", "count": "3"})
    page = response.content.decode()
    assert response.status_code == 400 and "Titlul meu scris" in page and "Choose at least one article." in page
    response = editor_client.post(f"/en/newsletter/manage/{campaign.pk}/blocks/",
                                  {"kind": "text", "title_ro": "Altul", "count": "abc"})
    assert response.status_code == 400 and "Altul" in response.content.decode()
    assert campaign.blocks.count() == 1


def test_preview_in_both_languages_is_the_email_as_sent(editor_client):
    campaign = make_campaign()
    page = editor_client.get(f"/en/newsletter/manage/{campaign.pk}/preview/").content.decode()
    assert "[Civica] Noutăți din decembrie" in page and "[Civica] December news" in page
    assert "An **important** text." in page and "Un text **important**." in page
    assert f'src="/en/newsletter/manage/{campaign.pk}/preview/ro.html"' in page
    html = editor_client.get(f"/en/newsletter/manage/{campaign.pk}/preview/ro.html")
    assert "<strong>important</strong>" in html.content.decode() and 'style="' in html.content.decode()
    assert "'unsafe-inline'" in html["Content-Security-Policy"] and "script-src" not in html["Content-Security-Policy"]
    assert html["X-Frame-Options"] == "SAMEORIGIN"
    assert editor_client.get(f"/en/newsletter/manage/{campaign.pk}/preview/xx.html").status_code == 404


def test_a_test_email_goes_to_the_editor_only(editor_client):
    subscriber("ana@example.org")
    campaign = make_campaign()
    response = post(editor_client, f"/en/newsletter/manage/{campaign.pk}/test/")
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [editor_client.editor.email] and "[Test]" in message.subject
    assert "List-Unsubscribe" in message.extra_headers
    assert not campaign.deliveries.exists() and Campaign.objects.get().status == CampaignStatus.DRAFT


def test_schedule_keeps_the_typed_moment_when_refused_then_cancel(editor_client):
    campaign = make_campaign()
    url = f"/en/newsletter/manage/{campaign.pk}/status/"
    response = editor_client.post(url, {"action": "schedule", "scheduled_at": "2020-01-01T10:00"})
    assert response.status_code == 400 and 'value="2020-01-01T10:00"' in response.content.decode()
    assert "Choose a moment to come" in response.content.decode()
    response = editor_client.post(url, {"action": "schedule", "scheduled_at": "not a date"})
    assert response.status_code == 400 and "not a date" in response.content.decode()
    later = timezone.localtime(timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assert editor_client.post(url, {"action": "schedule", "scheduled_at": later}).status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SCHEDULED
    assert timezone.localtime(campaign.scheduled_at).strftime("%Y-%m-%dT%H:%M") == later  # the Bucharest clock
    # A scheduled campaign is no longer edited.
    assert editor_client.post(f"/en/newsletter/manage/{campaign.pk}/blocks/", {"kind": "text", "text_ro": "x",
                                                                                "count": "3"}).status_code == 400
    assert editor_client.post(url, {"action": "cancel"}).status_code == 302
    assert Campaign.objects.get().status == CampaignStatus.DRAFT


@pytest.mark.parametrize("path", ["999999/", "999999/preview/", "abc/", "999999/blocks/999/"])
def test_bad_addresses_are_404(editor_client, path):
    assert editor_client.get(f"/en/newsletter/manage/{path}").status_code == 404


def test_query_counts_do_not_grow(editor_client, assert_constant_queries):
    campaign = make_campaign()

    def grow():
        for number in range(5):
            make_campaign(subject_ro=f"Altă campanie {number}")
            Block.objects.create(campaign=campaign, kind="news", position=number + 1)
            subscriber(f"p{number}@example.org")

    assert_constant_queries(editor_client, ["/en/newsletter/manage/", f"/en/newsletter/manage/{campaign.pk}/"], grow)
