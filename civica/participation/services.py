"""Writes on consultations. Every function checks the permission it needs.

Ideas: ``idea_create`` (a one-time form key makes a double submission create one idea; its author follows
it; the process's followers are told), ``idea_update`` (refused once supported or commented, checked again
under a row lock), ``idea_support`` (a unique constraint and an ``F()`` counter in one transaction; the
per-person cap held by locking the person's row; proven by parallel tests on PostgreSQL),
``idea_withdraw_support``, ``idea_answer`` (the official answer: the status moves through core's ``move``,
a rejection needs a reason; the author and the idea's followers are told). The ones that create an idea
or change its category or status move it in its process's ``IdeaTally`` in the same transaction
(``idea_tally_move``); ``idea_tally_recount`` rebuilds a tally after writes that go around them.

Pre-moderation (``Process.contributions_wait``; civica.moderation): ``idea_create`` holds a new idea for
a moderator (hidden, "awaiting review"; the process's followers are told only by ``idea_published``, on
approval); ``idea_update`` of a rejected idea, or of an approved one while the process's contributions
wait, sends it back to the moderators. A waiting idea is in
its process's tally as a hidden one is: ``selectors.idea_count`` leaves hidden ideas out for the public.

Running consultations (editors): ``process_create`` (a draft from a blueprint, a unique slug never
"manage" or "new"), ``process_update``, ``process_publish`` / ``process_unpublish`` (publishing refuses a
process without phases, or with phases outside its dates or overlapping: ``schedule.schedule_problems``),
``phases_save`` (ordered; a phase with a poll is not removed), ``categories_save`` (a removed category
leaves its ideas uncategorised), ``debate_create`` / ``debate_update``. Polls' writes are in
``polls.services``."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.audit import services as audit
from civica.core import refusals, transitions
from civica.moderation import services as moderation
from civica.notifications.selectors import followers
from civica.notifications.services import follow_set, notify

from .models import (
    Category,
    Debate,
    Idea,
    IdeaStatus,
    IdeaTally,
    Phase,
    Poll,
    Process,
    Support,
)
from .schedule import phase_label, publish_problems

DOUBLE_SUBMIT_WINDOW = datetime.timedelta(seconds=30)
IDEA_FIELDS = ("title", "body", "category", "location", "latitude", "longitude", "image", "image_alt", "attachment")


def _lock_tally(process_id) -> None:
    # FOR NO KEY UPDATE: it waits for another tally change of the same process but not for the
    # key-share lock every new idea's foreign key takes on the process row (two ideas created at once
    # would otherwise deadlock, each upgrading its share lock while the other holds one).
    Process.objects.select_for_update(no_key=True).filter(pk=process_id).values_list("pk", flat=True).first()


def idea_tally_move(*, process_id, before=None, after=None) -> None:
    """An idea leaves the tally's row ``before`` and joins ``after`` (each a ``(category_id, status)``
    pair, None for an idea created or deleted). Call it inside the write's transaction."""
    if before == after:
        return
    # Its own transaction when called outside one (a factory in a test that commits), no savepoint inside one.
    with transaction.atomic(savepoint=False):
        _lock_tally(process_id)
        for key, delta in ((before, -1), (after, 1)):
            if key is None:
                continue
            row = {"process_id": process_id, "category_key": key[0] or 0, "status": key[1]}
            if not IdeaTally.objects.filter(**row).update(count=F("count") + delta):
                IdeaTally.objects.create(**row, count=delta)


def idea_tally_recount(*, process) -> None:
    """Rebuild ``process``'s tally from its ideas (one grouped count), after writes that bypass
    ``idea_tally_move``: bulk creation, a removed category, a person's erasure, the admin."""
    with transaction.atomic():
        _lock_tally(process.pk)
        rows = (Idea.objects.filter(process=process).order_by().values("category_id", "status")
                .annotate(ideas=Count("pk")))
        IdeaTally.objects.filter(process=process).delete()
        IdeaTally.objects.bulk_create([
            IdeaTally(process=process, category_key=row["category_id"] or 0, status=row["status"], count=row["ideas"])
            for row in rows
        ])


