"""The workshop page's actions: a second harvest asks first and never discards the synthesis (new notes
are offered for placement), splitting a theme, dots
stop when the workshop closes, and forged values are messages, never error pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import selectors
from civica.workshops import services as workshops
from civica.workshops.models import (
    ActionItem,
    Contribution,
    DotVote,
    Harvest,
    HarvestStatus,
    Theme,
    Workshop,
    WorkshopRound,
    WorkshopTable,
)

FIRST_NOTES = ["Chirii mici pentru ateliere", "Clădiri goale date artiștilor", "Spații de repetiții ieftine",
               "Finanțări mai simple", "Granturi mici pentru debutanți", "Mai puține hârtii la decont"]
NEW_NOTES = ["Transport public noaptea după concerte", "Autobuze mai dese spre cartiere",
             "Bilete de autobuz incluse în biletul de festival"]


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def workshop(db):
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug="cafe", dots_per_person=3)
    WorkshopTable.objects.create(workshop=workshop, number=1, topic="Spaces")
    WorkshopRound.objects.create(workshop=workshop, number=1, duration_minutes=20)
    return workshop


def _notes(workshop, texts):
    table, round_ = workshop.tables.get(), workshop.rounds.get()
    return [Contribution.objects.create(table=table, round=round_, text=text) for text in texts]


def _synthesis(workshop, editor, participant):
    """A first harvest, then staff's work on it: a renamed theme, a dot, an action-plan link."""
    _notes(workshop, FIRST_NOTES)
    first, second, *_ = workshops.harvest(workshop=workshop, by=editor, min_themes=2, max_themes=3)
    workshops.theme_rename(theme=first, by=editor, label="Affordable spaces")
    workshops.dot_vote(theme=second, by=participant)
    workshops.dot_vote(theme=second, by=participant)
    workshops.action_add(workshop=workshop, by=editor, title="Simpler grants", themes=[second])
    return first, second


@pytest.mark.django_db
def test_a_second_harvest_asks_first_keeps_every_theme_and_offers_the_new_notes_for_placement(
        client, workshop, editor, participant, django_capture_on_commit_callbacks):
    first, second = _synthesis(workshop, editor, participant)
    themes_before = {theme.pk: (theme.label, set(theme.contributions.values_list("pk", flat=True)))
                     for theme in Theme.objects.all()}
    _notes(workshop, NEW_NOTES)
    # The same words again, by other people: the harvest suggests the theme they echo.
    echoes = _notes(workshop, list(first.contributions.values_list("text", flat=True)))
    client.force_login(editor)
    asked = client.post("/en/workshops/cafe/", {"action": "harvest"})
    assert asked.status_code == 302 and asked["Location"] == "/en/workshops/cafe/harvest/"
    page = client.get(asked["Location"]).content.decode()
    assert "Harvesting again changes nothing that is there" in page
    assert "Affordable spaces" in page and "2 dots stay" in page and "1 action-plan link stays" in page
    assert f"{len(NEW_NOTES) + len(echoes)} notes are in no theme yet" in page
    assert Theme.objects.get(pk=first.pk).label == "Affordable spaces"  # asking changed nothing

    # Asked for, the harvest is queued: its page says it is under way until the queue has run it.
    with django_capture_on_commit_callbacks() as queued:
        asked = client.post("/en/workshops/cafe/harvest/")
    status_url = f"/en/workshops/cafe/harvest/{Harvest.objects.get().pk}/"
    assert asked["Location"] == status_url and len(queued) == 1
    waiting = client.get(status_url)
    assert waiting.status_code == 202 and waiting["Retry-After"] == "3"
    assert "The harvest is under way" in waiting.content.decode()
    assert not Contribution.objects.exclude(suggested_theme=None).exists()  # nothing ran in the request
    # Asking again meanwhile (another click, the harvest page) leads to the same harvest.
    assert client.post("/en/workshops/cafe/harvest/")["Location"] == status_url
    assert client.get("/en/workshops/cafe/harvest/")["Location"] == status_url
    assert Harvest.objects.count() == 1
    queued[0]()  # the worker runs the task
    done = client.get(status_url)
    assert done["Location"] == "/en/workshops/manage/cafe/place/"
    assert Harvest.objects.get().status == HarvestStatus.DONE
    # Every theme, even an untouched suggestion, stays with its label, notes, dots and links.
    assert {theme.pk: (theme.label, set(theme.contributions.values_list("pk", flat=True)))
            for theme in Theme.objects.all()} == themes_before
    assert DotVote.objects.filter(theme=second).count() == 2
    assert set(ActionItem.objects.get().themes.values_list("pk", flat=True)) == {second.pk}
    new = Contribution.objects.filter(theme=None)
    assert new.count() == len(NEW_NOTES) + len(echoes)
    for echo in echoes:
        echo.refresh_from_db()
        assert echo.suggested_theme_id == first.pk

    page = client.get("/en/workshops/manage/cafe/place/").content.decode()
    assert all(note in page for note in NEW_NOTES)
    assert f'<option value="{first.pk}" selected>Affordable spaces</option>' in page
    data = {f"note-{echo.pk}": str(first.pk) for echo in echoes}
    data.update({f"note-{note.pk}": "new" for note in new.filter(text__in=NEW_NOTES)})
    data["new_label"] = "Transport"
    placed = client.post("/en/workshops/manage/cafe/place/", data)
    assert placed.status_code == 302
    assert not Contribution.objects.filter(theme=None).exists()
    assert set(Theme.objects.get(label="Transport").contributions.values_list("text", flat=True)) == set(NEW_NOTES)
    in_first = set(Theme.objects.get(pk=first.pk).contributions.values_list("pk", flat=True))
    assert {echo.pk for echo in echoes} <= in_first
    assert DotVote.objects.count() == 2
    assert list(AuditEntry.objects.filter(action__in=["workshops.workshop.harvest", "workshops.theme.place"])
                .order_by("pk").values_list("action", flat=True)) == [
        "workshops.workshop.harvest", "workshops.workshop.harvest", "workshops.theme.place"]
    # Nothing new: a harvest says so and changes nothing.
    again = client.post("/en/workshops/cafe/harvest/")
    assert again.status_code == 400 and "Every note is in a theme" in again.content.decode()


