"""Writes of the network app: what takes the centre's spaces. A space is never double-booked:
every write that takes a space's time locks the space's row, then checks and saves in the same
transaction (the rules themselves are plain data in ``availability``)."""

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import selectors
from .availability import Slot, clashes


def _when(slot: Slot) -> str:
    starts, ends = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    if starts.date() == ends.date():
        return _("on %(day)s, %(start)s–%(end)s") % {
            "day": formats.date_format(starts, "j F Y"), "start": formats.time_format(starts, "H:i"),
            "end": formats.time_format(ends, "H:i")}
    return _("from %(start)s to %(end)s") % {"start": formats.date_format(starts, "j F Y, H:i"),
                                        "end": formats.date_format(ends, "j F Y, H:i")}


def _holder(slot: Slot) -> str:
    return _("the meeting “%(title)s”") % {"title": slot.holder.translated("title")}


def meeting_place_check(*, space, starts_at, ends_at, meeting=None) -> None:
    """Refuse (ValidationError on ``space``) a meeting that would share time in ``space`` with anything
    else held there. Call it under the space's row lock to be sure (as ``meetings.services.meeting_save``
    does); forms call it without, to show the clash next to the field."""
    if space is None or starts_at is None or ends_at is None or ends_at <= starts_at:
        return
    taken = clashes(Slot(starts_at, ends_at), selectors.space_taken(space, starts_at=starts_at, ends_at=ends_at,
                                                                    except_meeting=meeting))
    if taken:
        raise ValidationError({"space": _("%(space)s is taken %(when)s by %(holder)s.") % {
            "space": space.translated("name"), "when": _when(taken[0]), "holder": _holder(taken[0])}})
