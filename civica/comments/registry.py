"""Which models take comments, and what comments need to know about them.

Other apps make their models commentable by registering them (participation does for ideas and
debates in its ``rules.py``, meetings for meetings, accountability for plans)::

    commentables.register(Commentable(
        model=Meeting,
        open_now=Requirements((is_published, _("…")), (has_begun, _("Comments open when the meeting begins."))),
        readable=is_published_meeting,
    ))

``open_now`` is a ``core.refusals.Requirements``: whether comments are open is the conjunction of its
predicates, and why not is the message of the first that fails (so the reason cannot drift from the
decision).
"""

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

import rules

from civica.core.refusals import Requirements
from civica.moderation.registry import REPORT_THRESHOLD_OUTSIDE_SCOPES


@dataclass(frozen=True)
class Commentable:
    model: type
    # Whether comments are open on this target now (phase, date…), for anyone allowed to comment, and
    # why not: ordered requirements, the first that fails says why.
    open_now: Requirements
    # Whether the person may see the target at all (edit, delete and vote views check it).
    readable: rules.Predicate
    # The scope of the comments (the consultation whose moderators decide about them, kept on each
    # comment as ``Comment.scope``); None: the site's moderators.
    scope_of: Callable = lambda target: None
    # Comments take a position (for / against / neutral) on this kind of target.
    with_alignment: bool = False
    # Open reports that hide a comment on this kind of target until a moderator decides.
    report_threshold: Callable = lambda target: REPORT_THRESHOLD_OUTSIDE_SCOPES


class CommentableRegistry:
    def __init__(self):
        self._entries: dict[type, Commentable] = {}

    def register(self, entry: Commentable) -> Commentable:
        if entry.model in self._entries:
            raise ValueError(f"{entry.model.__name__} takes comments already")
        self._entries[entry.model] = entry
        return entry

    def for_object(self, target) -> Commentable | None:
        return self._entries.get(type(target)) if target is not None else None

    def target_querysets(self) -> list:
        """One queryset per commentable model, for a ``GenericPrefetch`` of comments' targets."""
        querysets = []
        for model in self._entries:
            queryset = model._default_manager.all()
            if any(field.name == "process" for field in model._meta.get_fields()):
                queryset = queryset.select_related("process")
            querysets.append(queryset)
        return querysets

    @contextmanager
    def temporarily(self, entry: Commentable):
        self.register(entry)
        try:
            yield entry
        finally:
            del self._entries[entry.model]


commentables = CommentableRegistry()


def title_of(target) -> str:
    """What a comment is about, as its readers call it: a bilingual title in the active language."""
    if hasattr(target, "title_ro") and hasattr(target, "translated"):
        return target.translated("title")
    return str(target)
