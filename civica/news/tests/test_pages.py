"""The news pages: the list and its filters (a bad value is a filter not applied), press releases,
pagination, the article page with comments and the report form, the feeds, the search, the home page's
block, and the editors' screens (write with an image, preview, schedule, publish, unpublish), each
refusing whoever may not use it. Query counts stay the same with few and with many articles."""

import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import Comment
from civica.core import page_cache
from civica.moderation.models import Report
from civica.network.tests.factories import ProgrammeFactory
from civica.news.models import Article, ArticleKind, ArticleStatus
from civica.news.tests.factories import ArticleFactory, TagFactory
from civica.search import query

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def titles(response):
    return {article.title_ro for article in response.context["articles"]}


def test_list_shows_only_visible_articles_newest_first(client):
    old = ArticleFactory(published_at=timezone.now() - 48 * HOUR)
    new = ArticleFactory()
    ArticleFactory(status=ArticleStatus.DRAFT, published_at=None, title_ro="Ciorna")
    ArticleFactory(status=ArticleStatus.SCHEDULED, published_at=timezone.now() + HOUR, title_ro="Programat")
    response = client.get("/ro/news/")
    assert response.status_code == 200
    assert [article.pk for article in response.context["articles"]] == [new.pk, old.pk]
    assert "Ciorna" not in response.content.decode() and "Programat" not in response.content.decode()


def test_filters_by_kind_tag_programme_and_year(client):
    tag, programme = TagFactory(slug="bunastare"), ProgrammeFactory(slug="ecca")
    press = ArticleFactory(kind=ArticleKind.PRESS_RELEASE, title_ro="Comunicat")
    tagged = ArticleFactory(title_ro="Cu eticheta")
    tagged.tags.add(tag)
    ArticleFactory(programme=programme, title_ro="ECCA",
                   published_at=datetime.datetime(2021, 10, 14, tzinfo=datetime.UTC))
    assert titles(client.get("/ro/news/?kind=press_release")) == {"Comunicat"}
    assert titles(client.get("/ro/news/press/")) == {"Comunicat"}
    assert titles(client.get("/ro/news/?tag=bunastare")) == {"Cu eticheta"}
    assert titles(client.get("/ro/news/?programme=ecca")) == {"ECCA"}
    assert titles(client.get("/ro/news/?year=2021")) == {"ECCA"}
    assert titles(client.get("/ro/news/?year=2021&programme=ecca&kind=news")) == {"ECCA"}
    assert press.kind == ArticleKind.PRESS_RELEASE


@pytest.mark.parametrize("query_string", ["kind=nothing", "tag=%C2%B2", "programme=²", "year=2021abc",
                                          "year=99999999999999999999999", "page=-1", "page=²", "tag=missing"])
def test_bad_filters_are_not_applied(client, query_string):
    ArticleFactory(title_ro="Singura")
    response = client.get(f"/ro/news/?{query_string}")
    assert response.status_code == 200
    assert titles(response) == {"Singura"}


def test_pagination(client):
    for _number in range(14):
        ArticleFactory()
    first, second = client.get("/ro/news/"), client.get("/ro/news/?page=2")
    assert len(first.context["articles"]) == 12 and len(second.context["articles"]) == 2
    assert 'rel="next"' in first.content.decode()


def test_article_page_fictional_notice_comments_and_report(client, participant):
    article = ArticleFactory(is_fictional=True, body_ro="Text **îngroșat** <script>alert(1)</script>")
    tag = TagFactory(name_ro="Dezbateri")
    article.tags.add(tag)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<strong>îngroșat</strong>" in page and "<script>alert" not in page
    assert "Dezbateri" in page
    assert "Fictional text" in client.get(f"/en/news/{article.slug}/").content.decode()
    assert "Fictional text" not in client.get(f"/en/news/{ArticleFactory().slug}/").content.decode()
    client.force_login(participant)
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'name="reason"' in page and "<option" in page.split('name="reason"')[1][:300]
    response = client.post(f"/ro/news/{article.slug}/comments/", {"body": "Bravo!"})
    assert response.status_code == 302
    assert Comment.objects.filter(target_id=article.pk, body="Bravo!").exists()
    assert Article.objects.get(pk=article.pk).comment_count == 1
    response = client.post(f"/ro/news/{article.slug}/report/", {"reason": "spam"})
    assert response.status_code == 302 and Report.objects.filter(target_id=article.pk).count() == 1


def test_reports_hide_an_article_and_the_site_moderators_restore_it(client, make_user):
    article = ArticleFactory()
    for _number in range(3):
        client.force_login(make_user("participant"))
        client.post(f"/ro/news/{article.slug}/report/", {"reason": "spam"})
    assert client.get(article.get_absolute_url()).status_code == 404
    moderator = make_user("moderator")
    client.force_login(moderator)
    assert article.title_ro in client.get("/ro/moderation/").content.decode()
    client.post(f"/ro/news/{article.slug}/moderate/", {"action": "restore", "reason": "Nu e spam."})
    assert Article.objects.visible().filter(pk=article.pk).exists()


