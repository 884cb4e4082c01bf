"""Shared pages (core/page_cache.py SharedPageMiddleware, core/personal_parts.py): one kept page for
everyone, each person's parts filled in per request. Nothing personal ever enters what is kept: every
``@shared_page`` view is rendered for two different people, a moderator and a visitor, each served
from the page another of them left in the cache, and each must get exactly the page they get with the
cache off."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver

from civica.accountability.tests.factories import make_plan
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.core import page_cache
from civica.moderation import services as moderation_services
from civica.notifications.models import Notification
from civica.participation import services as participation_services
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

# Each shared page's address for the data of ``site`` below; a new @shared_page view must be added.
PAGES = {
    "participation:process_list": lambda site: "/ro/processes/",
    "participation:process_detail": lambda site: f"/ro/processes/{site['process'].slug}/",
    "participation:idea_list": lambda site: f"/ro/processes/{site['process'].slug}/ideas/",
    "participation:idea_detail": lambda site: f"/ro/processes/{site['process'].slug}/ideas/{site['idea'].pk}/",
    "accountability:plan": lambda site: f"/ro/plans/{site['plan'].slug}/",
    "accountability:programme": lambda site: f"/ro/plans/{site['plan'].slug}/programmes/{site['programme']}/",
    "accountability:activities": lambda site: f"/ro/plans/{site['plan'].slug}/activities/?month=3",
}


# --- Meetings and calls (task G): their data made on first use, so the ``site`` above stays as it is.
def site_meetings(site):
    """A hybrid meeting with one place: ``first`` holds it (their code, the online link), ``second``
    waits for it; a call open to participants where ``first`` and ``second`` have each started an
    application. Their titles name the idea they are about (what every kept page must show)."""
    if "meeting" not in site:
        from civica.calls import services as call_services
        from civica.calls.tests.factories import CallFactory
        from civica.meetings import services as meeting_services
        from civica.meetings.models import MeetingFormat
        from civica.meetings.tests.factories import MeetingFactory

        meeting = MeetingFactory(title_ro="Bănci la umbră: atelier în parc", capacity=1, format=MeetingFormat.HYBRID,
                                 online_url="https://meet.example.org/camera-ascunsa")
        for person in (site["first"], site["second"]):
            meeting_services.register(meeting=meeting, by=person, accepted_terms=True)
        call = CallFactory(title_ro="Bănci la umbră în cartiere")
        site["applications"] = [call_services.application_start(call=call, by=person)
                                for person in (site["first"], site["second"])]
        site.update(meeting=meeting, call=call)
    return site


PAGES |= {
    "meetings:detail": lambda site: f"/ro/meetings/{site_meetings(site)['meeting'].slug}/",
    "calls:detail": lambda site: f"/ro/calls/{site_meetings(site)['call'].slug}/",
    # Home, search and news: their data is ``site_news`` (PAGE_DATA).
    "content:home": lambda site: "/ro/",
    "search:search": lambda site: "/ro/search/?q=banci",
    "news:list": lambda site: "/ro/news/",
    "news:press": lambda site: "/ro/news/press/",
    "news:detail": lambda site: f"/ro/news/{site['article'].slug}/",
}
# The fixture giving a page its data, when it is not ``site`` (one that extends it).
PAGE_DATA = {
    "content:home": "site_news", "search:search": "site_news", "news:list": "site_news",
    "news:press": "site_news", "news:detail": "site_news",
}
# A text the kept page must hold (it is that page), when it is not the consultation's title.
SHOWN = {
    "news:list": "Știrea cu păreri",
    "news:press": "Comunicatul de presă", "news:detail": "Părerea Anei despre știre",
    "meetings:detail": "Bănci la umbră: atelier în parc", "calls:detail": "Bănci la umbră în cartiere",
}

# The observatory's dashboards and diagnosis report (issue 19, slice 4): their data is ``site_observatory``.
@pytest.fixture
def site_observatory(site):
    from civica.observatory.models import IndicatorValue
    from civica.observatory.tests.factories import (
        DimensionFactory,
        PublishedIndicatorFactory,
        ReportFactory,
        ReportSectionFactory,
    )

    indicator = PublishedIndicatorFactory(dimension=DimensionFactory(slug="participare", framework__slug="culture2030"),
                                 code="spectatori", name_ro="Spectatori la umbră")
    IndicatorValue.objects.create(indicator=indicator, year=2021, value=1234)
    report = ReportFactory(slug="diagnoza", title_ro="Diagnoza la umbră", status="published")
    ReportSectionFactory(report=report).indicators.set([indicator])
    return site


PAGES |= {
    "observatory:index": lambda site: "/ro/observatory/",
    "observatory:dimension": lambda site: "/ro/observatory/dimensions/culture2030/participare/",
    "observatory:indicator": lambda site: "/ro/observatory/indicators/spectatori/?first_year=2020",
    "observatory:reports": lambda site: "/ro/observatory/reports/",
    "observatory:report": lambda site: "/ro/observatory/reports/diagnoza/",
}
PAGE_DATA |= dict.fromkeys(("observatory:index", "observatory:dimension", "observatory:indicator",
                            "observatory:reports", "observatory:report"), "site_observatory")
SHOWN |= {"observatory:index": "Diagnoza la umbră", "observatory:dimension": "Spectatori la umbră",
          "observatory:indicator": "Spectatori la umbră", "observatory:reports": "Diagnoza la umbră",
          "observatory:report": "Spectatori la umbră"}
# --- Observatory, open data (issue 19): the catalogue and a dataset's pages, on ``site_open_data``.
PAGES |= {
    "observatory:data": lambda site: "/ro/observatory/data/",
    "observatory:data_indicator": lambda site: "/ro/observatory/data/indicators/parcul-1/",
    "observatory:data_dimension": lambda site: "/ro/observatory/data/dimensions/own/parcul/",
}
PAGE_DATA |= {name: "site_open_data" for name in ("observatory:data", "observatory:data_indicator",
                                                   "observatory:data_dimension")}
SHOWN |= {name: "Vizitatori în Parcul Feroviarilor" for name in ("observatory:data", "observatory:data_indicator",
                                                                  "observatory:data_dimension")}


@pytest.fixture
def site_open_data(site_news):
    """``site_news`` with a published indicator of one value, in a dimension."""
    from civica.observatory.models import Dimension, Framework, Indicator, IndicatorValue

    framework = Framework.objects.create(slug="own", name_ro="Indicatorii centrului")
    dimension = Dimension.objects.create(framework=framework, slug="parcul", name_ro="Parcul")
    indicator = Indicator.objects.create(code="parcul-1", framework=framework, dimension=dimension,
                                         name_ro="Vizitatori în Parcul Feroviarilor", definition_ro="Pe an.",
                                         unit="count", is_published=True)
    IndicatorValue.objects.create(indicator=indicator, year=2021, value=1234)
    return site_news


# --- The ECCA art archive (issue 23): the catalogue, its map and the pages of a work, an artist, a collection
# and an event, on ``site_archive``.
PAGES |= {
    "archive:catalogue": lambda site: "/ro/archive/",
    "archive:map": lambda site: "/ro/archive/map/",
    "archive:work": lambda site: "/ro/archive/works/casa-albastra/",
    "archive:artist": lambda site: "/ro/archive/artists/ilinca/",
    "archive:collection": lambda site: "/ro/archive/collections/prima/",
    "archive:event": lambda site: "/ro/archive/events/simpozion/",
}
PAGE_DATA |= dict.fromkeys(("archive:catalogue", "archive:map", "archive:work", "archive:artist",
                            "archive:collection", "archive:event"), "site_archive")
SHOWN |= dict.fromkeys(("archive:catalogue", "archive:map", "archive:work", "archive:artist", "archive:collection",
                        "archive:event"), "Casa albastră")


@pytest.fixture
def site_archive(site_news):
    """``site_news`` with a published work in a collection, shown at an event."""
    from civica.archive.models import Event
    from civica.archive.tests.factories import ArtistFactory, CollectionFactory, WorkFactory, image_for

    work = WorkFactory(slug="casa-albastra", title_ro="Casa albastră", artist=ArtistFactory(slug="ilinca"),
                       latitude=Decimal("46.7712"), longitude=Decimal("23.5897"))
    image_for(work)
    CollectionFactory(slug="prima").works.add(work)
    Event.objects.create(slug="simpozion", title_ro="Simpozion", starts_on="2021-10-22",
                         is_published=True).works.add(work)
    return site_news


# --- The heritage inventory (issue 23): the localities, a locality's sheet and a site, on ``site_heritage``.
PAGES |= {
    "heritage:list": lambda site: "/ro/heritage/",
    "heritage:locality": lambda site: "/ro/heritage/localities/frasin/",
    "heritage:site": lambda site: "/ro/heritage/sites/morile/",
}
PAGE_DATA |= dict.fromkeys(("heritage:list", "heritage:locality", "heritage:site"), "site_heritage")
SHOWN |= dict.fromkeys(("heritage:list", "heritage:locality", "heritage:site"), "Frasin")


@pytest.fixture
def site_heritage(site_news):
    """``site_news`` with a published locality and a remarkable site in it."""
    from civica.heritage.tests.factories import LocalityFactory, SiteFactory

    SiteFactory(slug="morile", name_ro="Morile", locality=LocalityFactory(slug="frasin", name="Frasin"))
    return site_news


_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def _shared_views():
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "shared_page", False):
                names.add(namespace + pattern.name)
    walk(get_resolver().url_patterns, "")
    return names


def test_every_shared_page_is_checked_here():
    assert _shared_views() == set(PAGES)


@pytest.fixture
def site(db, moderator):
    first, second = UserFactory(display_name="Ana Întâi"), UserFactory(display_name="Bogdan Doi")
    process = ProcessFactory(title_ro="Parcul Feroviarilor")
    idea = IdeaFactory(process=process, title="Bănci la umbră", author=second)
    participation_services.idea_support(idea=idea, by=first)
    mine = comment_services.comment_post(target=idea, by=first, body="Părerea primei persoane")
    comment_services.comment_post(target=idea, by=second, body="Răspunsul celei de-a doua", parent=mine)
    hidden = comment_services.comment_post(target=idea, by=second, body="Textul ascuns al lui Bogdan")
    moderation_services.moderate(target=hidden, by=moderator, hide=True, reason="De verificat")
    plan = make_plan()
    return {"process": process, "idea": idea, "first": first, "second": second, "moderator": moderator,
            "plan": plan, "programme": plan.activities.first().programme.slug}


@pytest.fixture
def site_news(site):
    """``site`` with a news article both people commented on, a press release, and one unread
    notification for the first person only (the header's count tells them apart on pages whose
    only personal part is the header: home, search, the news lists)."""
    from civica.news.models import ArticleKind
    from civica.news.tests.factories import ArticleFactory
    from civica.notifications import services as notification_services

    first, second = site["first"], site["second"]
    article = ArticleFactory(title_ro="Știrea cu păreri")
    ArticleFactory(title_ro="Comunicatul de presă", kind=ArticleKind.PRESS_RELEASE)
    comment_services.comment_post(target=article, by=first, body="Părerea Anei despre știre")
    comment_services.comment_post(target=article, by=second, body="Părerea lui Bogdan despre știre")
    Notification.objects.filter(recipient__in=[first, second]).delete()
    notification_services.notify(recipients=[first], message=lambda: "Un răspuns nou", url="/ro/")
    return {**site, "article": article}


def _page(client, person, path):
    client.logout()
    if person is not None:
        client.force_login(person)
    response = client.get(path)
    assert response.status_code == 200, path
    return _TOKEN.sub(r"\1token\2", response.content.decode())


@pytest.mark.parametrize("page", sorted(PAGES))
def test_each_person_gets_their_own_page_from_what_another_left_kept(db, client, settings, request, page):
    site = request.getfixturevalue(PAGE_DATA.get(page, "site"))
    path = PAGES[page](site)
    people = {"first": site["first"], "second": site["second"], "moderator": site["moderator"], "visitor": None}
    settings.PAGE_CACHE_SECONDS = 0
    fresh = {name: _page(client, person, path) for name, person in people.items()}
    assert len(set(fresh.values())) == len(people)  # the parts make a difference, or this proves nothing
    settings.PAGE_CACHE_SECONDS = 60
    for primer in people:
        cache.clear()
        kept_for = _page(client, people[primer], path)
        assert kept_for == fresh[primer]
        for name, person in people.items():
            got = _page(client, person, path)
            if got != fresh[name]:
                import difflib
                print("\n".join(difflib.unified_diff(fresh[name].splitlines(), got.splitlines(), lineterm="", n=1)))
            assert got == fresh[name], (primer, name)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_what_is_kept_is_the_same_whoever_came_first_and_names_nobody_s_session(db, client, settings, request,
                                                                                    page):
    site = request.getfixturevalue(PAGE_DATA.get(page, "site"))
    path = PAGES[page](site)
    settings.PAGE_CACHE_SECONDS = 60
    kept = []
    for person in (site["first"], site["second"], UserFactory()):  # moderators may get pages of their own
        cache.clear()
        client.logout()
        client.force_login(person)
        response = client.get(path)
        kept.append(cache.get(page_cache._page_key(response.wsgi_request, page_cache.SHARED_KEY_PREFIX))[4])
    assert kept[0] == kept[1] == kept[2]
    text = kept[0].decode()
    default = site["plan"].title_ro if page.startswith("accountability:") else "Parcul Feroviarilor"
    assert SHOWN.get(page, default) in text
    first, second = site["first"], site["second"]
    for never in ("Deconectare", "Textul ascuns", "Îmi retrag susținerea", first.email, second.email):
        assert never not in text
    assert not re.search(r'name="csrfmiddlewaretoken" value="(?!civica-part-csrf-token)', text)


def test_a_signed_in_person_s_kept_page_costs_only_their_parts(client, settings, site, django_assert_max_num_queries):
    idea, first = site["idea"], site["first"]
    for number in range(50):
        comment_services.comment_post(target=idea, by=UserFactory(), body=f"Părerea {number}")
    path = PAGES["participation:idea_detail"](site)
    settings.PAGE_CACHE_SECONDS = 60
    client.force_login(first)
    client.get(path)
    # session, user, roles, verified address, represented organisations; the consultation (4), the idea,
    # following, the comments with the person's votes, their scope, the unread count: none per comment.
    with django_assert_max_num_queries(16) as captured:
        response = client.get(path)
    assert response.status_code == 200
    assert "Părerea 49" in response.content.decode()
    assert "Îmi retrag susținerea" in response.content.decode()  # first supports the idea
    assert captured  # the parts do read the person's state


# --- Meetings and calls (task G) ------------------------------------------------------------------------
def test_a_kept_meeting_or_call_page_holds_nobody_s_registration_or_application(client, settings, site):
    site_meetings(site)
    settings.PAGE_CACHE_SECONDS = 60
    registration = site["meeting"].registrations.get(person=site["first"])
    for page in ("meetings:detail", "calls:detail"):
        cache.clear()
        client.force_login(site["first"])
        response = client.get(PAGES[page](site))
        assert registration.code in response.content.decode() or page == "calls:detail"
        kept = cache.get(page_cache._page_key(response.wsgi_request, page_cache.SHARED_KEY_PREFIX))[4].decode()
        for never in (registration.code, "camera-ascunsa", *(mine.reference for mine in site["applications"]),
                      "Anulați înscrierea"):
            assert never not in kept, (page, never)


def test_editors_get_their_links_and_chart_from_a_meeting_page_a_participant_left_kept(
        client, settings, site, editor):
    path = PAGES["meetings:detail"](site)
    settings.PAGE_CACHE_SECONDS = 0
    fresh = {person: _page(client, person, path) for person in (editor, site["first"])}
    assert "/check-in/" in fresh[editor] and "/check-in/" not in fresh[site["first"]]
    settings.PAGE_CACHE_SECONDS = 60
    for primer in (site["first"], editor):
        cache.clear()
        _page(client, primer, path)
        for person in (editor, site["first"]):
            assert _page(client, person, path) == fresh[person]


@pytest.mark.parametrize("page", ["meetings:detail", "calls:detail"])
def test_a_signed_in_person_s_kept_meeting_or_call_page_costs_a_fixed_number_of_queries(
        client, settings, site, page, django_assert_max_num_queries):
    from civica.comments.models import Comment

    path = PAGES[page](site)
    for number in range(20):
        Comment.objects.create(target=site["meeting"], author=UserFactory(), body=f"Părerea {number}")
    settings.PAGE_CACHE_SECONDS = 60
    client.force_login(site["second"])
    client.get(path)
    # session, user, roles, verified address, represented organisations; the meeting or call and the
    # person's registration or application; for the meeting, whether they hold a place (the online
    # link), their waiting place and the comments with their votes; the unread count. 11 for the
    # meeting, 8 for the call, whatever the number of comments.
    with django_assert_max_num_queries(11) as captured:
        response = client.get(path)
    assert response.status_code == 200
    text = response.content.decode()
    assert site["applications"][1].reference in text if page == "calls:detail" else "lista de așteptare" in text
    assert captured


def test_a_support_in_one_consultation_leaves_another_consultation_s_kept_page_current(
        client, settings, site, django_assert_max_num_queries):
    other = ProcessFactory(title_ro="Altă consultare")
    other_idea = IdeaFactory(process=other, title="Altă idee")
    settings.PAGE_CACHE_SECONDS = 60
    client.force_login(UserFactory())
    page = f"/ro/processes/{site['process'].slug}/ideas/{site['idea'].pk}/"
    client.get(page)
    kept = page_cache._page_key(client.get(page).wsgi_request, page_cache.SHARED_KEY_PREFIX)
    before = cache.get(kept)
    client.post(f"/ro/processes/{other.slug}/ideas/{other_idea.pk}/support/")
    other_idea.refresh_from_db()
    assert other_idea.support_count == 1
    client.get(page)
    assert cache.get(kept)[:2] == before[:2]  # the same generation and time: not rendered again
    client.post(f"/ro/processes/{site['process'].slug}/ideas/{site['idea'].pk}/support/")
    client.get(page)
    assert cache.get(kept)[0] != before[0]  # a support in its own consultation makes it stale
