"""The harvest of a world-café's notes into themes, run by the queue so no request waits for it.

- ``harvest_request`` (an editor's click, from the views through services): checks who asks and that
  there is something to harvest, records a ``Harvest`` and queues ``harvest_workshop`` after the commit.
  The workshop's row is locked and its harvests read again under the lock, and the database allows one
  harvest under way per workshop: two clicks or two editors at once make one harvest.
- ``harvest_workshop`` (the task) runs ``harvest_run``: the missing vectors first (one batch, outside
  any lock: the model's time), then ``harvest`` with the row locked and the harvest read again, so a
  task delivered twice harvests once.
- ``harvest``: the first one groups the notes into themes (``insights.themes.find_themes`` on the
  stored vectors, decoded all at once; by words when the model cannot run). A later one never deletes
  or changes a theme, a note's place or a dot: the notes in no theme (those written since) get the
  nearest theme as a suggestion and are placed by staff (``services.contributions_place``).

A module of its own (services re-exports its functions) because the task and the services both need
it: ``tasks`` imports it, and ``services`` imports ``tasks``."""

import logging

import numpy
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.audit.services import record
from civica.queue.tasks import background_task

from .embeddings import stored_vector as _stored
from .embeddings import themes_module as _themes
from .embeddings import vectors_of as _vectors
from .models import Contribution, Harvest, HarvestStatus, Theme, Workshop

logger = logging.getLogger(__name__)


def _missing_vectors(contributions, model):
    return [contribution for contribution in contributions
            if not contribution.embedding or contribution.embedding_model != model]


def _embed_missing(contributions) -> bool:
    """Compute and store, in one batch, the vectors the contributions lack (or have from another
    model); False when the model cannot run here."""
    themes = _themes()
    missing = _missing_vectors(contributions, themes.EMBEDDING_MODEL)
    if not missing:
        return True
    try:
        vectors = themes.embed_texts([contribution.text for contribution in missing])
    except themes.EmbeddingUnavailable:
        return False
    for contribution, vector in zip(missing, vectors, strict=True):
        contribution.embedding, contribution.embedding_model = _stored(vector), themes.EMBEDDING_MODEL
    Contribution.objects.bulk_update(missing, ["embedding", "embedding_model"], batch_size=500)
    return True


def _vectors_for(contributions):
    """Every contribution's stored vector as one matrix, computing (and storing) the missing ones in
    one batch; None when the model cannot run, so the harvest groups by words."""
    if not _embed_missing(contributions):
        return None
    return _vectors([contribution.embedding for contribution in contributions])


def _suggest_themes(contributions, themes):
    """Store, on each note, the theme whose centre (the mean of its notes' meaning vectors) is nearest;
    without the embedding model (or themes without notes) nothing is suggested and staff choose."""
    members = list(Contribution.objects.filter(theme__in=themes).order_by("pk"))
    everything = _vectors_for([*members, *contributions]) if members else None
    if everything is None:
        return 0
    member_vectors, note_vectors = everything[:len(members)], everything[len(members):]
    centres, theme_ids = [], []
    for theme in themes:
        rows = member_vectors[[index for index, member in enumerate(members) if member.theme_id == theme.pk]]
        if not len(rows):
            continue
        centre = rows.mean(axis=0)
        centres.append(centre / (numpy.linalg.norm(centre) or 1.0))
        theme_ids.append(theme.pk)
    if not centres:
        return 0
    nearest = numpy.argmax(note_vectors @ numpy.array(centres).T, axis=1)
    by_theme = {}
    for contribution, index in zip(contributions, nearest, strict=True):
        by_theme.setdefault(theme_ids[int(index)], []).append(contribution.pk)
    for theme_id, pks in by_theme.items():
        Contribution.objects.filter(pk__in=pks).update(suggested_theme_id=theme_id)
    return len(contributions)


def _unplaced(workshop):
    return list(Contribution.objects.filter(table__workshop=workshop, theme=None).order_by("pk"))


def _nothing_to_harvest(has_themes):
    return ValidationError(_("Every note is in a theme: there is nothing new to harvest.") if has_themes else
                           _("There is nothing to harvest yet."))


def harvest_request(*, workshop, by) -> Harvest:
    """Ask for a harvest of ``workshop``: checked now, run by the queue (``tasks.harvest_workshop``,
    after the commit), so no request waits for the grouping or computes a vector. The workshop's row
    is locked and the harvests read again under it: asking while one is under way returns that one
    (two clicks, two editors: one harvest). One still queued after ``HARVEST_ABANDONED_MINUTES`` (its
    worker lost) is marked failed and a new one queued."""
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors harvest a workshop."))
    with transaction.atomic():
        Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
        under_way = Harvest.objects.filter(workshop=workshop, status=HarvestStatus.QUEUED).first()
        if under_way is not None:
            if not under_way.abandoned():
                return under_way
            _finish(under_way, status=HarvestStatus.FAILED)
        if not Contribution.objects.filter(table__workshop=workshop, theme=None).exists():
            raise _nothing_to_harvest(Theme.objects.filter(workshop=workshop).exists())
        harvest = Harvest.objects.create(workshop=workshop, requested_by=by)
        harvest_workshop.delay_on_commit(harvest.pk)
    return harvest


