"""Comments on anything: which models take comments, when, and the comment section their pages show.

Ideas and debates take comments while their consultation's phase allows it; other apps make their
own models commentable by registering them here (meetings do, in ``meetings/rules.py``)::

    commentables.register(Commentable(
        model=Meeting, open_now=has_begun, closed_reason=lambda user, meeting: _("…"),
        readable=is_published_meeting,
    ))

Everything else is shared: the ``Comment`` model (threads three levels deep, votes, alignment,
15-minute edits, "comment deleted" placeholders), the services, the generic edit / delete / vote
views under ``/<lang>/comments/<id>/``, and the section a page renders with
``{% load comments %}{% show_comments section %}`` from ``comment_section(request, target, post_url=…)``.
Comments of a consultation are moderated by its moderators, the others by the site's moderators.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from civica.accounts.predicates import is_verified

# A refused comment's text waits here (per target) for the form the page shows next.
DRAFT_SESSION_KEY = "comment_drafts"


@dataclass(frozen=True)
class Commentable:
    model: type
    # Whether comments are open on this target now (phase, date…), for anyone allowed to comment.
    open_now: rules.Predicate
    # Why not, in the reader's language, when a verified participant finds them closed.
    closed_reason: Callable
    # Whether the person may see the target at all (edit, delete and vote views check it).
    readable: rules.Predicate
    # The consultation whose moderators, report threshold and search the comments belong to.
    process_of: Callable = lambda target: None
    # Comments take a position (for / against / neutral) on this kind of target.
    with_alignment: bool = False


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


@rules.predicate
def comments_open(user, target):
    entry = commentables.for_object(target)
    return entry is not None and entry.open_now.test(user, target)


@rules.predicate
def may_read_target(user, target):
    entry = commentables.for_object(target)
    # ``test`` passes a predicate only the arguments it takes (``rules.always_allow`` takes none)
    return entry is not None and entry.readable.test(user, target)


def comment_refusal(user, target) -> str:
    if not user.is_authenticated:
        return _("Log in to comment.")
    if not is_verified(user):
        return _("Verify your e-mail address to comment: open the link we sent you.")
    if getattr(target, "is_hidden", False):
        return _("Comments are closed while moderators review this.")
    entry = commentables.for_object(target)
    if entry is not None and not entry.open_now.test(user, target):
        return entry.closed_reason(user, target)
    return _("You cannot comment here.")


def comment_section(request, target, *, post_url: str) -> dict:
    """What ``{% show_comments %}`` renders for ``target``: the thread, the form (with a refused
    draft restored), and whether and why the person may comment."""
    from civica.moderation.models import ReportReason

    from . import selectors
    from .forms import CommentForm


    sort = request.GET.get("comments")
    sort = sort if sort in selectors.CommentSort.ALL else selectors.CommentSort.OLDEST
    can_comment = request.user.has_perm("participation.post_comment", target)
    entry = commentables.for_object(target)
    draft = _pop_draft(request, target) or {}
    reply_draft = draft if draft.get("parent") else {}
    comments = selectors.comment_thread(target=target, user=request.user, sort=sort)
    return {
        "comments": comments,
        "comment_count": target.comment_count,
        "comment_sort": sort,
        "comment_form": CommentForm(initial=draft) if draft and not reply_draft else CommentForm(),
        "comment_reply_draft": reply_draft,
        "comment_kept_text": draft.get("body", ""),
        "can_comment": can_comment,
        "comment_refusal": None if can_comment else comment_refusal(request.user, target),
        "comment_post_url": post_url,
        "with_alignment": entry.with_alignment if entry else False,
        "report_reasons": ReportReason.choices,
    }


def post_comment_from_form(request, target):
    """Post the comment a page's form sent; on refusal, keep what was typed for the page's form."""
    from . import services
    from .forms import CommentForm
    from .models import Comment

    form = CommentForm(request.POST)
    back = target.get_absolute_url()
    if not form.is_valid():
        _keep_draft(request, target, request.POST)
        messages.error(request, _("Your comment was not posted: %(errors)s") % {
            "errors": " ".join(error for errors in form.errors.values() for error in errors)})
        return redirect(back + "#comments")
    parent = None
    if form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
    try:
        comment = services.comment_post(target=target, by=request.user, body=form.cleaned_data["body"],
                                        parent=parent, alignment=form.cleaned_data.get("alignment") or None)
    except (PermissionDenied, ValidationError) as refused:
        _keep_draft(request, target, request.POST)
        messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
        return redirect(back + "#comments")
    messages.success(request, _("Your comment is published."))
    return redirect(f"{back}#comment-{comment.pk}")


def _draft_key(target) -> str:
    return f"{target._meta.label_lower}:{target.pk}"


def _keep_draft(request, target, data):
    from .models import MAX_COMMENT_BODY

    drafts = request.session.get(DRAFT_SESSION_KEY, {})
    drafts[_draft_key(target)] = {
        "body": data.get("body", "")[:MAX_COMMENT_BODY * 2],
        "alignment": data.get("alignment", ""),
        "parent": data.get("parent", "")[:20],
    }
    request.session[DRAFT_SESSION_KEY] = drafts


def _pop_draft(request, target):
    if not request.user.is_authenticated or DRAFT_SESSION_KEY not in request.session:
        return None
    drafts = request.session[DRAFT_SESSION_KEY]
    draft = drafts.pop(_draft_key(target), None)
    if draft is not None:
        request.session[DRAFT_SESSION_KEY] = drafts
    return draft


def seed_conversation(target, conversation, authors, *, starting_at) -> int:
    """For demo loaders: ``conversation`` — (text, [replies]) pairs — as comments on ``target`` by
    ``authors`` in turn, an hour apart from ``starting_at``, only if it has none yet (so loading
    again adds nothing). Returns how many comments it wrote."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F

    from .models import Comment

    target_type = ContentType.objects.get_for_model(target)
    if Comment.objects.filter(target_type=target_type, target_id=target.pk).exists():
        return 0
    process = commentables.for_object(target).process_of(target)
    written, turn = 0, 0

    def write(body, parent=None):
        nonlocal written, turn
        comment = Comment.objects.create(target_type=target_type, target_id=target.pk, process=process,
                                         parent=parent, depth=parent.depth + 1 if parent else 0,
                                         author=authors[turn % len(authors)], body=body,
                                         created_at=starting_at + datetime.timedelta(hours=turn))
        written, turn = written + 1, turn + 1
        return comment

    for text, replies in conversation:
        comment = write(text)
        for reply in replies:
            write(reply, parent=comment)
        Comment.objects.filter(pk=comment.pk).update(reply_count=len(replies))
    type(target).objects.filter(pk=target.pk).update(comment_count=F("comment_count") + written)
    return written