@pytest.mark.django_db
def test_the_harvest_no_longer_replaces_the_themes_or_zeroes_the_dots(workshop, editor, participant):
    """Before issue 16 a harvest could replace every theme (``mode="replace"``) and an untouched
    suggestion was computed again: now neither exists."""
    _notes(workshop, FIRST_NOTES)
    themes = workshops.harvest(workshop=workshop, by=editor, min_themes=2, max_themes=3)
    workshops.dot_vote(theme=themes[0], by=participant)
    _notes(workshop, NEW_NOTES)
    with pytest.raises(TypeError):
        workshops.harvest(workshop=workshop, by=editor, mode="replace")
    assert workshops.harvest(workshop=workshop, by=editor) == []
    assert set(Theme.objects.values_list("pk", flat=True)) == {theme.pk for theme in themes}
    assert DotVote.objects.get().theme_id == themes[0].pk


@pytest.mark.django_db
def test_splitting_a_theme_moves_the_chosen_notes_and_keeps_its_dots(client, workshop, editor, participant):
    first, second = _synthesis(workshop, editor, participant)
    notes = list(second.contributions.order_by("pk"))
    client.force_login(editor)
    url = f"/en/workshops/manage/cafe/themes/{second.pk}/split/"
    refused = client.post(url, {"label": "Paperwork"})
    assert refused.status_code == 400 and "Choose the notes that go to the new theme." in refused.content.decode()
    assert 'value="Paperwork"' in refused.content.decode()
    forged = client.post(url, {"label": "Paperwork", "contributions": [first.contributions.first().pk]})
    assert forged.status_code == 400 and "Choose among this theme" in forged.content.decode()
    done = client.post(url, {"label": "Paperwork", "contributions": [notes[0].pk]})
    assert done.status_code == 302
    new = Theme.objects.get(label="Paperwork")
    assert list(new.contributions.all()) == [notes[0]] and new.curated
    assert DotVote.objects.filter(theme=second).count() == 2
    assert AuditEntry.objects.filter(action="workshops.theme.split").exists()
    # A later harvest keeps the split: nothing is in no theme, so there is nothing to do.
    with pytest.raises(workshops.ValidationError):
        workshops.harvest(workshop=workshop, by=editor)
    assert Theme.objects.filter(pk=new.pk).exists()


