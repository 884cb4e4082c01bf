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
moderators), kept on every report and moderation action.

**Pre-moderation** (issue 21, point 5). A kind whose model has a ``review_state`` column
(``models.review_state_field()``) can wait for a moderator: its create service calls
``services.review_hold(item)`` before saving (the item is hidden and "awaiting review" when its scope says
contributions wait) and ``services.review_submitted(item)`` after (the moderators are told). What only
the owning app knows happens on approval, through ``on_publish`` (counters, followers told). Whether a
scope's contributions wait is asked of ``premoderation``, where the app owning the scope registers it
(participation: ``Process.contributions_wait``)::

    premoderation.register(Process, lambda process: process.contributions_wait)

A kind may decide for itself instead (``waits``: a conversation's statements always wait).
Nothing else is needed for a new kind (the conversation's statements, the heritage app's proposals): the
moderation queue's "waiting for approval" section, approve / reject, the author's notifications and the
moderators' e-mails come with it."""

import hashlib
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
    # The foreign key on ``model`` that holds its scope (or a path to it, "conversation__process");
    # None when the model has generic ``scope_type`` / ``scope_id`` columns of its own.
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
    # Pre-moderation: what the owning app does when a waiting item is approved (the locked item, inside
    # the approval's transaction): count it, tell its followers.
    on_publish: Callable = lambda target: None
    # ... and when an approved item its author changed waits again (``services.review_changed``).
    on_unpublish: Callable = lambda target: None
    # After a hide or a restore (by reports or by a moderator), inside its transaction: what the owning
    # app recomputes when an item leaves or comes back (a conversation's map).
    on_hidden_changed: Callable = lambda target: None
    # Pre-moderation: the kind's own policy, asked instead of its scope's (``premoderation``): a
    # conversation's statements always wait. None: the scope decides.
    waits: Callable | None = None
    # The text a moderator reads before deciding (and whose change by the author voids a decision
    # taken on an older reading: ``services.review_fingerprint``).
    review_text: Callable = str
    # The model's creation time: the waiting queue shows the oldest first.
    created_field: str = "created_at"

    def must_wait(self, target) -> bool:
        """Whether a new ``target`` of this kind waits for a moderator (its own policy, else its scope's)."""
        if self.waits is not None:
            return bool(self.waits(target))
        return premoderation.waits(self.scope_of(target))

    @property
    def reviewed(self) -> bool:
        """Whether the kind can wait for a moderator (its model has a ``review_state`` column)."""
        return any(field.name == "review_state" for field in self.model._meta.concrete_fields)


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


def review_fingerprint(target) -> str:
    """A short digest of the text a moderator reads (the kind's ``review_text``): the decision form
    carries it, so an approval of a text its author has changed since is refused."""
    return hashlib.sha256(str(moderatables.for_object(target).review_text(target)).encode()).hexdigest()[:16]


class PremoderationRegistry:
    """Scopes whose new contributions may wait for a moderator, by the scope's model: ``waits(scope)``."""

    def __init__(self):
        self._policies: dict[type, Callable] = {}

    def register(self, model: type, waits: Callable) -> None:
        if model in self._policies:
            raise ValueError(f"{model.__name__} has a pre-moderation policy already")
        self._policies[model] = waits

    def waits(self, scope) -> bool:
        """Whether new contributions in ``scope`` wait for a moderator (never for what has no scope)."""
        policy = self._policies.get(type(scope)) if scope is not None else None
        return bool(policy(scope)) if policy is not None else False


premoderation = PremoderationRegistry()
