"""What is true of a motion, as `rules` predicates (who a user is: accounts and network predicates)."""

import rules
from django.utils import formats, timezone
from django.utils.translation import gettext as _


@rules.predicate
def motion_is_draft(user, motion):
    from .models import MotionStatus

    return motion is not None and motion.status == MotionStatus.DRAFT


@rules.predicate
def motion_window_ended(user, motion):
    return motion is not None and motion.closes_at <= timezone.now()


@rules.predicate
def motion_accepts_votes(user, motion):
    return motion is not None and motion.is_accepting_votes()


def when(moment) -> str:
    """A moment in the active language, Bucharest time: "6 March 2020 at 18:00"."""
    local = timezone.localtime(moment)
    return _("%(date)s at %(time)s") % {"date": formats.date_format(local, "j F Y"),
                                        "time": formats.time_format(local, "H:i")}


def closed_message(motion) -> str:
    """Why a motion takes no vote now, with the time it closed (or opens)."""
    from .models import MotionStatus

    now = timezone.now()
    if motion.status == MotionStatus.DRAFT:
        return _("This motion is not open for voting yet.")
    if motion.is_closed(now):
        return _("Voting closed on %(when)s.") % {"when": when(motion.closes_at)}
    return _("Voting opens on %(when)s.") % {"when": when(motion.opens_at)}
