"""Writes of a world-café workshop: rounds, contributions captured live, the harvest into themes, dot
votes and the action plan.

- ``contribute``: at most 500 characters, only during a running round, with or without an account as the
  editor chooses; the author edits for 10 minutes (``contribution_edit``), known by a signed cookie when
  anonymous. After commit, a task of the queue (``tasks.embed_contribution``) computes and stores the
  note's meaning vector.
- ``harvest``: themes from ``insights.themes.find_themes`` on the stored vectors, computing any still
  missing in one batch; by words when the model cannot run. By default themes curated by staff or with
  dots or action-plan links are kept with their notes, dots and links, the other notes join a kept theme
  they fit and the rest become new suggested themes; replacing everything is an explicit choice.
- Themes: rename, merge, create (to split), move a note. ``dot_vote``: within the per-person allowance,
  the voter's row locked while counting, refused once the workshop is closed.
- The action plan: ``action_add``, ``action_to_activity`` (an item becomes an activity of a plan)."""

import logging
import math

import numpy
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.accounts.predicates import is_participant
from civica.core import transitions
from civica.meetings.services import cleaned_text

from . import tasks
from .embeddings import stored_vector as _stored
from .embeddings import themes_module as _themes
from .models import (
    CONTRIBUTION_EDIT_MINUTES,
    MAX_CONTRIBUTION,
    ActionItem,
    Contribution,
    DotVote,
    Theme,
    Workshop,
    WorkshopStatus,
)

logger = logging.getLogger(__name__)


def start_next_round(*, workshop, by):
    if not by.has_perm("workshops.run", workshop):
        raise PermissionDenied(_("Only the workshop's editors and facilitators run the rounds."))
    now = timezone.now()
    rounds = list(workshop.rounds.all())
    running = workshop.current_round(now)
    if running is not None:
        # Ending the running round early: its duration becomes the time it actually ran.
        running.duration_minutes = max(1, math.ceil((now - running.started_at).total_seconds() / 60))
        running.save(update_fields=["duration_minutes"])
    upcoming = next((round_ for round_ in rounds if round_.started_at is None), None)
    if upcoming is None:
        raise ValidationError(_("All rounds have been held."))
    upcoming.started_at = now
    upcoming.save(update_fields=["started_at"])
    return upcoming


def move(*, workshop, to, by):
    """Move ``workshop`` to the status ``to`` along WORKSHOP_TRANSITIONS (core's ``move``: the row
    locked, its status read again under the lock, the move's permission checked)."""
    def record(locked):
        locked.closed_at = timezone.now() if to == WorkshopStatus.CLOSED else None

    locked = transitions.move(workshop, to=to, by=by, record=record, fields=["closed_at"],
                              refusal=_("Only editors close a workshop."))
    workshop.closed_at = locked.closed_at
    return locked


def close(*, workshop, by):
    return move(workshop=workshop, to=WorkshopStatus.CLOSED, by=by)


def _may_contribute(table, user):
    workshop = table.workshop
    if user.is_authenticated and (table.facilitator_id == user.pk or user.has_perm("workshops.run",
                                                                                   workshop)):
        return True
    if workshop.no_account_needed:
        return True
    return workshop.participants_contribute and is_participant(user)


def contribute(*, table, by, author_key: str, text: str) -> Contribution:
    workshop = table.workshop
    if workshop.closed_at is not None:
        raise PermissionDenied(_("The workshop is closed."))
    if not _may_contribute(table, by):
        raise PermissionDenied(_("Log in to contribute at this table."))
    round_ = workshop.current_round()
    if round_ is None:
        raise ValidationError(_("No round is running now: contributions are taken during the rounds."))
    text = cleaned_text(text, MAX_CONTRIBUTION)
    contribution = Contribution.objects.create(
        table=table, round=round_, text=text, author=by if by.is_authenticated else None,
        author_key="" if by.is_authenticated else author_key)
    tasks.embed_contribution.delay_on_commit(contribution.pk)
    return contribution


def contribution_edit(*, contribution, by, author_key: str, text: str) -> Contribution:
    own = (contribution.author_id == by.pk) if by.is_authenticated else (
        bool(author_key) and contribution.author_key == author_key)
    if not own:
        raise PermissionDenied(_("Only its author may change a contribution."))
    if timezone.now() - contribution.created_at > timezone.timedelta(minutes=CONTRIBUTION_EDIT_MINUTES):
        raise PermissionDenied(ngettext("Contributions can be changed for %(minutes)s minute.",
                                        "Contributions can be changed for %(minutes)s minutes.",
                                        CONTRIBUTION_EDIT_MINUTES) % {"minutes": CONTRIBUTION_EDIT_MINUTES})
    text = (text or "").strip()
    if not text or len(text) > MAX_CONTRIBUTION:
        raise ValidationError(ngettext("Write between 1 and %(max)s character.",
                                       "Write between 1 and %(max)s characters.", MAX_CONTRIBUTION) % {
            "max": MAX_CONTRIBUTION})
    contribution.text, contribution.embedding = text, None
    contribution.save(update_fields=["text", "embedding"])
    tasks.embed_contribution.delay_on_commit(contribution.pk)
    return contribution


