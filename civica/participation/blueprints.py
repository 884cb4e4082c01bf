"""Process blueprints: a catalogue of phase sequences an editor starts a consultation from.

Keyed by an enum; each step is a kind of phase from the registry and a weight, its share of the
process's time. ``plan`` lays the steps over the process's dates; the editor adjusts afterwards.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from .phases import phase_contents
from .schedule import spread


class Blueprint(StrEnum):
    IDEAS_THEN_VOTING = "ideas_then_voting"
    DEBATE_ONLY = "debate_only"
    FULL_CONSULTATION = "full_consultation"
    POLL_ONLY = "poll_only"
    CONVERSATION = "conversation"


@dataclass(frozen=True)
class Step:
    kind: str
    weight: int = 1


@dataclass(frozen=True)
class BlueprintSpec:
    key: Blueprint
    title: str
    description: str
    steps: tuple[Step, ...]


BLUEPRINTS: dict[Blueprint, BlueprintSpec] = {spec.key: spec for spec in (
    BlueprintSpec(
        Blueprint.FULL_CONSULTATION, _("Full consultation"),
        _("Information, then ideas, debate, voting and the results: the whole path of a public consultation."),
        (Step("information", 1), Step("ideas", 3), Step("debate", 2), Step("voting", 2), Step("results", 1)),
    ),
    BlueprintSpec(
        Blueprint.IDEAS_THEN_VOTING, _("Ideas, then voting"),
        _("Residents propose ideas and comment on them, then support the ones they want to see happen."),
        (Step("ideas", 3), Step("voting", 2)),
    ),
    BlueprintSpec(
        Blueprint.DEBATE_ONLY, _("Debate only"),
        _("One open debate: arguments for and against, and comments."),
        (Step("debate", 1),),
    ),
    BlueprintSpec(
        Blueprint.POLL_ONLY, _("Poll or survey only"),
        _("A poll or a survey, open for the whole consultation; add its questions afterwards."),
        (Step("poll", 1),),
    ),
    BlueprintSpec(
        Blueprint.CONVERSATION, _("Conversation and opinion map"),
        _("Information, then a conversation: residents vote on short statements and add their own, and the "
          "map shows the groups of opinion and what they share; then the results."),
        (Step("information", 1), Step("conversation", 3), Step("results", 1)),
    ),
)}


def choices():
    return [(spec.key.value, spec.title) for spec in BLUEPRINTS.values()]


@dataclass(frozen=True)
class PlannedPhase:
    kind: str
    position: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime


def plan(blueprint: Blueprint | str, *, starts_on: datetime.date, ends_on: datetime.date) -> list[PlannedPhase]:
    """The phases of ``blueprint`` spread over the process, in order, back to back."""
    spec = BLUEPRINTS[Blueprint(blueprint)]
    for step in spec.steps:
        if step.kind not in phase_contents:
            raise ValueError(f"blueprint {spec.key} uses an unknown kind of phase: {step.kind}")
    windows = spread(starts_on, ends_on, [step.weight for step in spec.steps])
    return [PlannedPhase(step.kind, position, starts_at, ends_at)
            for position, (step, (starts_at, ends_at)) in enumerate(zip(spec.steps, windows, strict=True))]