def test_a_scoped_moderator_does_not_see_articles_in_the_queue(client, make_user):
    from civica.participation.tests.factories import ProcessFactory

    article = ArticleFactory(is_hidden=True)
    client.force_login(make_user("moderator", scope=ProcessFactory()))
    response = client.get("/ro/moderation/")
    assert response.status_code == 200 and article.title_ro not in response.content.decode()


@pytest.mark.parametrize("state", [{"status": ArticleStatus.DRAFT, "published_at": None},
                                   {"status": ArticleStatus.SCHEDULED, "published_at": "future"},
                                   {"is_hidden": True}])
def test_what_is_not_visible_is_not_found(client, state):
    if state.get("published_at") == "future":
        state = {**state, "published_at": timezone.now() + HOUR}
    article = ArticleFactory(**state)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.post(f"/ro/news/{article.slug}/comments/", {"body": "x"}).status_code in (302, 404)


def test_feeds(client):
    ArticleFactory(title_ro="Știre", title_en="A news item")
    ArticleFactory(kind=ArticleKind.PRESS_RELEASE, title_ro="Comunicat", title_en="A press release")
    ArticleFactory(status=ArticleStatus.DRAFT, published_at=None, title_ro="Ciornă")
    rss = ET.fromstring(client.get("/ro/news/feed.rss").content)
    assert {item.findtext("title") for item in rss.iter("item")} == {"Știre", "Comunicat"}
    atom = ET.fromstring(client.get("/en/news/feed.atom").content)
    ns = "{http://www.w3.org/2005/Atom}"
    assert {entry.findtext(f"{ns}title") for entry in atom.iter(f"{ns}entry")} == {"A news item", "A press release"}
    press = ET.fromstring(client.get("/ro/news/press/feed.rss").content)
    assert [item.findtext("title") for item in press.iter("item")] == ["Comunicat"]
    assert client.get("/ro/news/press/feed.atom").status_code == 200


def test_search_finds_a_visible_article_in_both_languages():
    ArticleFactory(title_ro="Lansarea pavilionului", title_en="The pavilion opens", body_ro="Arhiva de artă")
    ArticleFactory(status=ArticleStatus.DRAFT, published_at=None, title_ro="Pavilionul secret")
    for language, words, title in [("ro", "pavilionului", "Lansarea pavilionului"),
                                   ("en", "pavilion", "The pavilion opens")]:
        with translation.override(language):
            results = query.search(query=words, user=AnonymousUser())
        assert [(result.kind, result.title) for result in results] == [("article", title)]


def test_home_shows_the_latest_three(client):
    for number in range(4):
        ArticleFactory(title_ro=f"Știrea numărul {number}", published_at=timezone.now() - (4 - number) * HOUR)
    page = client.get("/ro/").content.decode()
    assert "Știrea numărul 3" in page and "Știrea numărul 1" in page and "Știrea numărul 0" not in page


def test_query_counts_do_not_grow(client, assert_constant_queries):
    programme, tag = ProgrammeFactory(), TagFactory()
    article = ArticleFactory(programme=programme)
    article.tags.add(tag)
    ArticleFactory(kind=ArticleKind.PRESS_RELEASE)

    def grow():
        for _number in range(8):
            more = ArticleFactory(programme=ProgrammeFactory(), kind=ArticleKind.PRESS_RELEASE)
            more.tags.add(TagFactory(), tag)

    assert_constant_queries(client, ["/ro/news/", "/ro/news/press/", f"/ro/news/{article.slug}/",
                                     "/ro/news/feed.rss", "/ro/"], grow)


def test_query_counts_with_max(client, django_assert_max_num_queries):
    for _number in range(20):
        ArticleFactory(programme=ProgrammeFactory()).tags.add(TagFactory())
    with django_assert_max_num_queries(8):
        client.get("/ro/news/")
    with django_assert_max_num_queries(10):
        client.get(f"/ro/news/{Article.objects.first().slug}/")


def test_the_kept_article_page_gives_each_person_their_edit_link_and_report_form(client, settings, participant,
                                                                                 editor):
    settings.PAGE_CACHE_SECONDS = 60
    article = ArticleFactory()
    edit_link = f'href="/ro/news/manage/{article.pk}/"'
    client.force_login(editor)
    page = client.get(article.get_absolute_url()).content.decode()  # kept now, rendered as a visitor's
    assert edit_link in page and 'name="reason"' in page
    client.force_login(participant)
    page = client.get(article.get_absolute_url()).content.decode()
    assert edit_link not in page and 'name="reason"' in page
    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    assert edit_link not in page and 'name="reason"' not in page


def test_a_comment_on_one_article_leaves_the_other_articles_kept(client, settings, participant):
    settings.PAGE_CACHE_SECONDS = 60
    commented, other = ArticleFactory(), ArticleFactory(title_ro="Cealaltă știre")
    client.force_login(participant)

    def kept_at(path):
        """When the page served for ``path`` was kept (rendered as a visitor's)."""
        response = client.get(path)
        return cache.get(page_cache._page_key(response.wsgi_request, page_cache.SHARED_KEY_PREFIX))[1]

    before = {path: kept_at(path) for path in (commented.get_absolute_url(), other.get_absolute_url(), "/ro/news/")}
    client.post(f"/ro/news/{commented.slug}/comments/", {"body": "Părerea nouă"})
    assert "Părerea nouă" in client.get(commented.get_absolute_url()).content.decode()
    assert kept_at(commented.get_absolute_url()) != before[commented.get_absolute_url()]
    assert kept_at(other.get_absolute_url()) == before[other.get_absolute_url()]  # still current
    assert kept_at("/ro/news/") != before["/ro/news/"]  # the list spans every article


