"""Writes of motions and votes. Every write that counts or changes a status locks the motion's row
and re-checks under the lock (``vote_cast`` also locks the voter's representation, so a
representative removed at the same moment never votes).

- ``motion_create``: an editor writes a draft with its options (for/against/abstain are made for a
  for/against motion) and its documents (PDFs checked by content).
- ``motion_open``: draft → open (``MOTION_TRANSITIONS``), snapshotting the number of member
  organisations (the electorate that turnout and quorum are shares of).
- ``motion_close``: open → closed once the window has ended (the beat task, ``tasks.py``).
- ``vote_cast``: one vote per member organisation, final once cast."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.accountability import services as accountability_services
from civica.core import refusals, transitions
from civica.core.uploads import check_pdf
from civica.network.models import Organisation, Relationship, Representation

from . import tally
from .models import Motion, MotionDocument, MotionKind, MotionOption, MotionStatus, MotionVote
from .predicates import closed_message, when

FOR_AGAINST_OPTIONS = [(tally.FOR, "Pentru", "For"), (tally.AGAINST, "Împotrivă", "Against"),
                       (tally.ABSTAIN, "Abținere", "Abstain")]


def motion_create(*, body, title_ro: str, text_ro: str, opens_at, closes_at, by, title_en: str = "",
                  text_en: str = "", kind: str = MotionKind.FOR_AGAINST, choices=(), quorum_percent: int = 50,
                  majority: str = "simple", meeting=None, approves_plan=None, documents=()) -> Motion:
    """A draft motion of ``body``. ``choices``: ``(label_ro, label_en)`` of each option of a choice;
    ``documents``: ``(title, uploaded file)`` pairs."""
    refusals.check(by, "governance.edit_motions", otherwise=_("Motions are written by the centre's editors."))
    errors = {}
    if closes_at <= opens_at:
        errors["closes_at"] = [_("Voting must close after it opens.")]
    choices = [(ro.strip(), (en or "").strip()) for ro, en in choices if (ro or "").strip()]
    if kind == MotionKind.CHOICE and len(choices) < 2:
        errors["choices"] = [_("A choice needs at least two options.")]
    for _title, upload in documents:
        try:
            check_pdf(upload)
        except ValidationError as problem:
            errors.setdefault("document", []).extend(problem.messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        motion = Motion.objects.create(
            body=body, title_ro=title_ro.strip(), title_en=title_en.strip(), text_ro=text_ro.strip(),
            text_en=text_en.strip(), kind=kind, opens_at=opens_at, closes_at=closes_at, quorum_percent=quorum_percent,
            majority=majority, meeting=meeting, approves_plan=approves_plan, created_by=by)
        if kind == MotionKind.CHOICE:
            options = [MotionOption(motion=motion, label_ro=ro, label_en=en, position=index)
                       for index, (ro, en) in enumerate(choices)]
        else:
            options = [MotionOption(motion=motion, key=key, label_ro=ro, label_en=en, position=index)
                       for index, (key, ro, en) in enumerate(FOR_AGAINST_OPTIONS)]
        MotionOption.objects.bulk_create(options)
        for title, upload in documents:
            MotionDocument.objects.create(motion=motion, title=(title or "").strip() or upload.name, file=upload)
    return motion


def motion_open(*, motion: Motion, by) -> Motion:
    """Open ``motion`` for voting: its window starts counting, and the electorate is the member
    organisations now."""
    def record(locked):
        locked.status = MotionStatus.OPEN
        locked.electorate = Organisation.objects.members().count()

    return transitions.move(motion, to=MotionStatus.OPEN, by=by, record=record, timestamp="opened_at",
                            fields=["status", "electorate"],
                            refusal=_("Motions are opened by the centre's editors."))


def motion_close(*, motion: Motion, by=None) -> Motion:
    """Record that ``motion`` closed (its window has ended; pages treat it as closed already)."""
    with transaction.atomic():
        closed = transitions.move(motion, to=MotionStatus.CLOSED, by=by or AnonymousUser(), timestamp="closed_at",
                                  refusal=_("A motion closes when its voting window ends."))
        if closed.approves_plan_id:
            # The plan's page shows the approving motion once it has closed (accountability's registry).
            accountability_services.pages_changed(plan=closed.approves_plan)
    return closed


def vote_cast(*, motion: Motion, organisation: Organisation, option_id: int, by) -> MotionVote:
    """``organisation``'s vote on ``motion``, cast by ``by``, one of its current representatives.

    Under the lock of the motion's row the window, the status, the representation and the
    organisation's membership are read again, and whether the organisation has voted: the first
    representative's vote counts, the second is told who voted and when (a vote is final)."""
    refusals.check(by, "governance.vote_on_motion", motion)
    with transaction.atomic():
        locked = Motion.objects.select_for_update().get(pk=motion.pk)
        if not locked.is_accepting_votes(timezone.now()):
            raise PermissionDenied(closed_message(locked))
        # The representation as it is now (not as the request remembered it): a representative who has
        # left the organisation, or an organisation no longer a member, has no vote.
        representation = (Representation.objects.select_for_update()
                          .filter(user=by, organisation=organisation, organisation__relationship=Relationship.MEMBER)
                          .first())
        if representation is None:
            raise PermissionDenied(_("You may vote only for a member organisation you represent."))
        option = locked.options.filter(pk=option_id).first()
        if option is None:
            raise ValidationError({"option": [_("Choose one of the motion's options.")]})
        earlier = MotionVote.objects.filter(motion=locked, organisation=organisation).select_related("cast_by").first()
        if earlier is not None:
            raise ValidationError(already_voted_message(earlier))
        try:
            with transaction.atomic():
                return MotionVote.objects.create(motion=locked, organisation=organisation, option=option, cast_by=by)
        except IntegrityError:  # the unique constraint, should two writers ever pass the lock together
            raise ValidationError(_("%(organisation)s has already voted on this motion.") % {
                "organisation": organisation.name}) from None


def already_voted_message(vote: MotionVote) -> str:
    return _("%(organisation)s has already voted on this motion, on %(when)s: a vote is final.") % {
        "organisation": vote.organisation.name, "when": when(vote.cast_at)}