def _finish(harvest, *, status, themes_found=0, notes_offered=0):
    harvest.status, harvest.finished_at = status, timezone.now()
    harvest.themes_found, harvest.notes_offered = themes_found, notes_offered
    harvest.save(update_fields=["status", "finished_at", "themes_found", "notes_offered"])


def harvest_run(*, harvest_id) -> Harvest | None:
    """Run a harvest asked for by ``harvest_request`` (the queue's task): the missing vectors first,
    outside any lock (the model's time), then the grouping with the workshop's row locked and the
    harvest read again under it, so a task delivered twice harvests once. An error other than the
    database's (which the queue retries) marks the harvest failed, and the page asking says so."""
    harvest = Harvest.objects.filter(pk=harvest_id, status=HarvestStatus.QUEUED).select_related(
        "workshop", "requested_by").first()
    if harvest is None:
        return None  # done already (a task delivered again) or given up
    try:
        _embed_missing(_unplaced(harvest.workshop))
        with transaction.atomic():
            Workshop.objects.select_for_update().filter(pk=harvest.workshop_id).first()
            harvest = Harvest.objects.select_for_update().filter(pk=harvest_id, status=HarvestStatus.QUEUED).first()
            if harvest is None:
                return None
            try:
                created, offered = _group(harvest.workshop, by=harvest.requested_by)
            except ValidationError:  # every note was placed meanwhile: nothing left to do
                created, offered = [], 0
            _finish(harvest, status=HarvestStatus.DONE, themes_found=len(created), notes_offered=offered)
    except (OperationalError, InterfaceError):
        raise
    except Exception:
        logger.exception("Harvest %s failed", harvest_id)
        with transaction.atomic():
            failed = Harvest.objects.select_for_update().filter(pk=harvest_id, status=HarvestStatus.QUEUED).first()
            if failed is not None:
                _finish(failed, status=HarvestStatus.FAILED)
        return failed
    return harvest


@transaction.atomic
def harvest(*, workshop, by, min_themes=2, max_themes=12) -> list[Theme]:
    """Group the notes into themes now and return the new themes (the queue's task runs it through
    ``harvest_run``; a request asks with ``harvest_request``).

    The first harvest groups every note (insights.find_themes). Once there are themes, a harvest
    never deletes or changes one: renamed, merged or split themes, the notes' places, the dots and the
    action-plan links stay. The notes in no theme (those written since) are given the nearest theme
    as a suggestion, and staff place them (``contributions_place``); nothing new is returned."""
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors harvest a workshop."))
    # One harvest of a workshop at a time: two at once would both compute and both insert.
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    created, _offered = _group(workshop, by=by, min_themes=min_themes, max_themes=max_themes)
    return created


def _group(workshop, *, by, min_themes=2, max_themes=12):
    """The harvest itself, the workshop's row locked by the caller: (themes made, notes offered a
    suggestion). ``by`` is who asked (None once their account is gone), for the audit log."""
    themes = list(Theme.objects.filter(workshop=workshop))
    unplaced = _unplaced(workshop)
    if not unplaced:
        raise _nothing_to_harvest(bool(themes))
    if themes:
        _suggest_themes(unplaced, themes)
        record(by=by, action="workshops.workshop.harvest", target=workshop, summary=ngettext(
            "Harvested again: %(count)s new note offered for placement.",
            "Harvested again: %(count)s new notes offered for placement.", len(unplaced)) % {"count": len(unplaced)})
        return [], len(unplaced)
    vectors = _vectors_for(unplaced)
    found = _themes().find_themes([contribution.text for contribution in unplaced], min_themes=min_themes,
                                  max_themes=max_themes, vectors=vectors)
    created = []
    for position, item in enumerate(found):
        label = _("Other contributions") if item.is_other else item.label[:120]
        theme = Theme.objects.create(workshop=workshop, position=position, label=label)
        members = [unplaced[index].pk for index in item.members]
        Contribution.objects.filter(pk__in=members).update(theme=theme, is_representative=False)
        Contribution.objects.filter(pk__in=[unplaced[index].pk for index in item.representatives]).update(
            is_representative=True)
        created.append(theme)
    record(by=by, action="workshops.workshop.harvest", target=workshop, summary=ngettext(
        "Harvested: %(count)s theme found.", "Harvested: %(count)s themes found.", len(created)) % {
        "count": len(created)})
    return created, 0


@background_task
def harvest_workshop(harvest_id):
    """The queue's task (``tasks.py`` imports it, so workers find it there too)."""
    harvest_run(harvest_id=harvest_id)
