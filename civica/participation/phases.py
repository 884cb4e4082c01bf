"""What each kind of phase allows, declared in one registry (not coded into views).

A phase stores its kind's key; permissions ask "does the active phase allow X?"
(see predicates.py). Other apps may register more kinds; tests use ``temporarily``.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class Action(StrEnum):
    CREATE_IDEA = "create_idea"
    SUPPORT = "support"
    COMMENT = "comment"
    CONVERSE = "converse"  # vote on a conversation's statements and submit statements (conversations/)


@dataclass(frozen=True)
class PhaseContent:
    key: str
    name: str
    description: str
    actions: frozenset


class PhaseRegistry:
    def __init__(self):
        self._contents: dict[str, PhaseContent] = {}

    def register(self, content: PhaseContent) -> PhaseContent:
        if content.key in self._contents:
            raise ValueError(f"phase content {content.key!r} is registered already")
        self._contents[content.key] = content
        return content

    def __getitem__(self, key: str) -> PhaseContent:
        return self._contents[key]

    def __contains__(self, key: str) -> bool:
        return key in self._contents

    def choices(self):
        return [(content.key, content.name) for content in self._contents.values()]

    @contextmanager
    def temporarily(self, content: PhaseContent):
        self.register(content)
        try:
            yield content
        finally:
            del self._contents[content.key]


phase_contents = PhaseRegistry()


def validate_phase_kind(value):
    if value not in phase_contents:
        raise ValidationError(_("%(value)s is not a kind of phase."), params={"value": value})


INFORMATION = phase_contents.register(PhaseContent(
    "information", _("Information"), _("Read about the consultation and follow it."), frozenset(),
))
IDEAS = phase_contents.register(PhaseContent(
    "ideas", _("Ideas"), _("Propose ideas, support and comment on the ideas of others."),
    frozenset({Action.CREATE_IDEA, Action.SUPPORT, Action.COMMENT}),
))
DEBATE = phase_contents.register(PhaseContent(
    "debate", _("Debate"), _("Discuss the ideas: comment, argue for or against."), frozenset({Action.COMMENT}),
))
VOTING = phase_contents.register(PhaseContent(
    "voting", _("Voting"), _("Support the ideas you want to see happen."), frozenset({Action.SUPPORT}),
))
RESULTS = phase_contents.register(PhaseContent(
    "results", _("Results"), _("See the official answers and what became of the ideas."), frozenset(),
))
POLL = phase_contents.register(PhaseContent(
    "poll", _("Poll or survey"), _("Answer the poll or the survey of the consultation."), frozenset(),
))
CONVERSATION = phase_contents.register(PhaseContent(
    "conversation", _("Conversation"),
    _("Vote agree, disagree or pass on short statements, add your own, and see the map of opinions."),
    frozenset({Action.CONVERSE}),
))
