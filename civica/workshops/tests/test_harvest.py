"""The harvest in the background: asked for by a request, run by the queue, never twice at once (two
clicks, two editors, a task delivered twice, a placement meanwhile; PostgreSQL), a harvest whose worker
was lost replaced, and the stored vectors as float32 bytes decoded all at once."""

import datetime
import struct

import numpy
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.audit.models import AuditEntry
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.meetings.tests.factories import MeetingFactory
from civica.workshops import selectors
from civica.workshops import services as workshops
from civica.workshops.embeddings import stored_vector, vector_of, vectors_of
from civica.workshops.models import (
    HARVEST_ABANDONED_MINUTES,
    Contribution,
    Harvest,
    HarvestStatus,
    Theme,
    Workshop,
    WorkshopRound,
    WorkshopTable,
)

NOTES = ["Chirii mici pentru ateliere", "Clădiri goale date artiștilor", "Spații de repetiții ieftine",
         "Finanțări mai simple", "Granturi mici pentru debutanți", "Mai puține hârtii la decont"]


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def _workshop(slug="cafe", notes=NOTES):
    meeting = MeetingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=10),
                             ends_at=timezone.now() + datetime.timedelta(hours=3))
    workshop = Workshop.objects.create(meeting=meeting, slug=slug)
    table = WorkshopTable.objects.create(workshop=workshop, number=1, topic="Spaces")
    round_ = WorkshopRound.objects.create(workshop=workshop, number=1)
    for text in notes:
        Contribution.objects.create(table=table, round=round_, text=text)
    return workshop


def test_vectors_are_stored_as_little_endian_float32_and_decoded_all_at_once():
    rows = numpy.random.default_rng(0).normal(size=(5, 384)).astype(numpy.float32)
    stored = [stored_vector(row) for row in rows]
    assert all(isinstance(item, bytes) and len(item) == 384 * 4 for item in stored)
    assert stored[0][:4] == struct.pack("<f", rows[0][0])
    decoded = vectors_of([memoryview(item) for item in stored])  # PostgreSQL gives memoryviews
    assert decoded.dtype == numpy.float32 and decoded.shape == (5, 384)
    assert numpy.array_equal(decoded, rows) and numpy.array_equal(vector_of(stored[2]), rows[2])
    decoded[0, 0] = 1.0  # a matrix of its own, not a read-only view of the bytes
    assert vectors_of([]).shape == (0, 0)


@pytest.mark.django_db
def test_asking_for_a_harvest_queues_it_and_asking_again_meanwhile_is_the_same_harvest(
        editor, participant, django_capture_on_commit_callbacks):
    workshop = _workshop()
    with pytest.raises(workshops.PermissionDenied):
        workshops.harvest_request(workshop=workshop, by=participant)
    with django_capture_on_commit_callbacks() as queued:
        asked = workshops.harvest_request(workshop=workshop, by=editor)
        assert workshops.harvest_request(workshop=workshop, by=UserFactory(role=Role.EDITOR)) == asked
    assert len(queued) == 1 and asked.status == HarvestStatus.QUEUED
    assert selectors.harvest_under_way(workshop) == asked
    assert not Theme.objects.exists()  # nothing grouped, nothing embedded in the asking
    assert not Contribution.objects.exclude(embedding=None).exists()
    queued[0]()
    asked.refresh_from_db()
    assert asked.status == HarvestStatus.DONE and asked.finished_at is not None
    assert asked.themes_found == Theme.objects.count() >= 2 and asked.notes_offered == 0
    assert not Contribution.objects.filter(theme=None).exists()
    assert all(len(vector_of(note.embedding)) == 384 for note in Contribution.objects.all())
    assert selectors.harvest_under_way(workshop) is None
    entry = AuditEntry.objects.get(action="workshops.workshop.harvest")
    assert entry.actor == editor  # the task records who asked
    with pytest.raises(ValidationError, match="Every note is in a theme"):
        workshops.harvest_request(workshop=workshop, by=editor)


@pytest.mark.django_db
def test_a_harvest_whose_worker_was_lost_is_replaced_and_its_late_task_does_nothing(
        editor, django_capture_on_commit_callbacks):
    workshop = _workshop()
    lost = workshops.harvest_request(workshop=workshop, by=editor)  # its task never runs
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=HARVEST_ABANDONED_MINUTES - 1)):
        assert workshops.harvest_request(workshop=workshop, by=editor) == lost
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=HARVEST_ABANDONED_MINUTES + 1)):
        assert selectors.harvest_under_way(workshop) is None
        with django_capture_on_commit_callbacks(execute=True):
            again = workshops.harvest_request(workshop=workshop, by=editor)
    assert again != lost
    lost.refresh_from_db()
    assert lost.status == HarvestStatus.FAILED
    assert workshops.harvest_run(harvest_id=lost.pk) is None  # delivered at last: nothing happens
    again.refresh_from_db()
    assert again.status == HarvestStatus.DONE and Theme.objects.count() == again.themes_found
    assert AuditEntry.objects.filter(action="workshops.workshop.harvest").count() == 1


