"""Who may comment, edit, delete and vote, on whatever takes comments (registry.py), while its entry
says they are open. One line a permission. Comments are moderatable (moderation's registry): the
moderators of the comment's scope decide, hiding past its target's report threshold."""

import rules
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_editor, is_participant
from civica.core import refusals
from civica.core.permissions import add_admin_perms
from civica.core.refusals import Requirements
from civica.moderation.registry import Moderatable, moderatables

from .models import Comment
from .predicates import (
    comment_editable_now,
    comment_live,
    comments_open,
    is_comment_author,
    target_visible,
)
from .registry import commentables
from .services import comment_published, comment_unpublished


def _why_closed(user, target):
    """Comments are closed on ``target``: its entry's first failing requirement says why."""
    entry = commentables.for_object(target)
    return (entry.open_now.why_not(user, target) if entry else None) or _("You cannot comment here.")


def _where_to_meet(user, target):
    """Where a person meets what closes comments to them, when their entry says (a verification level)."""
    entry = commentables.for_object(target)
    return entry.open_now.remedy(user, target) if entry else None


refusals.add_perm("comments.post", Requirements(
    (rules.is_authenticated, gettext_lazy("Log in to comment.")),
    (is_participant, gettext_lazy("Verify your e-mail address to comment: open the link we sent you."),
     "verified"),
    (target_visible, gettext_lazy("Comments are closed while moderators review this.")),
    (comments_open, _why_closed, None, None, _where_to_meet),
))
rules.add_perm("comments.edit", is_participant & is_comment_author & comment_editable_now)
# Only authors delete; moderators hide (with a reason, logged, reversible: moderation.moderate).
rules.add_perm("comments.remove", is_comment_author & comment_live)
rules.add_perm("comments.vote", is_participant & comment_live & ~is_comment_author)


def _report_threshold(comment):
    target = comment.target
    return commentables.for_object(target).report_threshold(target)


moderatables.register(Moderatable(
    model=Comment, kind="comments", scope_of=lambda comment: comment.scope,
    describe=lambda comment: _("your comment"),
    url=lambda comment: f"{comment.target.get_absolute_url()}#comment-{comment.pk}",
    moderate_url=lambda comment: reverse("comments:moderate", args=[comment.pk]),
    report_threshold=_report_threshold,
    queue_queryset=lambda comments: comments.prefetch_related(
        "scope", GenericPrefetch("target", commentables.target_querysets())),
    on_publish=comment_published, on_unpublish=comment_unpublished, review_text=lambda comment: comment.body,
))

add_admin_perms("comments", ["comment"], is_editor)