def _tally_key(idea):
    return (idea.category_id, idea.status)


def idea_create(*, process, by, submission_key=None, **fields) -> Idea:
    refusals.check(by, "participation.propose_idea", process)
    if submission_key is not None:
        existing = Idea.objects.filter(author=by, submission_key=submission_key).first()
        if existing is not None:
            return existing
    idea = Idea(process=process, author=by, submission_key=submission_key,
                **{name: value for name, value in fields.items() if name in IDEA_FIELDS})
    idea.full_clean()
    waits = moderation.review_hold(idea)
    try:
        with transaction.atomic():
            idea.save()
            idea_tally_move(process_id=process.pk, after=_tally_key(idea))
            follow_set(by=by, target=idea, following=True)
            if waits:
                moderation.review_submitted(idea)
    except IntegrityError:
        # The same form was submitted twice at once: the first one won.
        return Idea.objects.get(author=by, submission_key=submission_key)
    if not waits:
        _tell_process_followers(idea)
    return idea


def _tell_process_followers(idea) -> None:
    process = idea.process
    notify(recipients=followers(process), exclude=[idea.author], url=idea.get_absolute_url(),
           message=lambda: _('New idea in "%(process)s": %(title)s') % {"process": process.translated("title"),
                                                                         "title": idea.title})


def idea_published(idea) -> None:
    """A waiting idea a moderator approved (``moderation.services.review_decide``, in its transaction):
    the process's followers are told now. (It was in the tally already, hidden.)"""
    _tell_process_followers(idea)


def idea_update(*, idea, by, **fields) -> Idea:
    refusals.check(by, "participation.edit_idea", idea)
    for name, value in fields.items():
        if name in IDEA_FIELDS:
            setattr(idea, name, value)
    idea.full_clean()
    with transaction.atomic():
        # Re-check under a lock: a support or comment may have arrived since the form was shown.
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        refusals.check(by, "participation.edit_idea", locked)
        # The state read under the lock: a moderator may have approved or rejected it meanwhile.
        idea.review_state, idea.is_hidden = locked.review_state, locked.is_hidden
        moderation.review_changed(locked=locked, by=by)
        idea.review_state, idea.is_hidden = locked.review_state, locked.is_hidden
        idea.save()
        idea_tally_move(process_id=idea.process_id, before=_tally_key(locked), after=_tally_key(idea))
    return idea


def idea_support(*, idea, by) -> bool:
    """Add ``user``'s support; False if they had supported it already. Safe under concurrency:
    the unique constraint refuses a second row, the counter moves by F() in the same transaction."""
    if Support.objects.filter(idea=idea, user=by).exists():
        return False
    refusals.check(by, "participation.support_idea", idea)
    try:
        with transaction.atomic():
            if idea.process.supports_per_person is not None:
                # One person's supports are counted one request at a time (asked again under the
                # lock), so the cap holds.
                get_user_model().objects.select_for_update().filter(pk=by.pk).first()
                refusals.check(by, "participation.support_idea", idea)
            Support.objects.create(idea=idea, user=by)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    idea.refresh_from_db(fields=["support_count"])
    return True


def idea_withdraw_support(*, idea, by) -> bool:
    if not by.has_perm("participation.withdraw_support", idea):
        raise PermissionDenied(_("Supports can no longer be withdrawn: the support phase is over."))
    with transaction.atomic():
        deleted, _details = Support.objects.filter(idea=idea, user=by).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    idea.refresh_from_db(fields=["support_count"])
    return bool(deleted)