@pytest.mark.django_db
def test_dots_are_refused_once_the_workshop_is_closed(client, workshop, editor, participant):
    theme = Theme.objects.create(workshop=workshop, label="Spaces")
    workshops.close(workshop=workshop, by=editor)
    with pytest.raises(PermissionDenied, match="closed"):
        workshops.dot_vote(theme=theme, by=participant)
    client.force_login(participant)
    page = client.post("/en/workshops/cafe/", {"action": "dot", "theme": theme.pk}, follow=True).content.decode()
    assert "The workshop is closed: its dot votes are final." in page
    assert "Put a dot on this theme" not in page
    assert not DotVote.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_parallel_dots_never_exceed_the_allowance():
    skip_unless_postgresql()
    meeting = MeetingFactory()
    workshop = Workshop.objects.create(meeting=meeting, slug="cafe-parallel", dots_per_person=3)
    themes = [Theme.objects.create(workshop=workshop, label=f"Theme {number}") for number in range(6)]
    people = UserFactory.create_batch(3)
    # Each person clicks six themes at once: 18 requests, 3 dots each.
    outcomes = run_together([
        lambda person=person, theme=theme: workshops.dot_vote(
            theme=Theme.objects.select_related("workshop").get(pk=theme.pk), by=person)
        for person in people for theme in themes])
    # Past the allowance a click is refused with a message; nothing else goes wrong.
    assert all(outcome is None or isinstance(outcome, workshops.ValidationError) for outcome in outcomes)
    assert [DotVote.objects.filter(voter=person).count() for person in people] == [3, 3, 3]