@pytest.mark.django_db
def test_notes_placed_while_the_harvest_waited_leave_it_nothing_to_do(
        client, editor, django_capture_on_commit_callbacks):
    workshop = _workshop(notes=NOTES[:2])
    theme = Theme.objects.create(workshop=workshop, label="Spaces", curated=True)
    with django_capture_on_commit_callbacks() as queued:
        asked = workshops.harvest_request(workshop=workshop, by=editor)
    workshops.contributions_place(workshop=workshop, by=editor,
                                  placements=[(note, theme) for note in Contribution.objects.select_related("table")])
    queued[0]()
    asked.refresh_from_db()
    assert (asked.status, asked.themes_found, asked.notes_offered) == (HarvestStatus.DONE, 0, 0)
    client.force_login(editor)
    page = client.get(f"/en/workshops/cafe/harvest/{asked.pk}/", follow=True).content.decode()
    assert "Every note is in a theme: there is nothing new to harvest." in page


@pytest.mark.django_db
def test_the_harvest_pages_refuse_visitors_and_participants_and_say_when_a_harvest_failed(
        client, editor, participant):
    workshop = _workshop()
    failed = Harvest.objects.create(workshop=workshop, requested_by=editor, status=HarvestStatus.FAILED,
                                    finished_at=timezone.now())
    url = f"/en/workshops/cafe/harvest/{failed.pk}/"
    assert client.get(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(participant)
    assert client.get(url).status_code == 403
    client.force_login(editor)
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == "/en/workshops/cafe/harvest/"
    assert "The harvest could not be completed: ask for it again." in response.content.decode()
    other = _workshop(slug="other")
    elsewhere = Harvest.objects.create(workshop=other, requested_by=editor)
    assert client.get(f"/en/workshops/cafe/harvest/{elsewhere.pk}/").status_code == 404
    assert client.get("/en/workshops/cafe/harvest/99999999999999999999/").status_code == 404
    assert client.post(url).status_code == 405


# Races (PostgreSQL): the queue runs each task in the thread that asked, after its commit.

@pytest.mark.django_db(transaction=True)
def test_three_editors_asking_at_once_make_one_harvest():
    skip_unless_postgresql()
    workshop = _workshop(slug="cafe-race")
    editors = UserFactory.create_batch(3, role=Role.EDITOR)
    outcomes = run_together([
        lambda editor=editor: workshops.harvest_request(workshop=Workshop.objects.get(pk=workshop.pk), by=editor)
        for editor in editors])
    # Each is given the harvest under way, or told there is nothing left once it is done.
    assert all(outcome is None or isinstance(outcome, ValidationError) for outcome in outcomes)
    harvest = Harvest.objects.get()
    assert harvest.status == HarvestStatus.DONE and harvest.themes_found == Theme.objects.count() >= 2
    assert not Contribution.objects.filter(theme=None).exists()
    assert AuditEntry.objects.filter(action="workshops.workshop.harvest").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_harvest_task_delivered_twice_at_once_harvests_once():
    skip_unless_postgresql()
    workshop = _workshop(slug="cafe-twice")
    harvest = Harvest.objects.create(workshop=workshop, requested_by=UserFactory(role=Role.EDITOR))
    outcomes = run_together([lambda: workshops.harvest_run(harvest_id=harvest.pk)] * 2)
    assert outcomes == [None, None]
    harvest.refresh_from_db()
    assert harvest.status == HarvestStatus.DONE and Theme.objects.count() == harvest.themes_found >= 2
    assert AuditEntry.objects.filter(action="workshops.workshop.harvest").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_later_harvest_racing_the_placement_of_its_notes_leaves_every_note_placed():
    """The harvest again (suggestions for the new notes) and an editor placing those notes at once:
    the placement wins either way, the harvest finishes (with suggestions, or nothing left to do)."""
    skip_unless_postgresql()
    workshop = _workshop(slug="cafe-placing", notes=[])
    table, round_ = workshop.tables.get(), workshop.rounds.get()
    theme = Theme.objects.create(workshop=workshop, label="Spaces", curated=True)
    for text in NOTES[:3]:
        Contribution.objects.create(table=table, round=round_, text=text, theme=theme)
    late = [Contribution.objects.create(table=table, round=round_, text=text) for text in NOTES[3:]]
    editor = UserFactory(role=Role.EDITOR)
    harvest = Harvest.objects.create(workshop=workshop, requested_by=editor)
    placements = [(Contribution.objects.select_related("table").get(pk=note.pk), theme) for note in late]
    outcomes = run_together([
        lambda: workshops.harvest_run(harvest_id=harvest.pk),
        lambda: workshops.contributions_place(workshop=workshop, by=editor, placements=placements)])
    assert outcomes == [None, None]
    harvest.refresh_from_db()
    assert harvest.status == HarvestStatus.DONE and harvest.notes_offered in (0, len(late))
    assert not Contribution.objects.filter(theme=None).exists()
    assert not Contribution.objects.exclude(suggested_theme=None).exists()  # placing clears a suggestion
    assert list(Theme.objects.values_list("label", flat=True)) == ["Spaces"]