def idea_answer(*, idea, by, status, answer: str) -> Idea:
    """The official answer of the centre: moves the idea's status along IDEA_TRANSITIONS (core's
    ``move``); answering again with the same status changes only the answer."""
    if not by.has_perm("participation.answer_idea", idea):
        raise PermissionDenied(_("Only the moderators of this consultation may answer ideas officially."))
    status = IdeaStatus(status)
    answer = (answer or "").strip()

    def check(locked):
        if status == IdeaStatus.REJECTED and not answer:
            raise ValidationError(_("Say why the idea is rejected: the reason is required."))

    def record(locked):
        locked.status, locked.answer, locked.answered_at, locked.answered_by = status, answer, timezone.now(), by

    fields = ["status", "answer", "answered_at", "answered_by", "updated_at"]
    with transaction.atomic():
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        before = _tally_key(locked)
        if locked.status == status:
            check(locked)
            record(locked)
            locked.save(update_fields=fields)
        else:
            locked = transitions.move(locked, to=status, by=by, check=check, record=record, fields=fields)
        idea_tally_move(process_id=locked.process_id, before=before, after=_tally_key(locked))
    idea.status, idea.answer, idea.answered_at, idea.answered_by = status, answer, locked.answered_at, by
    notify(recipients=[idea.author, *followers(idea)], exclude=[by], url=idea.get_absolute_url(),
           message=lambda: _('Official answer to "%(title)s": %(status)s') % {"title": idea.title,
                                                                              "status": status.label})
    return idea




# --- Running consultations (editors) --------------------------------------------------------

RESERVED_SLUGS = {"manage", "new"}
# The verification level each action needs (civica.verification).
LEVEL_FIELDS = ("level_propose", "level_support", "level_comment", "level_poll", "level_converse",
                "level_register")
PROCESS_FIELDS = ("title_ro", "title_en", "summary_ro", "summary_en", "body_ro", "body_en", "hero_image",
                  "hero_image_alt", "scope", "programme", "starts_on", "ends_on", "supports_per_person",
                  "report_threshold", "contributions_wait", *LEVEL_FIELDS)


def _bump(model, pk, field, delta):
    model.objects.filter(pk=pk).update(**{field: F(field) + delta})


def _require(user, permission, obj=None, message=None):
    if not user.has_perm(permission, obj):
        raise PermissionDenied(message or _("Only the centre's editors run consultations."))


def _unique_slug(title: str) -> str:
    from django.utils.text import slugify

    base = (slugify(title)[:90].strip("-") or "consultare")
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Process.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def process_create(*, blueprint, title_ro: str, starts_on, ends_on, by, title_en: str = "",
                   summary_ro: str = "", summary_en: str = "", scope: str = Process.Scope.CITY) -> Process:
    """A draft process with the phases of ``blueprint`` spread over its dates."""
    from . import blueprints

    _require(by, "participation.create_process")
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The consultation cannot end before it starts.")})
    process = Process(slug=_unique_slug(title_ro), title_ro=title_ro.strip(), title_en=(title_en or "").strip(),
                      summary_ro=(summary_ro or "").strip(), summary_en=(summary_en or "").strip(), scope=scope,
                      starts_on=starts_on, ends_on=ends_on, is_published=False, created_by=by)
    process.full_clean()
    with transaction.atomic():
        process.save()
        Phase.objects.bulk_create([
            Phase(process=process, kind=planned.kind, position=planned.position, starts_at=planned.starts_at,
                  ends_at=planned.ends_at)
            for planned in blueprints.plan(blueprint, starts_on=starts_on, ends_on=ends_on)
        ])
    return process


def process_update(*, process, by, tags=None, goals=None, **fields) -> Process:
    """Change what the process says and when it runs. A published process keeps its phases
    inside its dates: dates that would leave one outside are refused."""
    _require(by, "participation.manage_process", process)
    for name, value in fields.items():
        if name in PROCESS_FIELDS:
            setattr(process, name, value)
    process.full_clean()
    if process.is_published:
        problems = publish_problems(process)
        if problems:
            raise ValidationError(problems)
    with transaction.atomic():
        process.save()
        if tags is not None:
            process.tags.set(tags)
        if goals is not None:
            process.goals.set(goals)
        if process.is_published:  # what the public reads changed
            audit.record(by=by, action="participation.process.change", target=process,
                         summary=", ".join(sorted(name for name in fields if name in PROCESS_FIELDS)))
    return process


def process_publish(*, process, by) -> Process:
    _require(by, "participation.publish_process", process)
    problems = publish_problems(process)
    if problems:
        raise ValidationError(problems)
    process.is_published = True
    with transaction.atomic():
        process.save(update_fields=["is_published"])
        audit.record(by=by, action="participation.process.publish", target=process)
    return process


