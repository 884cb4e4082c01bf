"""The editors' screens: permissions as a truth table, bad input kept and explained, query counts."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from PIL import Image

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation.models import Category, Choice, Debate, Idea, Phase, Poll, Process, Question
from civica.participation.polls import services as poll_services
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

DAY = datetime.timedelta(days=1)


def png_bytes(size=(40, 30), image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 60)).save(buffer, format=image_format)
    return buffer.getvalue()


def management(prefix, total, initial):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def phases_post(process, rows):
    """rows: (phase or None, kind, starts_at, ends_at[, extra fields])"""
    data = management("phases", len(rows), sum(1 for row in rows if row[0] is not None))
    for index, (phase, kind, starts_at, ends_at, *extra) in enumerate(rows):
        data.update({f"phases-{index}-id": phase.pk if phase else "", f"phases-{index}-kind": kind,
                     f"phases-{index}-name_ro": "", f"phases-{index}-name_en": "",
                     f"phases-{index}-starts_at": local(starts_at) if starts_at else "",
                     f"phases-{index}-ends_at": local(ends_at) if ends_at else "",
                     f"phases-{index}-ORDER": str(index + 1)})
        for key, value in (extra[0] if extra else {}).items():
            data[f"phases-{index}-{key}"] = value
    return data


def process_form_data(process, **changes):
    data = {"title_ro": process.title_ro, "title_en": process.title_en, "summary_ro": process.summary_ro,
            "summary_en": process.summary_en, "body_ro": "", "body_en": "", "hero_image_alt": "",
            "scope": process.scope, "starts_on": process.starts_on.isoformat(),
            "ends_on": process.ends_on.isoformat(), "supports_per_person": "", "report_threshold": "3"}
    data.update(changes)
    return data


def make_user(kind):
    if kind == "anonymous":
        return None
    if kind == "participant":
        return UserFactory()
    if kind == "moderator":
        return UserFactory(role=Role.MODERATOR)
    if kind == "editor":
        return UserFactory(role=Role.EDITOR)
    return UserFactory(role=Role.ADMINISTRATOR)


KINDS = ["anonymous", "participant", "moderator", "editor", "administrator"]
EXPECTED = {"anonymous": 302, "participant": 403, "moderator": 403, "editor": 200, "administrator": 200}


@pytest.fixture
def managed(db):
    process = ProcessFactory()
    debate = Debate.objects.create(process=process, question="Should the park close at night?")
    poll = Poll.objects.create(process=process, phase=process.phases.get(kind="ideas"), title="Priorities")
    question = Question.objects.create(poll=poll, kind=Question.Kind.SINGLE, text="Where?")
    Choice.objects.create(question=question, text="Park")
    Choice.objects.create(question=question, text="Library")
    return process, debate, poll


PAGES = {
    "list": lambda process, debate, poll: "/en/processes/manage/",
    "new": lambda process, debate, poll: "/en/processes/manage/new/",
    "manage": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/",
    "edit": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/edit/",
    "phases": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/phases/",
    "categories": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/categories/",
    "debate-new": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/debates/new/",
    "debate": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/debates/{debate.pk}/",
    "poll-new": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/polls/new/",
    "poll": lambda process, debate, poll: f"/en/processes/{process.slug}/manage/polls/{poll.pk}/",
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("page", PAGES)
def test_who_may_open_each_page(client, managed, page, kind):
    user = make_user(kind)
    if user:
        client.force_login(user)
    url = PAGES[page](*managed)
    response = client.get(url)
    assert response.status_code == EXPECTED[kind], url
    if kind == "anonymous":
        assert response["Location"].startswith("/en/accounts/login/")
    if EXPECTED[kind] == 403:
        assert "Only the centre&#x27;s editors run consultations." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_who_may_publish(client, kind):
    process = ProcessFactory(is_published=False)
    user = make_user(kind)
    if user:
        client.force_login(user)
    response = client.post(f"/en/processes/{process.slug}/manage/publish/", {"action": "publish"})
    process.refresh_from_db()
    # A draft is not found by those who may not read it; anonymous visitors log in first.
    assert response.status_code == {"anonymous": 302, "participant": 404, "moderator": 404,
                                    "editor": 302, "administrator": 302}[kind]
    assert process.is_published == (kind in ("editor", "administrator"))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("page", ["manage", "edit", "phases", "poll-new"])
def test_draft_manage_pages_are_not_found_by_the_public(client, page, kind):
    process = ProcessFactory(is_published=False)
    user = make_user(kind)
    if user:
        client.force_login(user)
    response = client.get(PAGES[page](process, None, None))
    assert response.status_code == {"anonymous": 302, "participant": 404, "moderator": 404, "editor": 200,
                                    "administrator": 200}[kind]


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_create_a_process_from_a_blueprint(editor_client, editor):
    response = editor_client.post("/en/processes/manage/new/", {
        "blueprint": "full_consultation", "title_ro": "Parcul Feroviarilor 2030", "title_en": "Railway Park 2030",
        "summary_ro": "Ce facem cu parcul?", "summary_en": "", "starts_on": "2026-04-01", "ends_on": "2026-04-30",
    })
    process = Process.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/processes/{process.slug}/manage/"
    assert process.slug == "parcul-feroviarilor-2030" and not process.is_published and process.created_by == editor
    assert list(process.phases.values_list("kind", flat=True)) == ["information", "ideas", "debate", "voting",
                                                                   "results"]
    page = editor_client.get(response["Location"]).content.decode()
    assert "The consultation is created as a draft" in page and "Publish" in page


@pytest.mark.django_db
def test_create_form_explains_and_keeps_what_was_typed(editor_client):
    response = editor_client.post("/en/processes/manage/new/", {
        "blueprint": "nonsense", "title_ro": "Păstrat așa", "summary_ro": "", "starts_on": "2026-04-30",
        "ends_on": "2026-04-01",
    })
    page = response.content.decode()
    assert response.status_code == 200 and not Process.objects.exists()
    assert "Select a valid choice." in page and "This field is required." in page
    assert "The consultation cannot end before it starts." in page
    assert 'value="Păstrat așa"' in page and 'value="2026-04-30"' in page
    assert 'aria-describedby="id_summary_ro_error"' in page and 'id="id_summary_ro_error"' in page


@pytest.mark.django_db
def test_create_form_speaks_romanian(client, editor):
    client.force_login(editor)
    with translation.override("ro"):
        response = client.post("/ro/processes/manage/new/", {"blueprint": "debate_only", "title_ro": "X",
                                                               "summary_ro": "Y", "starts_on": "", "ends_on": "zz"})
    page = response.content.decode()
    assert "Acest câmp este obligatoriu." in page and "Introduceți o dată validă." in page


@pytest.mark.django_db
def test_slugs_stay_unique_and_never_shadow_the_manage_pages(editor):
    from civica.participation import services

    first = services.process_create(blueprint="debate_only", title_ro="Manage", summary_ro="x",
                                    starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 1, 31),
                                    by=editor)
    second = services.process_create(blueprint="debate_only", title_ro="Manage", summary_ro="x",
                                     starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 1, 31),
                                     by=editor)
    assert first.slug == "manage-2" and second.slug == "manage-3"


@pytest.mark.django_db
def test_edit_the_details_with_tags_goals_and_an_image(editor_client, settings, tmp_path):
    from civica.goals.models import Goal
    from civica.participation.models import Tag

    settings.MEDIA_ROOT = tmp_path
    process = ProcessFactory()
    culture = Tag.objects.create(kind=Tag.Kind.AREA, slug="cultura", name_ro="Cultură", name_en="Culture")
    cities = Goal.objects.get(code="sdg-11")
    data = process_form_data(process, title_en="Parks", body_ro="**Parcuri**", hero_image_alt="A park",
                             area_tags=[culture.pk], goals=[cities.pk], supports_per_person="3",
                             contributions_wait="on")
    assert "Contributions wait for a moderator" in editor_client.get(
        f"/en/processes/{process.slug}/manage/edit/").content.decode()
    data["hero_image"] = SimpleUploadedFile("park.png", png_bytes(), content_type="image/png")
    response = editor_client.post(f"/en/processes/{process.slug}/manage/edit/", data)
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.title_en == "Parks" and process.supports_per_person == 3 and process.hero_image
    assert process.contributions_wait  # pre-moderation: new ideas and comments wait for a moderator
    assert set(process.tags.all()) == {culture} and set(process.goals.all()) == {cities}
    public = editor_client.get(f"/en/processes/{process.slug}/").content.decode()
    assert "SDG 11 · Sustainable cities and communities" in public
    assert 'alt="A park"' in public and "<strong>Parcuri</strong>" in public  # no English body: the Romanian


@pytest.mark.django_db
@pytest.mark.parametrize("upload, message", [
    (lambda: SimpleUploadedFile("notes.png", b"%PDF-1.4 not an image", content_type="image/png"),
     "Upload a valid image."),
    (lambda: SimpleUploadedFile("old.gif", png_bytes(image_format="GIF"), content_type="image/gif"),
     "Please upload a JPEG, PNG or WebP image."),
])
def test_wrong_image_types_are_refused_and_the_text_kept(editor_client, upload, message):
    process = ProcessFactory()
    data = process_form_data(process, title_en="Kept title", hero_image_alt="x")
    data["hero_image"] = upload()
    response = editor_client.post(f"/en/processes/{process.slug}/manage/edit/", data)
    page = response.content.decode()
    assert response.status_code == 200 and message in page and 'value="Kept title"' in page
    assert 'aria-describedby="id_hero_image_helptext id_hero_image_error"' in page
    process.refresh_from_db()
    assert not process.hero_image and process.title_en != "Kept title"


@pytest.mark.django_db
def test_oversize_image_is_refused_with_the_limit(editor_client, monkeypatch):
    from civica.core import uploads

    monkeypatch.setattr(uploads, "MAX_IMAGE_BYTES", 100)
    process = ProcessFactory()
    data = process_form_data(process, hero_image_alt="Big")
    data["hero_image"] = SimpleUploadedFile("big.png", png_bytes((200, 200)), content_type="image/png")
    page = editor_client.post(f"/en/processes/{process.slug}/manage/edit/", data).content.decode()
    assert "the limit is 100" in page and 'value="Big"' in page


@pytest.mark.django_db
def test_an_image_needs_its_description(editor_client):
    process = ProcessFactory()
    data = process_form_data(process)
    data["hero_image"] = SimpleUploadedFile("park.png", png_bytes(), content_type="image/png")
    page = editor_client.post(f"/en/processes/{process.slug}/manage/edit/", data).content.decode()
    assert "Describe the image for people who cannot see it." in page


@pytest.mark.django_db
def test_published_process_dates_cannot_leave_phases_outside(editor_client):
    process = ProcessFactory()
    data = process_form_data(process, starts_on=timezone.localdate().isoformat())
    response = editor_client.post(f"/en/processes/{process.slug}/manage/edit/", data)
    page = response.content.decode()
    assert response.status_code == 200 and "starts before the consultation" in page
    assert f'value="{timezone.localdate().isoformat()}"' in page
    old = process.starts_on
    process.refresh_from_db()
    assert process.starts_on == old


@pytest.mark.django_db
def test_adjust_add_and_remove_phases(editor_client):
    process = ProcessFactory(phases=[])
    start = timezone.make_aware(datetime.datetime.combine(process.starts_on, datetime.time(9)))
    first = Phase.objects.create(process=process, kind="information", starts_at=start, ends_at=start + 5 * DAY)
    second = Phase.objects.create(process=process, kind="ideas", starts_at=start + 5 * DAY,
                                  ends_at=start + 20 * DAY, position=1)
    rows = [(first, "information", start, start + 3 * DAY), (second, "ideas", start + 3 * DAY, start + 20 * DAY,
                                                               {"DELETE": "on"}),
            (None, "voting", start + 3 * DAY, start + 30 * DAY, {"name_ro": "Vot final"})]
    response = editor_client.post(f"/en/processes/{process.slug}/manage/phases/", phases_post(process, rows))
    assert response.status_code == 302
    assert list(process.phases.order_by("position").values_list("kind", "name_ro", "position")) == [
        ("information", "", 0), ("voting", "Vot final", 1)]
    assert not Phase.objects.filter(pk=second.pk).exists()


@pytest.mark.django_db
def test_reorder_phases_by_position(editor_client):
    process = ProcessFactory()
    phases = list(process.phases.order_by("position"))
    rows = [(phase, phase.kind, phase.starts_at, phase.ends_at) for phase in phases]
    data = phases_post(process, rows)
    # The voting phase moves first only with dates that put it first: otherwise it is explained.
    data["phases-2-ORDER"] = "0"
    page = editor_client.post(f"/en/processes/{process.slug}/manage/phases/", data).content.decode()
    assert "This phase is placed after one that starts later" in page
    assert list(process.phases.order_by("position").values_list("kind", flat=True)) == ["information", "ideas",
                                                                                         "voting"]


@pytest.mark.django_db
def test_overlapping_phases_are_explained_beside_the_field_and_kept(editor_client):
    process = ProcessFactory()
    phases = list(process.phases.order_by("position"))
    rows = [(phase, phase.kind, phase.starts_at, phase.ends_at) for phase in phases]
    rows[1] = (phases[1], "ideas", phases[0].ends_at - DAY, phases[1].ends_at)
    response = editor_client.post(f"/en/processes/{process.slug}/manage/phases/", phases_post(process, rows))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This phase overlaps the one before it" in page
    assert 'aria-describedby="id_phases-1-starts_at_error"' in page
    assert f'value="{local(phases[0].ends_at - DAY)}"' in page
    assert Phase.objects.get(pk=phases[1].pk).starts_at == phases[1].starts_at


@pytest.mark.django_db
@pytest.mark.parametrize("change, message", [
    (lambda rows, p: rows.__setitem__(0, (rows[0][0], "information", p.starts_at, p.starts_at - DAY)),
     "A phase must end after it starts."),
    (lambda rows, p: rows.__setitem__(0, (rows[0][0], "information", p.starts_at - 400 * DAY, p.ends_at)),
     "The phase starts before the consultation"),
    (lambda rows, p: rows.__setitem__(0, (rows[0][0], "", p.starts_at, p.ends_at)), "This field is required."),
    (lambda rows, p: rows.__setitem__(0, (rows[0][0], "lottery", p.starts_at, p.ends_at)),
     "Select a valid choice."),
    (lambda rows, p: rows.__setitem__(0, (rows[0][0], "information", None, p.ends_at)), "This field is required."),
])
def test_bad_phases_are_explained(editor_client, change, message):
    process = ProcessFactory()
    phases = list(process.phases.order_by("position"))
    rows = [(phase, phase.kind, phase.starts_at, phase.ends_at) for phase in phases]
    change(rows, phases[0])
    response = editor_client.post(f"/en/processes/{process.slug}/manage/phases/", phases_post(process, rows))
    assert response.status_code == 200 and message in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("tamper", [
    {"phases-0-id": "abc"}, {"phases-0-id": "999999"}, {"phases-TOTAL_FORMS": "x"},
    {"phases-0-starts_at": "2026-13-45"},
])
def test_malformed_phase_input_never_crashes(editor_client, tamper):
    process = ProcessFactory()
    phases = list(process.phases.order_by("position"))
    data = phases_post(process, [(phase, phase.kind, phase.starts_at, phase.ends_at) for phase in phases])
    data.update(tamper)
    response = editor_client.post(f"/en/processes/{process.slug}/manage/phases/", data)
    assert response.status_code == 200
    assert process.phases.count() == 3


@pytest.mark.django_db
def test_a_phase_with_a_poll_is_not_removed(editor_client, managed):
    process, _debate, poll = managed
    phases = list(process.phases.order_by("position"))
    rows = [(phase, phase.kind, phase.starts_at, phase.ends_at) for phase in phases]
    rows[1] = (*rows[1], {"DELETE": "on"})
    page = editor_client.post(f"/en/processes/{process.slug}/manage/phases/", phases_post(process, rows)).content
    assert "a poll runs in it" in page.decode() and Poll.objects.filter(pk=poll.pk).exists()


@pytest.mark.django_db
def test_malformed_ids_in_addresses_are_not_found(editor_client, managed):
    process, debate, poll = managed
    other = ProcessFactory()
    assert editor_client.get(f"/en/processes/{other.slug}/manage/debates/{debate.pk}/").status_code == 404
    assert editor_client.get(f"/en/processes/{other.slug}/manage/polls/{poll.pk}/").status_code == 404
    assert editor_client.get(f"/en/processes/{process.slug}/manage/polls/abc/").status_code == 404
    assert editor_client.get(f"/en/processes/{process.slug}/manage/debates/99999999/").status_code == 404
    assert editor_client.get("/en/processes/nothing-here/manage/").status_code == 404


@pytest.mark.django_db
def test_publish_refuses_a_process_without_phases(editor_client):
    process = ProcessFactory(is_published=False, phases=[])
    response = editor_client.post(f"/en/processes/{process.slug}/manage/publish/", {"action": "publish"},
                                  follow=True)
    assert "Add at least one phase before publishing." in response.content.decode()
    process.refresh_from_db()
    assert not process.is_published


@pytest.mark.django_db
def test_publish_and_unpublish(editor_client, client):
    process = ProcessFactory(is_published=False)
    editor_client.post(f"/en/processes/{process.slug}/manage/publish/", {"action": "publish"})
    process.refresh_from_db()
    assert process.is_published
    editor_client.post(f"/en/processes/{process.slug}/manage/publish/", {"action": "unpublish"})
    process.refresh_from_db()
    assert not process.is_published
    assert editor_client.get(f"/en/processes/{process.slug}/manage/publish/").status_code == 405


@pytest.mark.django_db
def test_categories_add_rename_and_remove_keeping_ideas(editor_client):
    process = ProcessFactory()
    parks = Category.objects.create(process=process, name_ro="Parcuri")
    idea = IdeaFactory(process=process, category=parks)
    data = management("categories", 3, 1)
    data.update({"categories-0-id": parks.pk, "categories-0-name_ro": "Parcuri", "categories-0-DELETE": "on",
                 "categories-1-name_ro": "Mobilitate", "categories-1-name_en": "Mobility",
                 "categories-2-name_ro": ""})
    assert editor_client.post(f"/en/processes/{process.slug}/manage/categories/", data).status_code == 302
    assert list(process.categories.values_list("name_en", flat=True)) == ["Mobility"]
    idea.refresh_from_db()
    assert idea.category is None and Idea.objects.filter(pk=idea.pk).exists()
    mobility = process.categories.get()
    data = management("categories", 1, 1)
    data.update({"categories-0-id": mobility.pk, "categories-0-name_ro": "Transport"})
    editor_client.post(f"/en/processes/{process.slug}/manage/categories/", data)
    mobility.refresh_from_db()
    assert mobility.name_ro == "Transport"


@pytest.mark.django_db
def test_create_and_edit_a_debate(editor_client, editor):
    process = ProcessFactory()
    response = editor_client.post(f"/en/processes/{process.slug}/manage/debates/new/",
                                  {"question": "Close the street to cars?", "description": "On *Sundays*"})
    assert response.status_code == 302
    debate = Debate.objects.get()
    assert debate.created_by == editor and debate.process == process
    page = editor_client.post(f"/en/processes/{process.slug}/manage/debates/{debate.pk}/",
                              {"question": "", "description": "Kept text"}).content.decode()
    assert "This field is required." in page and "Kept text" in page
    editor_client.post(f"/en/processes/{process.slug}/manage/debates/{debate.pk}/",
                       {"question": "Close it on Sundays?", "description": ""})
    debate.refresh_from_db()
    assert debate.question == "Close it on Sundays?"


def poll_post(process, phase, questions, **settings):
    data = {"phase": phase.pk if phase else "", "title": "Our priorities", "description": "",
            "results_visibility": "after_close", **settings}
    data.update(management("questions", len(questions), sum(1 for question in questions if question.get("id"))))
    for index, question in enumerate(questions):
        prefix = f"questions-{index}"
        data.update({f"{prefix}-id": question.get("id", ""), f"{prefix}-text": question["text"],
                     f"{prefix}-kind": question["kind"], f"{prefix}-max_choices": question.get("max", ""),
                     f"{prefix}-ORDER": str(index + 1) if question["text"] else ""})
        if question.get("required", True):
            data[f"{prefix}-required"] = "on"
        if question.get("delete"):
            data[f"{prefix}-DELETE"] = "on"
        choices = question.get("choices", [])
        data.update(management(f"{prefix}-choices", len(choices), sum(1 for choice in choices if choice[0])))
        for number, (choice_id, text) in enumerate(choices):
            data[f"{prefix}-choices-{number}-id"] = choice_id or ""
            data[f"{prefix}-choices-{number}-text"] = text
    return data


@pytest.mark.django_db
def test_create_a_poll_with_questions(editor_client):
    process = ProcessFactory()
    phase = process.phases.get(kind="ideas")
    data = poll_post(process, phase, [
        {"text": "Which park first?", "kind": "single", "choices": [(None, "Central"), (None, "Rozelor"),
                                                                     (None, "")]},
        {"text": "How much do you care?", "kind": "scale"},
        {"text": "", "kind": ""},  # the empty row, as a browser sends it, stays empty
    ])
    response = editor_client.post(f"/en/processes/{process.slug}/manage/polls/new/", data)
    poll = Poll.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/manage/polls/{poll.pk}/")
    assert [(question.kind, question.text, question.position) for question in poll.questions.all()] == [
        ("single", "Which park first?", 0), ("scale", "How much do you care?", 1)]
    assert list(poll.questions.first().choices.values_list("text", flat=True)) == ["Central", "Rozelor"]
    page = editor_client.get(response["Location"]).content.decode()
    assert 'value="Which park first?"' in page and 'value="Rozelor"' in page


@pytest.mark.django_db
def test_poll_problems_are_explained_and_kept(editor_client):
    process = ProcessFactory()
    data = poll_post(process, None, [{"text": "Which one?", "kind": "single", "choices": [(None, "Only one")]}])
    page = editor_client.post(f"/en/processes/{process.slug}/manage/polls/new/", data).content.decode()
    assert "This field is required." in page and 'value="Only one"' in page
    data["phase"] = process.phases.get(kind="ideas").pk
    page = editor_client.post(f"/en/processes/{process.slug}/manage/polls/new/", data).content.decode()
    assert "«Which one?» needs at least two choices." in page and not Poll.objects.exists()
    data["phase"] = ProcessFactory().phases.first().pk  # a phase of another process
    page = editor_client.post(f"/en/processes/{process.slug}/manage/polls/new/", data).content.decode()
    assert "Select a valid choice." in page


@pytest.mark.django_db
def test_answered_polls_take_wording_fixes_only(editor_client, managed, participant):

    process, _debate, poll = managed
    question = poll.questions.get()
    park, library = question.choices.all()
    poll_services.poll_respond(poll=poll, by=participant, browser_key="", answers={question: park.pk})
    url = f"/en/processes/{process.slug}/manage/polls/{poll.pk}/"
    assert "1 person has answered" in editor_client.get(url).content.decode()
    # Removing the chosen choice, changing the kind: refused, with what was typed kept.
    data = poll_post(process, poll.phase, [{"id": question.pk, "text": "Where exactly?", "kind": "multiple",
                                            "choices": [(park.pk, ""), (library.pk, "Library")]}])
    page = editor_client.post(url, data).content.decode()
    assert "«Where?» has answers: its kind cannot change." in page
    assert "«Park» was chosen by people who answered: it cannot be removed." in page
    assert 'value="Where exactly?"' in page
    question.refresh_from_db()
    assert question.kind == "single" and question.choices.count() == 2
    # Wording fixes go through.
    data = poll_post(process, poll.phase, [{"id": question.pk, "text": "Where exactly?", "kind": "single",
                                            "choices": [(park.pk, "The park"), (library.pk, "Library")]}])
    assert editor_client.post(url, data).status_code == 302
    park.refresh_from_db()
    question.refresh_from_db()
    assert park.text == "The park" and question.text == "Where exactly?"
    # Removing the answered question: refused.
    data = poll_post(process, poll.phase, [{"id": question.pk, "text": "Where exactly?", "kind": "single",
                                            "delete": True, "choices": [(park.pk, "The park"),
                                                                        (library.pk, "Library")]}])
    assert "has answers: it cannot be removed" in editor_client.post(url, data).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("tamper", [{"questions-0-id": "x"}, {"questions-0-choices-TOTAL_FORMS": ""},
                                    {"questions-0-choices-0-id": "424242"}, {"phase": "abc"}])
def test_malformed_poll_input_never_crashes(editor_client, managed, tamper):
    process, _debate, poll = managed
    question = poll.questions.get()
    park, library = question.choices.all()
    data = poll_post(process, poll.phase, [{"id": question.pk, "text": "Where?", "kind": "single",
                                            "choices": [(park.pk, "Park"), (library.pk, "Library")]}])
    data.update(tamper)
    response = editor_client.post(f"/en/processes/{process.slug}/manage/polls/{poll.pk}/", data)
    assert response.status_code in (200, 302)
    assert Choice.objects.filter(question=question).count() == 2


@pytest.mark.django_db
def test_manage_links_are_shown_to_editors_only(client, editor, participant):
    process = ProcessFactory()
    client.force_login(participant)
    assert "Manage this consultation" not in client.get(f"/en/processes/{process.slug}/").content.decode()
    assert "/en/processes/manage/" not in client.get("/en/").content.decode()
    client.force_login(editor)
    assert "Manage this consultation" in client.get(f"/en/processes/{process.slug}/").content.decode()
    assert 'href="/en/processes/manage/"' in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_manage_list_query_count_is_constant(editor_client, django_assert_num_queries):
    for _ in range(2):
        IdeaFactory(process=ProcessFactory(is_published=False))
    editor_client.get("/en/processes/manage/")  # warm the session and content-type caches
    with CaptureQueriesContext(connection) as baseline:
        assert editor_client.get("/en/processes/manage/").status_code == 200
    expected = len(baseline)
    for _ in range(5):
        IdeaFactory(process=ProcessFactory())
    with django_assert_num_queries(expected):
        page = editor_client.get("/en/processes/manage/").content.decode()
    assert page.count("<tr>") == 1 + 7


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["manage", "edit", "phases", "categories", "poll"])
def test_process_pages_query_count_is_constant(editor_client, django_assert_num_queries, page):
    from civica.participation.models import Tag

    def grow(process, count):
        start = process.ends_on - datetime.timedelta(days=10)
        for number in range(count):
            Category.objects.create(process=process, name_ro=f"Categorie {Category.objects.count()}")
            Debate.objects.create(process=process, question=f"Debate {Debate.objects.count()}")
            Tag.objects.create(kind=Tag.Kind.AREA, slug=f"tag-{Tag.objects.count()}", name_ro="T")
            moment = timezone.make_aware(datetime.datetime.combine(start, datetime.time(number)))
            Phase.objects.create(process=process, kind="results", starts_at=moment,
                                 ends_at=moment + datetime.timedelta(minutes=30), position=10 + number)
            poll = Poll.objects.create(process=process, phase=process.phases.first(), title=f"Poll {number}")
            question = Question.objects.create(poll=poll, kind=Question.Kind.SINGLE, text="Q")
            Choice.objects.create(question=question, text="A")
        process.tags.set(Tag.objects.all())

    process = ProcessFactory()
    poll = Poll.objects.create(process=process, phase=process.phases.first(), title="Measured")
    for number in range(2):
        question = Question.objects.create(poll=poll, kind=Question.Kind.SINGLE, text=f"Q{number}")
        Choice.objects.create(question=question, text="A")
    grow(process, 1)
    url = PAGES[page](process, None, poll)
    editor_client.get(url)
    with CaptureQueriesContext(connection) as baseline:
        assert editor_client.get(url).status_code == 200
    expected = len(baseline)
    grow(process, 4)
    for number in range(4):
        question = Question.objects.create(poll=poll, kind=Question.Kind.MULTIPLE, text=f"More {number}")
        Choice.objects.create(question=question, text="A")
        Choice.objects.create(question=question, text="B")
    with django_assert_num_queries(expected):
        assert editor_client.get(url).status_code == 200


@pytest.mark.django_db
def test_editors_give_debates_and_polls_their_english(editor_client):
    """Issue 12 item 11: a debate's and a poll's wording in both languages, each page in its own."""
    process = ProcessFactory()
    editor_client.post(f"/en/processes/{process.slug}/manage/debates/new/", {
        "question": "Închidem strada pentru mașini?", "question_en": "Close the street to cars?",
        "description": "Duminica.", "description_en": "On Sundays."})
    debate = Debate.objects.get()
    assert (debate.question_en, debate.description_en) == ("Close the street to cars?", "On Sundays.")

    phase = process.phases.get(kind="ideas")
    data = poll_post(process, phase, [{"text": "Care parc întâi?", "kind": "single",
                                       "choices": [(None, "Central"), (None, "Rozelor")]}],
                     title="Prioritățile noastre", title_en="Our priorities")
    data.update({"questions-0-text_en": "Which park first?", "questions-0-choices-1-text_en": "Roses' park"})
    response = editor_client.post(f"/en/processes/{process.slug}/manage/polls/new/", data)
    assert response.status_code == 302
    poll = Poll.objects.get()
    question = poll.questions.get()
    assert (poll.title_en, question.text_en) == ("Our priorities", "Which park first?")
    assert list(question.choices.values_list("text_en", flat=True)) == ["", "Roses' park"]
    edit_page = editor_client.get(response["Location"]).content.decode()
    assert 'value="Which park first?"' in edit_page and 'value="Roses&#x27; park"' in edit_page

    english = editor_client.get(f"/en/processes/{process.slug}/polls/{poll.pk}/").content.decode()
    assert "Our priorities" in english and "Which park first?" in english and "Roses&#x27; park" in english
    assert "Central" in english, "a choice without English shows its Romanian"
    romanian = editor_client.get(f"/ro/processes/{process.slug}/polls/{poll.pk}/").content.decode()
    assert "Prioritățile noastre" in romanian and "Care parc întâi?" in romanian
    assert "Close the street to cars?" in editor_client.get(
        f"/en/processes/{process.slug}/debates/{debate.pk}/").content.decode()


@pytest.mark.django_db
def test_a_consultation_in_a_programme_is_on_the_programme_page_and_its_changes_are_audited(editor_client):
    from civica.audit.models import AuditEntry
    from civica.network.tests.factories import ProgrammeFactory

    programme = ProgrammeFactory(name_ro="Artă și bunăstare", name_en="Art and well-being")
    process = ProcessFactory(title_en="Parks for everyone")
    edit = editor_client.get(f"/en/processes/{process.slug}/manage/edit/").content.decode()
    assert "Art and well-being" in edit  # the programme's name in the reader's language
    response = editor_client.post(f"/en/processes/{process.slug}/manage/edit/",
                                  process_form_data(process, programme=programme.pk))
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.programme == programme
    page = editor_client.get(f"/en/network/programmes/{programme.slug}/").content.decode()
    assert "Parks for everyone" in page
    entry = AuditEntry.objects.for_object(process).get(action="participation.process.change")
    assert "programme" in entry.summary