def test_a_signed_in_person_s_kept_news_pages_cost_only_their_parts(client, settings, participant,
                                                                    django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 60
    article = ArticleFactory()
    for number in range(20):
        ArticleFactory(programme=ProgrammeFactory()).tags.add(TagFactory())
        comment_services.comment_post(target=article, by=UserFactory(), body=f"Părerea {number}")
    client.force_login(participant)
    for path in ("/ro/news/", "/ro/news/press/"):
        client.get(path)
        # session, user, roles, verified e-mail, represented organisations, unread count: the header's.
        with django_assert_max_num_queries(6) as captured:
            assert client.get(path).status_code == 200
        assert not any("news_article" in query["sql"] for query in captured.captured_queries)
    client.get(article.get_absolute_url())
    # The header's six; the article (for the edit link, the report form and the comment form, which
    # finds it loaded) and the comments with the person's votes (their buttons): none per comment.
    with django_assert_max_num_queries(8):
        page = client.get(article.get_absolute_url()).content.decode()
    assert "Părerea 19" in page and 'name="reason"' in page


# --- The editors' screens --------------------------------------------------------------------------

def png():
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 500), "#8a1c3b").save(buffer, format="PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize("kind", ["anonymous", "participant", "moderator"])
def test_editors_screens_refuse_others(client, make_user, kind):
    article = ArticleFactory(status=ArticleStatus.DRAFT, published_at=None)
    if kind != "anonymous":
        client.force_login(make_user(kind))
    for url in ["/ro/news/manage/", "/ro/news/manage/new/", f"/ro/news/manage/{article.pk}/",
                f"/ro/news/manage/{article.pk}/edit/", f"/ro/news/manage/{article.pk}/preview/"]:
        response = client.get(url)
        assert response.status_code == (302 if kind == "anonymous" else 403), url
    response = client.post(f"/ro/news/manage/{article.pk}/status/", {"action": "publish"})
    assert response.status_code == (302 if kind == "anonymous" else 403)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.DRAFT


def test_editor_writes_previews_schedules_and_publishes(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    tag = TagFactory()
    form = {"kind": "press_release", "title_ro": "Comunicat nou", "summary_ro": "Rezumat", "body_ro": "Text",
            "title_en": "New release", "summary_en": "Summary", "body_en": "Text", "tags": [str(tag.pk)]}
    refused = client.post("/ro/news/manage/new/", {**form, "image": png()})
    assert refused.status_code == 200 and "image_alt_ro" in refused.context["form"].errors
    response = client.post("/ro/news/manage/new/", {**form, "image": png(), "image_alt_ro": "Un pătrat",
                                                     "image_alt_en": "A square"})
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ro/news/manage/{article.pk}/"
    assert article.status == ArticleStatus.DRAFT and article.image_width == 1000 and list(article.tags.all()) == [tag]
    assert client.get(article.get_absolute_url()).status_code == 404
    preview = client.get(f"/ro/news/manage/{article.pk}/preview/").content.decode()
    assert "Comunicat nou" in preview and "srcset" in preview and 'alt="Un pătrat"' in preview
    assert "Comunicat nou" in client.get("/ro/news/manage/").content.decode()

    later = timezone.localtime() + datetime.timedelta(days=2)
    client.post(f"/ro/news/manage/{article.pk}/status/", {"action": "schedule",
                                                            "published_at": later.strftime("%Y-%m-%dT%H:%M")})
    article.refresh_from_db()
    assert article.status == ArticleStatus.SCHEDULED and not article.is_visible
    client.post(f"/ro/news/manage/{article.pk}/status/", {"action": "schedule", "published_at": "²"})
    client.post(f"/ro/news/manage/{article.pk}/status/", {"action": "publish"})
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED and article.is_visible
    assert client.get(article.get_absolute_url()).status_code == 200
    client.post(f"/ro/news/manage/{article.pk}/edit/", {**form, "title_ro": "Comunicat corectat",
                                                         "image_alt_ro": "Un pătrat"})
    article.refresh_from_db()
    assert article.title_ro == "Comunicat corectat" and article.image  # the image kept
    client.post(f"/ro/news/manage/{article.pk}/status/", {"action": "unpublish"})
    assert not Article.objects.visible().exists()
    assert client.post(f"/ro/news/manage/{article.pk}/status/", {"action": "unpublish"}).status_code == 302


def test_missing_articles_are_not_found(client, editor):
    client.force_login(editor)
    for url in ["/ro/news/nothing-here/", "/ro/news/manage/999999/", "/ro/news/manage/999999/preview/"]:
        assert client.get(url).status_code == 404