def process_unpublish(*, process, by) -> Process:
    _require(by, "participation.publish_process", process)
    process.is_published = False
    with transaction.atomic():
        process.save(update_fields=["is_published"])
        audit.record(by=by, action="participation.process.unpublish", target=process)
    return process


def phases_save(*, process, by, phases: list[dict]) -> list[Phase]:
    """Replace the process's phases by ``phases``, in the order given: each a dict with ``id``
    (None for a new phase), ``kind``, ``name_ro``, ``name_en``, ``starts_at``, ``ends_at``.
    Phases not listed are removed, unless a poll runs in them."""
    _require(by, "participation.manage_process", process)
    existing = {phase.pk: phase for phase in process.phases.all()}
    rows = []
    for position, values in enumerate(phases):
        phase = existing.get(values.get("id")) if values.get("id") else None
        if values.get("id") and phase is None:
            raise ValidationError(_("A phase was removed meanwhile: reload the page."))
        phase = phase or Phase(process=process)
        phase.kind, phase.starts_at, phase.ends_at = values.get("kind"), values.get("starts_at"), values.get("ends_at")
        phase.name_ro, phase.name_en = values.get("name_ro") or "", values.get("name_en") or ""
        phase.position = position
        phase.full_clean(exclude=["process"])
        rows.append(phase)
    from .schedule import schedule_problems

    problems = schedule_problems(starts_on=process.starts_on, ends_on=process.ends_on, phases=rows)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    if process.is_published and not rows:
        raise ValidationError(_("A published consultation needs at least one phase."))
    kept = {phase.pk for phase in rows if phase.pk}
    removed = [pk for pk in existing if pk not in kept]
    with_polls = set(Poll.objects.filter(phase_id__in=removed).values_list("phase_id", flat=True))
    if with_polls:
        raise ValidationError(_("%(phases)s cannot be removed: a poll runs in it. Move or remove the poll first.")
                              % {"phases": ", ".join(phase_label(existing[pk]) for pk in sorted(with_polls))})
    with transaction.atomic():
        Phase.objects.filter(pk__in=removed).delete()
        for phase in rows:
            phase.save()
    return rows


def categories_save(*, process, by, categories: list[dict]) -> list[Category]:
    """Replace the process's categories: dicts with ``id`` (None for new), ``name_ro``, ``name_en``.
    A category removed leaves its ideas in place, uncategorised."""
    _require(by, "participation.manage_process", process)
    existing = {category.pk: category for category in process.categories.all()}
    rows = []
    for values in categories:
        category = existing.get(values.get("id")) if values.get("id") else Category(process=process)
        if category is None:
            raise ValidationError(_("A category was removed meanwhile: reload the page."))
        category.name_ro = (values.get("name_ro") or "").strip()
        category.name_en = (values.get("name_en") or "").strip()
        category.full_clean(exclude=["process"])
        rows.append(category)
    kept = {category.pk for category in rows if category.pk}
    with transaction.atomic():
        # Ideas keep their place: the foreign key is SET_NULL.
        removed, _details = Category.objects.filter(pk__in=[pk for pk in existing if pk not in kept]).delete()
        for category in rows:
            category.save()
        if removed:
            idea_tally_recount(process=process)
    return rows


def debate_create(*, process, by, question: str, description: str = "", question_en: str = "",
                  description_en: str = "") -> Debate:
    _require(by, "participation.manage_debate", process)
    debate = Debate(process=process, question=(question or "").strip(), description=(description or "").strip(),
                    question_en=(question_en or "").strip(), description_en=(description_en or "").strip(),
                    created_by=by)
    debate.full_clean()
    debate.save()
    return debate


def debate_update(*, debate, by, question: str, description: str = "", question_en: str = "",
                  description_en: str = "") -> Debate:
    _require(by, "participation.manage_debate", debate)
    debate.question = (question or "").strip()
    debate.description = (description or "").strip()
    debate.question_en = (question_en or "").strip()
    debate.description_en = (description_en or "").strip()
    debate.full_clean()
    debate.save(update_fields=["question", "description", "question_en", "description_en"])
    return debate
