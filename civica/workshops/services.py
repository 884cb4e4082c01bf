"""Writes of a world-café workshop: rounds, contributions captured live, the harvest into themes, dot
votes and the action plan.

- ``contribute``: at most 500 characters, only during a running round, with or without an account as the
  editor chooses; the author edits for 10 minutes (``contribution_edit``), known by a signed cookie when
  anonymous. After commit, a task of the queue (``tasks.embed_contribution``) computes and stores the
  note's meaning vector.
- Setting up (editors): ``workshop_create`` on a meeting, ``workshop_update``, the guiding questions
  (ordered, moved up or down), the tables (a facilitator appointed by e-mail gets the facilitator role
  scoped to the workshop) and the rounds with their durations.
- Running it: ``start_next_round``, ``pause`` (the running round's clock stops, notes wait),
  ``resume`` (the round's start moves forward by the pause's length), ``close``.
- The harvest (harvesting.py, its functions imported here): ``harvest_request`` (an editor's click)
  checks and queues it, the queue runs it. The first one groups the notes into themes; a later one
  never deletes or changes a theme, a note's place or a dot: the notes in no theme (those that arrived
  since) get the nearest theme as a suggestion and are placed by staff (``contributions_place``).
- Themes: rename, merge, split, create, move a note. ``dot_vote``: within the per-person allowance,
  the voter's row locked while counting, refused once the workshop is closed.
- Staff actions that change what the public sees are kept in the audit log.
- The action plan: ``action_add``, ``action_to_activity`` (an item becomes an activity of a plan)."""

import logging
import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.accounts.predicates import is_participant
from civica.audit.services import changed_fields, record
from civica.core import transitions
from civica.meetings.services import cleaned_text

from . import tasks
from .harvesting import harvest, harvest_request, harvest_run  # noqa: F401 (harvesting.py: the task needs them too)
from .models import (
    CONTRIBUTION_EDIT_MINUTES,
    MAX_CONTRIBUTION,
    ActionItem,
    Contribution,
    DotVote,
    Theme,
    Workshop,
    WorkshopQuestion,
    WorkshopRound,
    WorkshopStatus,
    WorkshopTable,
)

logger = logging.getLogger(__name__)


def _check_manage(workshop, by):
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only the centre's editors set up world-café workshops."))


def _snapshot(obj, fields):
    return {name: getattr(obj, name) for name in fields}


# Slugs the addresses under /workshops/ already use.
RESERVED_SLUGS = {"manage"}
SETTINGS_FIELDS = ("slug", "participants_contribute", "no_account_needed", "dots_per_person")


def _check_slug(slug, workshop=None):
    if slug in RESERVED_SLUGS or Workshop.objects.filter(slug=slug).exclude(pk=getattr(workshop, "pk", None)).exists():
        raise ValidationError({"slug": _("Another address is needed: this one is taken.")})


@transaction.atomic
def workshop_create(*, meeting, by, slug: str, participants_contribute: bool = True,
                    no_account_needed: bool = True, dots_per_person: int = 3) -> Workshop:
    """Set up a world-café on ``meeting`` (one workshop per meeting)."""
    _check_manage(None, by)
    from civica.meetings.models import Meeting

    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    if Workshop.objects.filter(meeting=meeting).exists():
        raise ValidationError({"meeting": _("This meeting already has a world-café workshop.")})
    _check_slug(slug)
    workshop = Workshop.objects.create(meeting=meeting, slug=slug, participants_contribute=participants_contribute,
                                       no_account_needed=no_account_needed, dots_per_person=dots_per_person)
    record(by=by, action="workshops.workshop.set_up", target=workshop,
           summary=_("World-café set up on the meeting “%(meeting)s”.") % {"meeting": meeting})
    return workshop


@transaction.atomic
def workshop_update(*, workshop, by, **values) -> Workshop:
    """Change the workshop's settings (``SETTINGS_FIELDS``)."""
    _check_manage(workshop, by)
    locked = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if "slug" in values:
        _check_slug(values["slug"], locked)
    before = _snapshot(locked, SETTINGS_FIELDS)
    for name in SETTINGS_FIELDS:
        if name in values:
            setattr(locked, name, values[name])
    locked.save(update_fields=[name for name in SETTINGS_FIELDS if name in values])
    changes = changed_fields(before, _snapshot(locked, SETTINGS_FIELDS))
    if changes:
        record(by=by, action="workshops.workshop.change", target=locked, summary=_("Workshop settings changed."),
               changes=changes)
    return locked


