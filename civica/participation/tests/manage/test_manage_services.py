"""The editors' services: creating from a blueprint, publishing, phases, categories, debates, polls."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.participation import services
from civica.participation.models import Category, Choice, Phase, Poll, Question
from civica.participation.polls import change_rules as poll_rules
from civica.participation.polls import services as poll_services
from civica.participation.schedule import process_window
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

APRIL_1, APRIL_30 = datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def new_process(editor, blueprint="ideas_then_voting"):
    return services.process_create(blueprint=blueprint, title_ro="Bugetare participativă", summary_ro="Idei",
                                   starts_on=APRIL_1, ends_on=APRIL_30, by=editor)


@pytest.mark.django_db
def test_process_create_makes_a_draft_with_the_blueprints_phases(editor):
    process = new_process(editor)
    assert process.slug == "bugetare-participativa" and not process.is_published
    assert list(process.phases.values_list("kind", "position")) == [("ideas", 0), ("voting", 1)]
    assert process.phases.get(kind="ideas").starts_at == process_window(APRIL_1, APRIL_30)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, Role.MODERATOR])
def test_only_editors_create_or_publish(role):
    user = UserFactory(role=role) if role else UserFactory()
    with pytest.raises(PermissionDenied):
        new_process(user)
    process = ProcessFactory(is_published=False)
    with pytest.raises(PermissionDenied):
        services.process_publish(process=process, by=user)
    with pytest.raises(PermissionDenied):
        services.phases_save(process=process, by=user, phases=[])
    with pytest.raises(PermissionDenied):
        services.debate_create(process=process, by=user, question="Why?")


@pytest.mark.django_db
def test_process_create_refuses_backwards_dates(editor):
    with pytest.raises(ValidationError):
        services.process_create(blueprint="debate_only", title_ro="X", summary_ro="Y", starts_on=APRIL_30,
                                ends_on=APRIL_1, by=editor)


@pytest.mark.django_db
def test_publish_refuses_no_phases_outside_or_overlapping(administrator):
    process = ProcessFactory(is_published=False, phases=[])
    with pytest.raises(ValidationError, match="Add at least one phase"):
        services.process_publish(process=process, by=administrator)
    opens, closes = process_window(process.starts_on, process.ends_on)
    Phase.objects.create(process=process, kind="ideas", starts_at=opens - datetime.timedelta(hours=1),
                         ends_at=opens + datetime.timedelta(days=5))
    Phase.objects.create(process=process, kind="voting", starts_at=opens + datetime.timedelta(days=4),
                         ends_at=closes, position=1)
    with pytest.raises(ValidationError) as refused:
        services.process_publish(process=process, by=administrator)
    assert any("starts before the consultation" in message for message in refused.value.messages)
    assert any("overlaps" in message and message.startswith("Phase 2 (Voting)") for message in refused.value.messages)
    process.refresh_from_db()
    assert not process.is_published
    services.phases_save(process=process, by=administrator, phases=[
        {"id": phase.pk, "kind": phase.kind, "starts_at": max(phase.starts_at, opens),
         "ends_at": phase.ends_at if phase.kind == "voting" else opens + datetime.timedelta(days=4)}
        for phase in process.phases.order_by("position")])
    services.process_publish(process=process, by=administrator)
    assert process.is_published
    services.process_unpublish(process=process, by=administrator)
    process.refresh_from_db()
    assert not process.is_published


@pytest.mark.django_db
def test_phases_save_orders_adds_and_removes(editor):
    process = new_process(editor)
    ideas, voting = process.phases.order_by("position")
    services.phases_save(process=process, by=editor, phases=[
        {"id": None, "kind": "information", "name_ro": "Aflați", "name_en": "Find out",
         "starts_at": ideas.starts_at, "ends_at": ideas.starts_at + datetime.timedelta(days=2)},
        {"id": ideas.pk, "kind": "ideas", "starts_at": ideas.starts_at + datetime.timedelta(days=2),
         "ends_at": voting.ends_at},
    ])
    assert list(process.phases.order_by("position").values_list("kind", "name_en", "position")) == [
        ("information", "Find out", 0), ("ideas", "", 1)]


@pytest.mark.django_db
def test_phases_save_refuses_overlaps_foreign_ids_and_unknown_kinds(editor):
    process = new_process(editor)
    ideas, voting = process.phases.order_by("position")
    overlap = [{"id": ideas.pk, "kind": "ideas", "starts_at": ideas.starts_at, "ends_at": ideas.ends_at},
               {"id": voting.pk, "kind": "voting", "starts_at": ideas.ends_at - datetime.timedelta(hours=1),
                "ends_at": voting.ends_at}]
    with pytest.raises(ValidationError, match="overlaps"):
        services.phases_save(process=process, by=editor, phases=overlap)
    foreign = ProcessFactory().phases.first()
    with pytest.raises(ValidationError, match="reload the page"):
        services.phases_save(process=process, by=editor, phases=[
            {"id": foreign.pk, "kind": "ideas", "starts_at": ideas.starts_at, "ends_at": ideas.ends_at}])
    with pytest.raises(ValidationError):
        services.phases_save(process=process, by=editor, phases=[
            {"id": None, "kind": "lottery", "starts_at": ideas.starts_at, "ends_at": ideas.ends_at}])
    assert process.phases.count() == 2 and Phase.objects.get(pk=foreign.pk).process_id != process.pk


@pytest.mark.django_db
def test_a_published_process_keeps_at_least_one_phase(editor):
    process = ProcessFactory()
    with pytest.raises(ValidationError, match="at least one phase"):
        services.phases_save(process=process, by=editor, phases=[])


@pytest.mark.django_db
def test_categories_removed_leave_their_ideas_uncategorised(editor):
    process = ProcessFactory()
    parks = Category.objects.create(process=process, name_ro="Parcuri")
    idea = IdeaFactory(process=process, category=parks)
    services.categories_save(process=process, by=editor, categories=[{"id": None, "name_ro": "Mobilitate"}])
    idea.refresh_from_db()
    assert idea.category is None and list(process.categories.values_list("name_ro", flat=True)) == ["Mobilitate"]


@pytest.mark.django_db
def test_debates_are_created_and_edited(editor):
    process = ProcessFactory()
    debate = services.debate_create(process=process, by=editor, question="  A tram line?  ", description="**Yes**")
    assert debate.question == "A tram line?" and debate.created_by == editor
    services.debate_update(debate=debate, by=editor, question="A tram line on Horea?", description="")
    debate.refresh_from_db()
    assert debate.question == "A tram line on Horea?"
    with pytest.raises(ValidationError):
        services.debate_update(debate=debate, by=editor, question="")


def question(text="Where?", kind="single", choices=("Park", "Library"), **values):
    return {"id": None, "text": text, "kind": kind, "required": True, "max_choices": None,
            "choices": [{"id": None, "text": choice} for choice in choices], **values}


@pytest.mark.django_db
def test_poll_save_creates_and_reorders(editor):
    process = ProcessFactory()
    phase = process.phases.get(kind="ideas")
    poll = poll_services.poll_save(process=process, by=editor, phase=phase, title="Priorities",
                              questions=[question(), question("How much?", "scale", ())],
                              allow_anonymous=True, results_visibility=Poll.ResultsVisibility.IMMEDIATELY)
    assert poll.allow_anonymous and [q.kind for q in poll.questions.all()] == ["single", "scale"]
    where, scale = poll.questions.all()
    poll_services.poll_save(process=process, by=editor, poll=poll, phase=phase, title="Priorities", questions=[
        {**question("How much?", "scale", ()), "id": scale.pk},
        {**question("Where?", "multiple", ()), "id": where.pk, "max_choices": 2, "choices": [
            {"id": choice.pk, "text": choice.text} for choice in where.choices.all()] + [{"id": None, "text": "Pool"}]},
    ])
    assert [(q.text, q.kind, q.max_choices) for q in poll.questions.all()] == [("How much?", "scale", None),
                                                                              ("Where?", "multiple", 2)]
    assert list(where.choices.values_list("text", flat=True)) == ["Park", "Library", "Pool"]


@pytest.mark.django_db
def test_poll_save_refuses_a_phase_of_another_process_and_missing_choices(editor):
    process = ProcessFactory()
    with pytest.raises(ValidationError):
        poll_services.poll_save(process=process, by=editor, phase=ProcessFactory().phases.first(), title="X",
                           questions=[question()])
    with pytest.raises(ValidationError, match="at least two choices"):
        poll_services.poll_save(process=process, by=editor, phase=process.phases.first(), title="X",
                           questions=[question(choices=("Only",))])
    with pytest.raises(ValidationError, match="without choices"):
        poll_services.poll_save(process=process, by=editor, phase=process.phases.first(), title="X",
                           questions=[question(kind="text")])
    with pytest.raises(ValidationError, match="at least one question"):
        poll_services.poll_save(process=process, by=editor, phase=process.phases.first(), title="X", questions=[])
    assert not Poll.objects.exists()


@pytest.mark.django_db
def test_answered_polls_refuse_what_would_invalidate_answers(editor, participant):
    process = ProcessFactory()
    phase = process.phases.get(kind="ideas")
    poll = poll_services.poll_save(process=process, by=editor, phase=phase, title="P", questions=[
        question(), question("Order", "ranking", ("A", "B")), question("Else?", "text", (), required=False)])
    where, order, other = poll.questions.all()
    park, library = where.choices.all()
    poll_services.poll_respond(poll=poll, by=participant, browser_key="", answers={
        where: park.pk, order: {choice.pk: place for place, choice in enumerate(order.choices.all(), start=1)}})
    poll.refresh_from_db()

    def spec(item, **changes):
        return {"id": item.pk, "text": item.text, "kind": item.kind, "required": item.required,
                "max_choices": item.max_choices,
                "choices": [{"id": choice.pk, "text": choice.text} for choice in item.choices.all()], **changes}

    with pytest.raises(ValidationError, match="cannot be removed"):
        poll_services.poll_save(process=process, by=editor, poll=poll, phase=phase, title="P",
                           questions=[spec(order), spec(other)])
    with pytest.raises(ValidationError, match="its kind cannot change"):
        poll_services.poll_save(process=process, by=editor, poll=poll, phase=phase, title="P",
                           questions=[spec(where, kind="multiple"), spec(order), spec(other)])
    with pytest.raises(ValidationError, match="would be missing from every ranking"):
        poll_services.poll_save(process=process, by=editor, poll=poll, phase=phase, title="P", questions=[
            spec(where), spec(order, choices=[*spec(order)["choices"], {"id": None, "text": "C"}]), spec(other)])
    with pytest.raises(ValidationError, match="must be optional"):
        poll_services.poll_save(process=process, by=editor, poll=poll, phase=phase, title="P",
                           questions=[spec(where), spec(order), spec(other), question("New?", "scale", ())])
    # The unanswered text question may go, library (never chosen) may go, wording may change.
    poll_services.poll_save(process=process, by=editor, poll=poll, phase=phase, title="P (fixed)", questions=[
        spec(where, text="Where, please?", choices=[{"id": park.pk, "text": "The park"},
                                                    {"id": None, "text": "The pool"}]), spec(order),
        question("Also?", "scale", (), required=False)])
    assert [q.text for q in poll.questions.all()] == ["Where, please?", "Order", "Also?"]
    assert list(Choice.objects.filter(question=where).values_list("text", flat=True)) == ["The park", "The pool"]
    assert Question.objects.filter(pk=other.pk).count() == 0


def test_poll_rules_are_plain():
    old = {"text": "Q", "kind": "multiple", "required": False, "max_choices": 3}
    assert poll_rules.question_change_problems(old, {**old, "kind": "single"}, answered=False) == []
    assert poll_rules.question_change_problems(old, {**old, "text": "Q, better"}, answered=True) == []
    assert len(poll_rules.question_change_problems(old, {**old, "required": True, "max_choices": 2},
                                                   answered=True)) == 2
    assert poll_rules.question_removal_problems(old, answered=False) == []
    assert poll_rules.choice_addition_problems(old, answered=True) == []


@pytest.mark.django_db
def test_process_update_sets_tags_and_refuses_dates_that_strand_phases(editor):
    from civica.participation.models import Tag

    process = ProcessFactory()
    tag = Tag.objects.create(kind=Tag.Kind.AREA, slug="mobilitate", name_ro="Mobilitate")
    services.process_update(process=process, by=editor, title_en="Moving", tags=[tag])
    assert list(process.tags.all()) == [tag]
    with pytest.raises(ValidationError, match="starts before the consultation"):
        services.process_update(process=process, by=editor, starts_on=timezone.localdate())