def _vectors_for(contributions):
    """Every contribution's stored vector, computing (and storing) the missing ones in one batch;
    None when the model cannot run, so the harvest groups by words."""
    themes = _themes()
    missing = [contribution for contribution in contributions
               if not contribution.embedding or contribution.embedding_model != themes.EMBEDDING_MODEL]
    if missing:
        try:
            vectors = themes.embed_texts([contribution.text for contribution in missing])
        except themes.EmbeddingUnavailable:
            return None
        for contribution, vector in zip(missing, vectors, strict=True):
            contribution.embedding, contribution.embedding_model = _stored(vector), themes.EMBEDDING_MODEL
        Contribution.objects.bulk_update(missing, ["embedding", "embedding_model"], batch_size=500)
    return numpy.array([contribution.embedding for contribution in contributions], dtype=numpy.float32)


HARVEST_KEEP, HARVEST_REPLACE = "keep", "replace"


def _kept_themes(workshop):
    """The themes a harvest keeps unless told to replace them: curated by staff, or with dots or
    action-plan links."""
    return (Theme.objects.filter(workshop=workshop)
            .annotate(dot_count=Count("dots", distinct=True), link_count=Count("action_items", distinct=True))
            .filter(Q(curated=True) | Q(dot_count__gt=0) | Q(link_count__gt=0)).order_by("position", "pk"))


def _join_kept_themes(contributions, kept_ids):
    """Put each note that fits a kept theme into it and return the others. A note fits the kept theme
    whose centre (the mean of its notes' meaning vectors) is nearest among those it is at least as near
    to as half of the theme's own notes are. Without the embedding model nothing is joined: the notes
    become suggested themes, which staff may merge."""
    members = list(Contribution.objects.filter(theme__in=kept_ids).order_by("pk"))
    if not members:
        return contributions
    everything = _vectors_for([*members, *contributions])
    if everything is None:
        return contributions
    member_vectors, note_vectors = everything[:len(members)], everything[len(members):]
    centres, thresholds, theme_ids = [], [], []
    for theme_id in kept_ids:
        rows = member_vectors[[index for index, member in enumerate(members) if member.theme_id == theme_id]]
        if not len(rows):
            continue
        centre = rows.mean(axis=0)
        centre /= numpy.linalg.norm(centre) or 1.0
        centres.append(centre)
        thresholds.append(float(numpy.median(rows @ centre)))
        theme_ids.append(theme_id)
    if not centres:
        return contributions
    similarities = note_vectors @ numpy.array(centres).T
    thresholds = numpy.array(thresholds)
    remaining, joined = [], {}
    for contribution, row in zip(contributions, similarities, strict=True):
        fitting = numpy.where(row >= thresholds - 1e-6, row, -numpy.inf)  # the nearest of the themes it fits
        best = int(numpy.argmax(fitting))
        if numpy.isfinite(fitting[best]):
            joined.setdefault(theme_ids[best], []).append(contribution.pk)
        else:
            remaining.append(contribution)
    for theme_id, pks in joined.items():
        Contribution.objects.filter(pk__in=pks).update(theme_id=theme_id, is_representative=False)
    return remaining


@transaction.atomic
def harvest(*, workshop, by, mode=HARVEST_KEEP, min_themes=2, max_themes=12) -> list[Theme]:
    """Group the contributions into themes (insights.find_themes) and return the new themes.

    ``keep`` (the default) keeps every theme staff curated or that has dots or action-plan links,
    with its notes, dots and links; the other notes (new ones, and those of the earlier harvest's
    untouched suggestions, which are computed again) join the kept theme they fit, and those that
    fit none become new suggested themes.
    ``replace`` discards every theme, its dots and its links: the page asks for it explicitly."""
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors harvest a workshop."))
    if mode not in (HARVEST_KEEP, HARVEST_REPLACE):
        raise ValidationError(_("Choose whether to keep or to replace the themes."))
    # One harvest of a workshop at a time: two at once would both compute and both insert.
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    kept = [] if mode == HARVEST_REPLACE else list(_kept_themes(workshop))
    kept_ids = [theme.pk for theme in kept]
    contributions = list(Contribution.objects.filter(table__workshop=workshop).exclude(theme__in=kept_ids)
                         .order_by("pk"))
    if not contributions:
        raise ValidationError(_("There is nothing to harvest yet.") if not kept else
                              _("Every note is in a kept theme: there is nothing new to group."))
    Theme.objects.filter(workshop=workshop).exclude(pk__in=kept_ids).delete()
    if kept:
        contributions = _join_kept_themes(contributions, kept_ids)
        if not contributions:
            return []
    vectors = _vectors_for(contributions)
    found = _themes().find_themes([contribution.text for contribution in contributions], min_themes=min_themes,
                                  max_themes=max_themes, vectors=vectors)
    themes = []
    for position, item in enumerate(found, start=len(kept)):
        label = _("Other contributions") if item.is_other else item.label[:120]
        theme = Theme.objects.create(workshop=workshop, position=position, label=label)
        members = [contributions[index].pk for index in item.members]
        Contribution.objects.filter(pk__in=members).update(theme=theme, is_representative=False)
        Contribution.objects.filter(pk__in=[contributions[index].pk for index in item.representatives]).update(
            is_representative=True)
        themes.append(theme)
    return themes


