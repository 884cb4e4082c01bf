"""Rows of the motions' tests: the General Assembly and motions in each state."""

import datetime

from django.utils import timezone

from civica.governance.models import Body, BodyRole, HeldBy
from civica.governance.motions import services
from civica.governance.motions.models import Motion, MotionKind, MotionOption, MotionStatus


def general_assembly() -> Body:
    body, _created = Body.objects.get_or_create(slug="adunarea-generala", defaults={
        "name_ro": "Adunarea Generală a Membrilor", "name_en": "General Assembly of Members",
        "role": BodyRole.DECISION_MAKING, "held_by": HeldBy.ORGANISATIONS})
    return body


def make_motion(*, state="open", kind=MotionKind.FOR_AGAINST, choices=(), **fields) -> Motion:
    """A motion ``state``: "draft", "open" (closes in a day), "not_yet" (opens in a day), "ended"
    (its window ended, the close not recorded yet) or "closed" (recorded)."""
    now = timezone.now()
    day = datetime.timedelta(days=1)
    opens_at, closes_at = {"not_yet": (now + day, now + 2 * day), "ended": (now - 2 * day, now - day),
                           "closed": (now - 2 * day, now - day)}.get(state, (now - day, now + day))
    motion = Motion.objects.create(
        body=fields.pop("body", None) or general_assembly(), title_ro=fields.pop("title_ro", "Moțiunea"),
        title_en=fields.pop("title_en", "The motion"), text_ro="Textul moțiunii.", text_en="The motion's text.",
        kind=kind, opens_at=opens_at, closes_at=closes_at,
        status=MotionStatus.DRAFT if state == "draft" else (
            MotionStatus.CLOSED if state == "closed" else MotionStatus.OPEN),
        electorate=None if state == "draft" else fields.pop("electorate", 4), **fields)
    if kind == MotionKind.CHOICE:
        labels = [(label, label) for label in choices or ("A", "B", "C")]
        MotionOption.objects.bulk_create(MotionOption(motion=motion, label_ro=ro, label_en=en, position=index)
                                         for index, (ro, en) in enumerate(labels))
    else:
        MotionOption.objects.bulk_create(
            MotionOption(motion=motion, key=key, label_ro=ro, label_en=en, position=index)
            for index, (key, ro, en) in enumerate(services.FOR_AGAINST_OPTIONS))
    return motion


def option(motion, key):
    return motion.options.get(key=key)
