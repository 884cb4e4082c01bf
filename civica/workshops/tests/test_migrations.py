"""The move of the world-café workshops out of ``meetings`` keeps every row: a database at the schema
before the move, holding a workshop with everything it has and a facilitator's role scoped to it, is
migrated to the latest schema and read back through the new models, its notes' JSON vectors now float32
bytes (and back to JSON, migrating backwards). One test (it rebuilds part of the schema several
times); it runs on PostgreSQL (``core.tests.upgrades``)."""

import numpy
import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from civica.core.tests.upgrades import upgrade_on_postgresql
from civica.workshops.embeddings import vector_of

pytestmark = upgrade_on_postgresql

BEFORE = ("meetings", "0008_meeting_when_known")
VECTOR = [0.25, -0.5, 0.333333, 1e-06]  # as stored in JSON: 6 decimals


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_keeps_its_workshops_and_the_facilitators_scope():
    latest = _latest()
    # Apps whose migrations need a later meetings schema (governance's bodies hold meetings) go back with it.
    before = [node for node in latest if node[0] not in ("meetings", "workshops", "governance")] + [BEFORE]
    executor = _migrate(before)
    old = executor.loader.project_state(before).apps
    # The content types as the old database had them: the workshop models belonged to meetings.
    old_types = old.get_model("contenttypes", "ContentType")
    old_types.objects.filter(app_label="workshops").update(app_label="meetings")
    facilitator = old.get_model("accounts", "User").objects.create(email="facilitator@example.org",
                                                                    display_name="Fatima Facilitator")
    voter = old.get_model("accounts", "User").objects.create(email="voter@example.org", display_name="Victor Voter")
    now = timezone.now()
    meeting = old.get_model("meetings", "Meeting").objects.create(
        slug="lab", kind="workshop", title_ro="Laborator", starts_at=now, ends_at=now + timezone.timedelta(hours=3))
    workshop = old.get_model("meetings", "Workshop").objects.create(meeting=meeting, slug="lab-cafe",
                                                                    dots_per_person=2)
    question = old.get_model("meetings", "WorkshopQuestion").objects.create(workshop=workshop, text_ro="Cum?")
    table = old.get_model("meetings", "WorkshopTable").objects.create(workshop=workshop, number=1, topic="Spații",
                                                                      question=question, facilitator=facilitator)
    round_ = old.get_model("meetings", "WorkshopRound").objects.create(workshop=workshop, number=1, started_at=now)
    theme = old.get_model("meetings", "Theme").objects.create(workshop=workshop, label="Spații ieftine", curated=True)
    old.get_model("meetings", "Contribution").objects.create(table=table, round=round_, theme=theme,
                                                             text="Ateliere ieftine", author=voter,
                                                             embedding=VECTOR, embedding_model="e5")
    # Never written by Civica, but JSON allows it: it becomes a missing vector, computed again.
    old.get_model("meetings", "Contribution").objects.create(table=table, round=round_, text="Ciudat",
                                                             embedding={"not": "a vector"})
    old.get_model("meetings", "DotVote").objects.create(theme=theme, voter=voter)
    item = old.get_model("meetings", "ActionItem").objects.create(workshop=workshop, title="Un atelier pe lună")
    item.themes.add(theme)
    workshop_type = old_types.objects.get(app_label="meetings", model="workshop")
    old.get_model("accounts", "RoleAssignment").objects.create(user=facilitator, role="facilitator",
                                                               scope_type=workshop_type, scope_id=workshop.pk)

    _migrate(latest)
    ContentType.objects.clear_cache()

    from civica.accounts.models import RoleAssignment, User
    from civica.workshops.models import ActionItem, Contribution, DotVote, Workshop

    moved = Workshop.objects.get(slug="lab-cafe")
    assert moved.pk == workshop.pk and moved.meeting.slug == "lab" and moved.dots_per_person == 2
    assert [q.text_ro for q in moved.questions.all()] == ["Cum?"]
    assert [(t.number, t.topic, t.question.text_ro, t.facilitator.email) for t in moved.tables.all()] == [
        (1, "Spații", "Cum?", "facilitator@example.org")]
    assert [r.number for r in moved.rounds.all()] == [1]
    note = Contribution.objects.get(text="Ateliere ieftine")
    assert (note.text, note.theme.label, note.table.topic, note.author.email) == (
        "Ateliere ieftine", "Spații ieftine", "Spații", "voter@example.org")
    # The JSON vector became float32 bytes (migration 0004).
    assert vector_of(note.embedding).tolist() == numpy.array(VECTOR, dtype=numpy.float32).tolist()
    assert note.embedding_model == "e5" and Contribution.objects.get(text="Ciudat").embedding is None
    assert DotVote.objects.get().theme.workshop == moved
    assert [theme.label for theme in ActionItem.objects.get(title="Un atelier pe lună").themes.all()] == [
        "Spații ieftine"]
    assignment = RoleAssignment.objects.get(role="facilitator")
    assert assignment.scope_type == ContentType.objects.get_for_model(Workshop)
    assert assignment.scope == moved
    assert User.objects.get(email="facilitator@example.org").has_perm("workshops.run", moved)
    tables = connection.introspection.table_names()
    assert "workshops_workshop" in tables and "workshops_actionitem_themes" in tables
    assert "meetings_workshop" not in tables and "meetings_actionitem_themes" not in tables

    # Backwards to JSON (rounded to 6 decimals, as it was stored), then forwards again.
    executor = _migrate([("workshops", "0003_pause_and_placement")])
    json_state = executor.loader.project_state([("workshops", "0003_pause_and_placement")]).apps
    assert json_state.get_model("workshops", "Contribution").objects.get(text="Ateliere ieftine").embedding == VECTOR
    _migrate(latest)
    again = Contribution.objects.get(text="Ateliere ieftine")
    assert vector_of(again.embedding).tolist() == numpy.array(VECTOR, dtype=numpy.float32).tolist()