@pytest.mark.django_db
def test_forged_values_posted_to_the_workshop_are_messages_and_keep_what_was_typed(client, workshop, editor):
    theme = Theme.objects.create(workshop=workshop, label="Spaces")
    note, = _notes(workshop, ["Cheap studios"])
    client.force_login(editor)
    url = "/en/workshops/cafe/"
    for data, message in (
            ({"action": "rename", "theme": "abc", "label": "Money"}, "Choose one of this workshop&#x27;s themes."),
            ({"action": "merge", "theme": theme.pk, "other": "abc"}, "Choose one of this workshop&#x27;s themes."),
            ({"action": "move", "contribution": "abc", "theme": theme.pk}, "Choose a note of this workshop."),
            ({"action": "move", "contribution": note.pk, "theme": "abc"}, "Choose one of this workshop&#x27;s themes."),
            ({"action": "dot", "theme": "9" * 30}, "Choose one of this workshop&#x27;s themes."),
            ({"action": "dot", "theme": ["1", "x"]}, "Choose one of this workshop&#x27;s themes."),
            ({"action": "to_activity", "item": "abc", "plan": "x", "programme": ""},
             "Choose an action of this workshop&#x27;s plan. Choose one of the plans. Choose one of the programmes."),
            ({"action": "nonsense"}, "This action is not known: reload the page and try again.")):
        response = client.post(url, data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    assert Theme.objects.get(pk=theme.pk).label == "Spaces" and note.theme is None and not DotVote.objects.exists()

    typed = {"action": "action", "title": "List empty buildings", "owner": "City", "themes": ["abc"]}
    page = client.post(url, typed).content.decode()
    assert "Choose among this workshop&#x27;s themes." in page
    assert 'value="List empty buildings"' in page and 'value="City"' in page
    page = client.post(url, {**typed, "themes": ["9" * 25]}).content.decode()  # past SQLite's integers
    assert "Choose among this workshop&#x27;s themes." in page
    assert not ActionItem.objects.exists()

    response = client.post(url, {"action": "rename", "theme": theme.pk, "label": "Mon\x00ey"})
    assert response.status_code == 400 and "not allowed" in response.content.decode()  # the site's NUL guard
    page = client.post(url, {"action": "rename", "theme": theme.pk, "label": " "}).content.decode()
    assert "message-error" in page
    assert Theme.objects.get(pk=theme.pk).label == "Spaces"

    page = client.post(url, {"action": "action", "title": "Later", "due_on": "31.02.2021"}).content.decode()
    assert "Enter a valid date." in page and 'value="Later"' in page


@pytest.mark.django_db
def test_a_forged_note_id_at_a_table_is_a_message(client, workshop, editor):
    workshops.start_next_round(workshop=workshop, by=editor)
    url = f"/en/workshops/cafe/tables/{selectors.table_token(workshop.tables.get())}/"
    page = client.post(url, {"contribution": "abc", "text": "My idea"}).content.decode()
    assert "Choose one of your notes." in page and "My idea" in page
    response = client.post(url, {"text": "Nul\x00l"})
    assert response.status_code == 400 and "not allowed" in response.content.decode()
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_each_action_of_the_workshop_page_posts_to_its_own_address(
        client, workshop, editor, participant, django_capture_on_commit_callbacks):
    from django.urls import reverse

    _notes(workshop, FIRST_NOTES)
    client.force_login(editor)
    page = client.get("/en/workshops/cafe/").content.decode()
    for name in ("start_round", "harvest_first", "close"):
        assert f'action="{reverse(f"workshops:{name}", args=["cafe"])}"' in page
    assert 'name="action"' not in page
    # Reached by a GET (a reload, the language switcher), an action's address shows the workshop.
    assert client.get(reverse("workshops:start_round", args=["cafe"]))["Location"] == "/en/workshops/cafe/"
    started = client.post(reverse("workshops:start_round", args=["cafe"]), follow=True).content.decode()
    assert "Round 1 has started." in started
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(reverse("workshops:harvest_first", args=["cafe"]))
    harvested = client.get(asked["Location"], follow=True).content.decode()
    assert "themes found." in harvested
    theme = workshop.themes.order_by("position").first()
    page = client.get("/en/workshops/cafe/").content.decode()
    for name in ("theme_rename", "theme_merge", "note_move", "action_add"):
        assert f'action="{reverse(f"workshops:{name}", args=["cafe"])}"' in page
    client.post(reverse("workshops:theme_rename", args=["cafe"]), {"theme": theme.pk, "label": "Affordable spaces"})
    assert Theme.objects.get(pk=theme.pk).label == "Affordable spaces"
    # A refused value keeps what was typed, at the action's own address too.
    refused = client.post(reverse("workshops:action_add", args=["cafe"]), {"title": "Later", "due_on": "31.02.2021"})
    assert refused.status_code == 400 and 'value="Later"' in refused.content.decode()
    client.post(reverse("workshops:action_add", args=["cafe"]), {"title": "Cheaper rents", "themes": [theme.pk]})
    assert ActionItem.objects.get().title == "Cheaper rents"
    # The staff's changes the public sees are in the audit log.
    assert {"workshops.workshop.round_started", "workshops.workshop.harvest", "workshops.theme.rename",
            "workshops.actionitem.add"} <= set(AuditEntry.objects.values_list("action", flat=True))
    client.force_login(participant)
    voted = client.post(reverse("workshops:dot", args=["cafe"]), {"theme": theme.pk}, follow=True).content.decode()
    assert "Your dot is on “Affordable spaces”." in voted
    # The table links on the workshop page are built by reverse() in the page's language.
    client.force_login(editor)
    page = client.get("/ro/workshops/cafe/").content.decode()
    assert "http://testserver/ro/workshops/cafe/tables/" in page


@pytest.mark.django_db
def test_the_workshop_page_and_report_chart_dot_votes_and_theme_sizes_with_their_values(
        client, workshop, editor, participant):
    first, second = _synthesis(workshop, editor, participant)
    page = client.get("/en/workshops/cafe/").content.decode()
    report = client.get("/en/workshops/cafe/report/").content.decode()
    for html in (page, report):
        # An accessible SVG whose description reads each theme's dots (two on the second, none on the first).
        assert '<svg' in html and 'role="img"' in html and "Dots per theme" in html
        assert f"{second.label}: 2" in html and "Affordable spaces: 0" in html
    sizes = {theme.label: theme.contributions.count() for theme in (first, second)}
    assert "Contributions per theme" in report
    assert all(f"{label}: {count}" in report for label, count in sizes.items())