def question_add(*, workshop, by, text_ro: str, text_en: str = "") -> WorkshopQuestion:
    _check_manage(workshop, by)
    with transaction.atomic():
        Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
        position = (workshop.questions.aggregate(top=Max("position"))["top"] or 0) + 1
        question = WorkshopQuestion.objects.create(workshop=workshop, position=position,
                                                   text_ro=text_ro.strip(), text_en=(text_en or "").strip())
        record(by=by, action="workshops.question.add", target=workshop, summary=question.text_ro)
    return question


def question_update(*, question, by, text_ro: str, text_en: str = "") -> WorkshopQuestion:
    _check_manage(question.workshop, by)
    with transaction.atomic():
        before = _snapshot(question, ("text_ro", "text_en"))
        question.text_ro, question.text_en = text_ro.strip(), (text_en or "").strip()
        question.save(update_fields=["text_ro", "text_en"])
        record(by=by, action="workshops.question.change", target=question.workshop, summary=question.text_ro,
               changes=changed_fields(before, _snapshot(question, ("text_ro", "text_en"))))
    return question


def question_delete(*, question, by) -> None:
    _check_manage(question.workshop, by)
    with transaction.atomic():
        record(by=by, action="workshops.question.delete", target=question.workshop, summary=question.text_ro)
        question.delete()


