"""Reads of motions and votes for the pages (each a fixed number of queries, whatever the count)."""

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from civica.network.models import Organisation, Relationship

from . import tally
from .models import Motion, MotionKind, MotionOption, MotionStatus, MotionVote


def motions_for(user):
    """The motions ``user`` may see, latest first, with their body and how many organisations voted."""
    return (Motion.objects.visible_to(user).select_related("body")
            .annotate(vote_count=Count("votes")).order_by("-closes_at", "-pk"))


def motion_for(user, pk) -> Motion | None:
    """The motion ``pk`` when ``user`` may see it; None alike for a missing one and a hidden draft."""
    motion = (Motion.objects.select_related("body", "meeting", "approves_plan")
              .prefetch_related(Prefetch("options", queryset=MotionOption.objects.order_by("position", "pk")),
                                "documents")
              .annotate(vote_count=Count("votes")).filter(pk=pk).first())
    if motion is None or not user.has_perm("governance.see_motion", motion):
        return None
    return motion


def result(motion: Motion) -> tally.Result:
    """The tally of ``motion``'s votes (one query; the options are prefetched by ``motion_for``)."""
    counts = dict(MotionVote.objects.filter(motion=motion).values("option").annotate(n=Count("pk"))
                  .values_list("option", "n"))
    options = list(motion.options.all())
    return tally.tally(
        counts=[tally.Count(option=option, key=option.key, votes=counts.get(option.pk, 0)) for option in options],
        electorate=motion.electorate or 0, quorum_percent=motion.quorum_percent, majority=motion.majority,
        choice=motion.kind == MotionKind.CHOICE)


def voting_organisations(user, motion: Motion) -> list[Organisation]:
    """The member organisations ``user`` represents now, each with ``vote`` (its vote on ``motion`` or
    None), for the vote form and "your organisation's vote"."""
    if not user.is_authenticated:
        return []
    organisations = list(Organisation.objects.filter(representatives__user=user, relationship=Relationship.MEMBER)
                         .order_by("name"))
    votes = {vote.organisation_id: vote for vote in MotionVote.objects.filter(
        motion=motion, organisation__in=organisations).select_related("option", "cast_by")}
    for organisation in organisations:
        organisation.vote = votes.get(organisation.pk)
    return organisations


def plan_approval(plan):
    """``(text, url)`` of the adopted, closed motion that approved ``plan``, or None (accountability's
    registry asks, for the plan page)."""
    from civica.accountability.registry import Approval

    for motion in (Motion.objects.filter(approves_plan=plan, status=MotionStatus.CLOSED).select_related("body")
                   .prefetch_related("options").order_by("closes_at")):
        if result(motion).adopted:
            return Approval(_("approved by %(body)s, motion “%(motion)s”") % {
                "body": motion.body.translated("name"), "motion": motion.translated("title")},
                motion.get_absolute_url())
    return None
