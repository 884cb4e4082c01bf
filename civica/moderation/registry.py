"""Which models can be reported and moderated, and what moderation needs to know about them.

An app makes its model moderatable by registering it (participation does for ideas and debates in its
``rules.py``, comments for comments)::

    moderatables.register(Moderatable(
        model=Idea, kind="ideas", scope_of=lambda idea: idea.process, scope_field="process",
        describe=lambda idea: _('your idea "%(title)s"') % {"title": idea.title},
        moderate_url=lambda idea: reverse("participation:moderate", args=[...]),
        report_threshold=lambda idea: idea.process.report_threshold,
    ))

The model has ``is_hidden``. Its **scope** is the object whose moderators decide (``None``: the site's
moderators), kept on every report and moderation action."""

from dataclasses import dataclass
from typing import Callable

# Open reports that hide content nobody set a threshold for (what belongs to no consultation).
REPORT_THRESHOLD_OUTSIDE_SCOPES = 3


def _author(target):
    return getattr(target, "author", None) or getattr(target, "created_by", None)


@dataclass(frozen=True)
class Moderatable:
    model: type
    # How the kind is named in addresses and form ids ("ideas", "debates", "comments").
    kind: str
    # The object whose moderators decide about a target, or None for the site's moderators.
    scope_of: Callable
    # "the debate …", "your comment": what the author is told was hidden or restored.
    describe: Callable
    # Where the moderation queue's form posts a hide or restore of a target.
    moderate_url: Callable
    # The foreign key on ``model`` that holds its scope; None when the model has generic
    # ``scope_type`` / ``scope_id`` columns of its own.
    scope_field: str | None = None
    # True for content that belongs to no scope (``scope_of`` always None, no scope columns: news
    # articles): only the site's moderators see it in their queue.
    site_only: bool = False
    # Open reports that hide a target until a moderator decides.
    report_threshold: Callable = lambda target: REPORT_THRESHOLD_OUTSIDE_SCOPES
    # Where the target is read (the queue links there, notifications too).
    url: Callable = lambda target: target.get_absolute_url()
    author_of: Callable = _author
    # What the queue loads with each target (``select_related`` and the like), to stay a few queries.
    queue_queryset: Callable = lambda queryset: queryset


class ModeratableRegistry:
    def __init__(self):
        self._entries: dict[type, Moderatable] = {}

    def register(self, entry: Moderatable) -> Moderatable:
        if entry.model in self._entries:
            raise ValueError(f"{entry.model.__name__} is moderatable already")
        self._entries[entry.model] = entry
        return entry

    def for_object(self, target) -> Moderatable | None:
        return self._entries.get(type(target)) if target is not None else None

    def entries(self) -> list[Moderatable]:
        return list(self._entries.values())


moderatables = ModeratableRegistry()