def theme_rename(*, theme, by, label):
    if not by.has_perm("workshops.manage", theme.workshop):
        raise PermissionDenied(_("Only editors edit themes."))
    label = (label or "").strip()
    if not label:
        raise ValidationError(_("A theme needs a label."))
    theme.label, theme.curated = label[:120], True
    theme.save(update_fields=["label", "curated"])


def theme_merge(*, into, other, by):
    if not by.has_perm("workshops.manage", into.workshop) or into.workshop_id != other.workshop_id:
        raise PermissionDenied(_("Only editors edit themes."))
    Contribution.objects.filter(theme=other).update(theme=into)
    DotVote.objects.filter(theme=other).update(theme=into)
    # The merged theme's action-plan links follow its notes and dots.
    for item in ActionItem.objects.filter(themes=other):
        item.themes.add(into)
    other.delete()
    Theme.objects.filter(pk=into.pk).update(curated=True)


def contribution_move(*, contribution, theme, by):
    """Move a contribution to another theme (or to a new one: splitting a theme)."""
    if not by.has_perm("workshops.manage", theme.workshop) or \
            contribution.table.workshop_id != theme.workshop_id:
        raise PermissionDenied(_("Only editors edit themes."))
    Theme.objects.filter(pk__in=[pk for pk in (contribution.theme_id, theme.pk) if pk]).update(curated=True)
    contribution.theme = theme
    contribution.save(update_fields=["theme"])


def theme_create(*, workshop, by, label):
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors edit themes."))
    position = workshop.themes.count()
    return Theme.objects.create(workshop=workshop, label=(label or "").strip()[:120] or _("New theme"),
                                position=position, curated=True)


def dot_vote(*, theme, by):
    """Put one of ``voter``'s dots on ``theme``: within the workshop's allowance, and never once the
    workshop is closed (its report is published). The voter's row is locked while their dots are
    counted, so parallel clicks cannot exceed the allowance (a lock on their dots would lock rows that
    do not exist yet)."""
    from django.contrib.auth import get_user_model

    if not is_participant(by):
        raise PermissionDenied(_("Log in with a verified account to vote."))
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=by.pk).first()
        workshop = Workshop.objects.get(pk=theme.workshop_id)  # read again under the lock
        if workshop.closed_at is not None:
            raise PermissionDenied(_("The workshop is closed: its dot votes are final."))
        if not Theme.objects.filter(pk=theme.pk).exists():
            raise ValidationError(_("This theme no longer exists: it may have been merged into another."))
        used = DotVote.objects.filter(theme__workshop=workshop, voter=by).count()
        if used >= workshop.dots_per_person:
            raise ValidationError(_("You have used all %(dots)s of your dots.") % {"dots": workshop.dots_per_person})
        return DotVote.objects.create(theme=theme, voter=by)


def action_add(*, workshop, by, title, description="", owner="", due_on=None, themes=()) -> ActionItem:
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors write the action plan."))
    if not (title or "").strip():
        raise ValidationError(_("An action needs a title."))
    item = ActionItem.objects.create(workshop=workshop, title=title.strip()[:200], description=description or "",
                                     owner=owner or "", due_on=due_on, position=workshop.action_items.count())
    item.themes.set(themes)
    return item


def action_to_activity(*, item, plan, programme, by):
    """Turn an action-plan item into an activity of an accountability plan (and remember the link)."""
    from civica.accountability.models import Activity

    if not by.has_perm("workshops.manage", item.workshop) or not by.has_perm(
            "accountability.manage_plan", plan):
        raise PermissionDenied(_("Only editors turn actions into plan activities."))
    if item.activity_id:
        raise ValidationError(_("This action is already an activity of a plan."))
    due = item.due_on.strftime("%d.%m.%Y") if item.due_on else ""
    activity = Activity.objects.create(
        plan=plan, programme=programme, title_ro=item.title, title_en=item.title,
        period_text=due, ends_on=item.due_on, responsible=item.owner[:120],
        position=Activity.objects.filter(plan=plan, programme=programme).count())
    item.activity = activity
    item.save(update_fields=["activity"])
    return activity