def question_move(*, question, by, up: bool) -> None:
    """Swap the question with the one before it (``up``) or after it; at either end nothing moves."""
    _check_manage(question.workshop, by)
    with transaction.atomic():
        Workshop.objects.select_for_update().filter(pk=question.workshop_id).first()
        questions = list(WorkshopQuestion.objects.filter(workshop_id=question.workshop_id))
        index = next(index for index, item in enumerate(questions) if item.pk == question.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(questions):
            return
        questions[index], questions[other] = questions[other], questions[index]
        for position, item in enumerate(questions, start=1):
            item.position = position
        WorkshopQuestion.objects.bulk_update(questions, ["position"])


def _facilitator(email: str):
    """The account with ``email`` (empty: no facilitator), or a refusal beside the field."""
    from django.contrib.auth import get_user_model

    email = (email or "").strip()
    if not email:
        return None
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        raise ValidationError({"facilitator_email": _(
            "No account has this e-mail address: the facilitator creates an account first.")})
    return user


def _appoint(workshop, user):
    """Give ``user`` the facilitator role on ``workshop`` (scoped, so it runs this workshop only)."""
    from civica.accounts.roles import Role
    from civica.accounts.services import role_grant

    role_grant(user=user, role=Role.FACILITATOR, scope=workshop, by=None)


def _release(workshop, user):
    """Take the facilitator role on ``workshop`` from ``user`` once they facilitate none of its tables."""
    from civica.accounts.models import RoleAssignment
    from civica.accounts.roles import Role
    from civica.accounts.services import role_revoke

    if user is None or WorkshopTable.objects.filter(workshop=workshop, facilitator=user).exists():
        return
    for assignment in RoleAssignment.objects.for_object(workshop).filter(user=user, role=Role.FACILITATOR):
        role_revoke(assignment=assignment, by=None)


def _check_table_number(workshop, number, table=None):
    if WorkshopTable.objects.filter(workshop=workshop, number=number).exclude(pk=getattr(table, "pk", None)).exists():
        raise ValidationError({"number": _("Another table has this number.")})


@transaction.atomic
def table_add(*, workshop, by, number: int, topic: str, question=None, facilitator_email: str = "") -> WorkshopTable:
    _check_manage(workshop, by)
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    _check_table_number(workshop, number)
    facilitator = _facilitator(facilitator_email)
    table = WorkshopTable.objects.create(workshop=workshop, number=number, topic=topic.strip(), question=question,
                                         facilitator=facilitator)
    if facilitator is not None:
        _appoint(workshop, facilitator)
    record(by=by, action="workshops.table.add", target=workshop, summary=str(table),
           changes={"facilitator": [None, getattr(facilitator, "email", None)]} if facilitator else None)
    return table


@transaction.atomic
def table_update(*, table, by, number: int, topic: str, question=None, facilitator_email: str = "") -> WorkshopTable:
    workshop = table.workshop
    _check_manage(workshop, by)
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    _check_table_number(workshop, number, table)
    facilitator = _facilitator(facilitator_email)
    fields = ("number", "topic", "question_id", "facilitator_id")
    before = _snapshot(table, fields)
    previous = table.facilitator
    table.number, table.topic, table.question, table.facilitator = number, topic.strip(), question, facilitator
    table.save(update_fields=["number", "topic", "question", "facilitator"])
    if facilitator is not None:
        _appoint(workshop, facilitator)
    if previous is not None and previous != facilitator:
        _release(workshop, previous)
    record(by=by, action="workshops.table.change", target=workshop, summary=str(table),
           changes=changed_fields(before, _snapshot(table, fields)))
    return table


@transaction.atomic
def table_delete(*, table, by) -> None:
    workshop = table.workshop
    _check_manage(workshop, by)
    if table.contributions.exists():
        raise ValidationError(_("Notes were written at this table: it stays, so they keep their place."))
    facilitator = table.facilitator
    record(by=by, action="workshops.table.delete", target=workshop, summary=str(table))
    table.delete()
    _release(workshop, facilitator)


@transaction.atomic
def round_add(*, workshop, by, duration_minutes: int) -> WorkshopRound:
    _check_manage(workshop, by)
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    number = (workshop.rounds.aggregate(top=Max("number"))["top"] or 0) + 1
    round_ = WorkshopRound.objects.create(workshop=workshop, number=number, duration_minutes=duration_minutes)
    record(by=by, action="workshops.round.add", target=workshop,
           summary=_("Round %(number)s, %(minutes)s min.") % {"number": number, "minutes": duration_minutes})
    return round_


@transaction.atomic
def round_update(*, round_, by, duration_minutes: int) -> WorkshopRound:
    _check_manage(round_.workshop, by)
    locked = WorkshopRound.objects.select_for_update().get(pk=round_.pk)
    if locked.started_at and locked.ends_at <= timezone.now():
        raise ValidationError({"duration_minutes": _("This round has been held: its duration stays.")})
    before = _snapshot(locked, ("duration_minutes",))
    locked.duration_minutes = duration_minutes
    locked.save(update_fields=["duration_minutes"])
    record(by=by, action="workshops.round.change", target=round_.workshop, summary=str(locked),
           changes=changed_fields(before, _snapshot(locked, ("duration_minutes",))))
    return locked


@transaction.atomic
def round_delete(*, round_, by) -> None:
    """Remove a round not started yet; the later ones are numbered again."""
    workshop = round_.workshop
    _check_manage(workshop, by)
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    locked = WorkshopRound.objects.filter(pk=round_.pk).first()
    if locked is None:
        return
    if locked.started_at is not None:
        raise ValidationError(_("This round has started: it stays."))
    record(by=by, action="workshops.round.delete", target=workshop, summary=str(locked))
    locked.delete()
    for number, item in enumerate(WorkshopRound.objects.filter(workshop=workshop).order_by("number"), start=1):
        if item.number != number:
            WorkshopRound.objects.filter(pk=item.pk).update(number=number)


def start_next_round(*, workshop, by):
    """Start the next round (ending the running one early); refused while paused or closed. The
    workshop's row is locked, so two clicks at once start one round."""
    if not by.has_perm("workshops.run", workshop):
        raise PermissionDenied(_("Only the workshop's editors and facilitators run the rounds."))
    with transaction.atomic():
        locked = Workshop.objects.select_for_update().get(pk=workshop.pk)
        if locked.closed_at is not None:
            raise ValidationError(_("The workshop is closed."))
        if locked.paused_at is not None:
            raise ValidationError(_("The workshop is paused: resume it first."))
        now = timezone.now()
        rounds = list(WorkshopRound.objects.filter(workshop=locked).order_by("number"))
        running = max((round_ for round_ in rounds if round_.started_at and round_.started_at <= now
                       < round_.ends_at), key=lambda round_: round_.started_at, default=None)
        if running is not None:
            # Ending the running round early: its duration becomes the time it actually ran.
            running.duration_minutes = max(1, math.ceil((now - running.started_at).total_seconds() / 60))
            running.save(update_fields=["duration_minutes"])
        upcoming = next((round_ for round_ in rounds if round_.started_at is None), None)
        if upcoming is None:
            raise ValidationError(_("All rounds have been held."))
        upcoming.started_at = now
        upcoming.save(update_fields=["started_at"])
        record(by=by, action="workshops.workshop.round_started", target=locked,
               summary=_("Round %(number)s started.") % {"number": upcoming.number})
    return upcoming


def move(*, workshop, to, by):
    """Move ``workshop`` to the status ``to`` along WORKSHOP_TRANSITIONS (core's ``move``: the row
    locked, its status read again under the lock, the move's permission checked). Resuming moves the
    paused round's start forward by the pause's length, so its time left is what it was."""
    moved = {}

    def change(locked):
        # The time is read under the row's lock: a round started by a request that held the lock first is then
        # never dated after the pause that waited for it (a time read before waiting could be).
        now = moved["now"] = timezone.now()
        if to == WorkshopStatus.CLOSED:
            locked.closed_at = now
        if to == WorkshopStatus.PAUSED:
            locked.paused_at = now
        elif locked.paused_at is not None:
            moved["since"] = locked.paused_at
            locked.paused_at = None

    refusal = _("Only editors close a workshop.") if to == WorkshopStatus.CLOSED else _(
        "Only the workshop's editors and facilitators run the rounds.")
    with transaction.atomic():
        locked = transitions.move(workshop, to=to, by=by, record=change, fields=["closed_at", "paused_at"],
                                  refusal=refusal)
        if "since" in moved and to == WorkshopStatus.OPEN:
            since = moved["since"]
            for round_ in WorkshopRound.objects.filter(workshop=locked, started_at__lte=since):
                if round_.ends_at > since:
                    round_.started_at += moved["now"] - since
                    round_.save(update_fields=["started_at"])
        verbs = {WorkshopStatus.CLOSED: (_("The workshop was closed."), "close"),
                 WorkshopStatus.PAUSED: (_("The workshop was paused."), "pause"),
                 WorkshopStatus.OPEN: (_("The workshop was resumed."), "resume")}
        summary, verb = verbs[to]
        record(by=by, action=f"workshops.workshop.{verb}", target=locked, summary=summary)
    workshop.closed_at, workshop.paused_at = locked.closed_at, locked.paused_at
    if hasattr(workshop, "_prefetched_objects_cache"):
        workshop._prefetched_objects_cache.pop("rounds", None)
    return locked


def pause(*, workshop, by):
    return move(workshop=workshop, to=WorkshopStatus.PAUSED, by=by)


def resume(*, workshop, by):
    return move(workshop=workshop, to=WorkshopStatus.OPEN, by=by)


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
    if workshop.paused_at is not None:
        raise ValidationError(_("The workshop is paused: notes are taken again when it resumes."))
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


NEW_THEME = "new"


@transaction.atomic
def contributions_place(*, workshop, by, placements, new_label: str = "") -> int:
    """Put notes into themes: ``placements`` pairs a note of ``workshop`` with a theme of it, with
    ``NEW_THEME`` (one new theme, labelled ``new_label``, takes them all) or with None (left where it
    is). The receiving themes count as curated. Returns how many notes were placed."""
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors edit themes."))
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    chosen = [(note, theme) for note, theme in placements if theme is not None]
    if not chosen:
        raise ValidationError(_("Choose a theme for at least one note."))
    if any(note.table.workshop_id != workshop.pk or (theme != NEW_THEME and theme.workshop_id != workshop.pk)
           for note, theme in chosen):
        raise PermissionDenied(_("Only editors edit themes."))
    # Read again under the lock: a theme merged away meanwhile cannot take notes.
    wanted = {theme.pk for _note, theme in chosen if theme != NEW_THEME}
    if len(wanted) != Theme.objects.filter(workshop=workshop, pk__in=wanted).count():
        raise ValidationError(_("A theme you chose was merged or removed meanwhile: choose again."))
    new_theme = None
    if any(theme == NEW_THEME for _note, theme in chosen):
        new_theme = theme_create(workshop=workshop, by=by, label=new_label or _("New contributions"))
    by_theme = {}
    for note, theme in chosen:
        by_theme.setdefault(new_theme if theme == NEW_THEME else theme, []).append(note.pk)
    for theme, pks in by_theme.items():
        Contribution.objects.filter(pk__in=pks).update(theme=theme, suggested_theme=None, is_representative=False)
    Theme.objects.filter(pk__in=[theme.pk for theme in by_theme]).update(curated=True)
    count = len(chosen)
    record(by=by, action="workshops.theme.place", target=workshop, summary=ngettext(
        "%(count)s note placed in a theme.", "%(count)s notes placed in themes.", count) % {"count": count},
        changes={"placed": [None, {str(theme): len(pks) for theme, pks in by_theme.items()}]})
    return count


@transaction.atomic
def theme_rename(*, theme, by, label):
    if not by.has_perm("workshops.manage", theme.workshop):
        raise PermissionDenied(_("Only editors edit themes."))
    label = (label or "").strip()
    if not label:
        raise ValidationError(_("A theme needs a label."))
    before = theme.label
    theme.label, theme.curated = label[:120], True
    theme.save(update_fields=["label", "curated"])
    record(by=by, action="workshops.theme.rename", target=theme.workshop, summary=theme.label,
           changes={"label": [before, theme.label]})


@transaction.atomic
def theme_merge(*, into, other, by):
    if not by.has_perm("workshops.manage", into.workshop) or into.workshop_id != other.workshop_id:
        raise PermissionDenied(_("Only editors edit themes."))
    # Theme edits of one workshop one at a time (placing notes takes the same lock).
    Workshop.objects.select_for_update().filter(pk=into.workshop_id).first()
    if Theme.objects.filter(pk__in=[into.pk, other.pk]).count() != 2:
        raise ValidationError(_("This theme no longer exists: it may have been merged into another."))
    Contribution.objects.filter(theme=other).update(theme=into)
    Contribution.objects.filter(suggested_theme=other).update(suggested_theme=into)
    DotVote.objects.filter(theme=other).update(theme=into)
    # The merged theme's action-plan links follow its notes and dots.
    for item in ActionItem.objects.filter(themes=other):
        item.themes.add(into)
    record(by=by, action="workshops.theme.merge", target=into.workshop,
           summary=_("“%(other)s” merged into “%(into)s”.") % {"other": other.label, "into": into.label})
    other.delete()
    Theme.objects.filter(pk=into.pk).update(curated=True)


@transaction.atomic
def theme_split(*, theme, by, contributions, label: str) -> Theme:
    """Split ``theme``: the chosen notes (some of its own) go to a new theme; its dots and links stay."""
    if not by.has_perm("workshops.manage", theme.workshop):
        raise PermissionDenied(_("Only editors edit themes."))
    Workshop.objects.select_for_update().filter(pk=theme.workshop_id).first()
    pks = {contribution.pk for contribution in contributions}
    own = set(Contribution.objects.filter(theme=theme).values_list("pk", flat=True))
    if not pks:
        raise ValidationError({"contributions": _("Choose the notes that go to the new theme.")})
    if not pks <= own:
        raise ValidationError({"contributions": _("Choose among this theme's notes.")})
    if not (label or "").strip():
        raise ValidationError({"label": _("A theme needs a label.")})
    new = Theme.objects.create(workshop=theme.workshop, label=label.strip()[:120], curated=True,
                               position=Theme.objects.filter(workshop=theme.workshop).count())
    Contribution.objects.filter(pk__in=pks).update(theme=new, is_representative=False)
    Theme.objects.filter(pk=theme.pk).update(curated=True)
    record(by=by, action="workshops.theme.split", target=theme.workshop,
           summary=ngettext("%(count)s note of “%(theme)s” moved to the new theme “%(new)s”.",
                            "%(count)s notes of “%(theme)s” moved to the new theme “%(new)s”.", len(pks)) % {
               "count": len(pks), "theme": theme.label, "new": new.label})
    return new


@transaction.atomic
def contribution_move(*, contribution, theme, by):
    """Move a contribution to another theme (or to a new one: splitting a theme)."""
    if not by.has_perm("workshops.manage", theme.workshop) or \
            contribution.table.workshop_id != theme.workshop_id:
        raise PermissionDenied(_("Only editors edit themes."))
    Workshop.objects.select_for_update().filter(pk=theme.workshop_id).first()
    if not Theme.objects.filter(pk=theme.pk).exists():
        raise ValidationError(_("This theme no longer exists: it may have been merged into another."))
    before = contribution.theme
    Theme.objects.filter(pk__in=[pk for pk in (contribution.theme_id, theme.pk) if pk]).update(curated=True)
    contribution.theme, contribution.suggested_theme = theme, None
    contribution.save(update_fields=["theme", "suggested_theme"])
    record(by=by, action="workshops.theme.move_note", target=theme.workshop, summary=contribution.text[:200],
           changes={"theme": [str(before) if before else None, str(theme)]})


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


@transaction.atomic
def action_add(*, workshop, by, title, description="", owner="", due_on=None, themes=()) -> ActionItem:
    if not by.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors write the action plan."))
    if not (title or "").strip():
        raise ValidationError(_("An action needs a title."))
    item = ActionItem.objects.create(workshop=workshop, title=title.strip()[:200], description=description or "",
                                     owner=owner or "", due_on=due_on, position=workshop.action_items.count())
    item.themes.set(themes)
    record(by=by, action="workshops.actionitem.add", target=workshop, summary=item.title)
    return item


@transaction.atomic
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
    record(by=by, action="workshops.actionitem.to_activity", target=item.workshop,
           summary=_("“%(title)s” became an activity of %(plan)s.") % {"title": item.title, "plan": plan})
    return activity
