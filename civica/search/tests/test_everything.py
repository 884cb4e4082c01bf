"""One search over everything public: every registered kind is found in both languages and without
accents, nothing unpublished is, and the cost is one query a kind whatever the number of results."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from civica.accountability.models import PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.calls.models import CallStatus
from civica.calls.tests.factories import CallFactory
from civica.meetings.tests.factories import MeetingFactory
from civica.network.tests.factories import OrganisationFactory, ProgrammeFactory, SpaceFactory
from civica.participation.tests.factories import IdeaFactory
from civica.search import query
from civica.search.registry import searchables
from civica.workshops.models import Workshop

pytestmark = pytest.mark.django_db


def find(words, language="ro"):
    with translation.override(language):
        return query.search(query=words, user=AnonymousUser())


def found(words, language="ro"):
    return {(result.kind, result.title) for result in find(words, language)}


def test_every_app_registers_its_public_content():
    assert [entry.kind for entry in searchables()] == [
        "organisation", "programme", "space", "process", "idea", "debate", "comment", "call", "plan", "meeting",
        "workshop", "article", "artwork", "artist", "heritage-locality", "heritage-object", "heritage-site"]


LAB_1 = {"ro": "Atelier Local de Învățare: Parteneriatele trans-sectoriale, rețele și clustere",
         "en": "Local Learning Lab: cross-sector partnerships, networks and clusters"}
LAB_2 = {"ro": "Atelier Local de Învățare: Sectorul cultural și creativ în Timișoara și în regiune",
         "en": "Local Learning Lab: the cultural and creative sector in Timișoara and the region"}
ARTISTS = {"ro": "Artiști Împreună", "en": "Artists Together"}


def test_the_demo_is_found_in_both_languages_without_accents():
    """The issue's examples: the call, the world-café and both Local Learning Labs; then each kind."""
    call_command("loaddemo", verbosity=0)
    for language in ("ro", "en"):
        assert ("call", ARTISTS[language]) in found("Artisti Impreuna", language)
        assert ("call", ARTISTS[language]) in found("ARTIȘTI împreună", language)
        lab_1, lab_2 = ("meeting", LAB_1[language]), ("meeting", LAB_2[language])
        workshop = ("workshop", LAB_2[language])
        assert {workshop, lab_2} <= found("world-cafe", language)
        assert {lab_1, lab_2, workshop, ("organisation", "Municipiul Timișoara")} <= found("Timisoara", language)
    for words, kind in [("Academia Schimbarii", "programme"), ("Garnizoana Culturala", "space"),
                        ("Plan 2020", "plan"), ("Muzeul Etnografic", "organisation"),
                        ("Cluj for Youth", "process"), ("dezbatere publica", "meeting"),
                        ("Pavilionul ECCA", "article")]:
        assert kind in {result.kind for result in find(words)}, (words, found(words))
    assert "plan" not in {result.kind for result in find("Plan 2021")}  # a draft in the demo
    urls = {result.kind: result.url for result in find("Timisoara", "en")}
    assert urls["workshop"] == "/en/workshops/world-cafe-timisoara-2020/"
    assert urls["organisation"] == "/en/network/organisations/municipiul-timisoara/"
    assert urls["meeting"].startswith("/en/meetings/")
    assert {result.url for result in find("Plan 2020")} >= {"/ro/plans/2020/"}


def test_only_what_anyone_may_read_is_found():
    CallFactory(title_ro="Zeppelin ciornă", status=CallStatus.DRAFT)
    hidden_meeting = MeetingFactory(title_ro="Zeppelin nepublicat", is_published=False)
    Workshop.objects.create(meeting=hidden_meeting, slug="zeppelin-cafe")
    plan = make_plan(year=2030, status=PlanStatus.DRAFT, programmes=0)
    plan.title_ro = "Planul zeppelin (ciornă)"
    plan.save()
    assert find("zeppelin") == []
    CallFactory(title_ro="Zeppelin publicat")
    meeting = MeetingFactory(title_ro="Zeppelin în parc")
    Workshop.objects.create(meeting=meeting, slug="zeppelin-park")
    assert {result.kind for result in find("zeppelin")} == {"call", "meeting", "workshop"}


def test_english_texts_and_places_are_found():
    MeetingFactory(title_en="Open day at the observatory", description_en="Telescopes for everyone.",
                   address="Strada Observatorului 1")
    SpaceFactory(name_en="Sound studio", description_en="Microphones and a mixing desk.")
    assert found("telescopes", "en") == {("meeting", "Open day at the observatory")}
    assert found("mixing desk", "en") == {("space", "Sound studio")}
    assert {kind for kind, _title in found("observatorului")} == {"meeting"}


def test_search_costs_one_query_a_kind_whatever_the_number_of_results(client):
    def make(number):
        OrganisationFactory(name=f"Fântâna {number}", city="Cluj")
        ProgrammeFactory(name_ro=f"Programul Fântâna {number}")
        SpaceFactory(name_ro=f"Sala Fântâna {number}")
        IdeaFactory(title=f"Fântână {number}")
        CallFactory(title_ro=f"Apelul Fântâna {number}")
        make_plan(year=2000 + number, programmes=0).__class__.objects.filter(year=2000 + number).update(
            title_ro=f"Planul Fântâna {number}")
        Workshop.objects.create(meeting=MeetingFactory(title_ro=f"Atelier la fântână {number}"), slug=f"cafe-{number}")

    make(0)
    url = "/ro/search/?q=fantana"
    client.get(url)  # content types are cached from now on
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).content.decode().count('class="search-result"') == 8
    for number in range(1, 4):
        make(number)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).content.decode().count('class="search-result"') == 8 * 4
    assert len(many.captured_queries) == len(few.captured_queries) <= len(searchables()) + 2
