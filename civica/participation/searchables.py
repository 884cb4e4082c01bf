"""What the site search (``civica.search``) finds of participation: consultations, ideas, debates
and comments, only as far as anyone may read them.

Published consultations; ideas and debates not hidden by moderation, in published consultations;
comments neither hidden nor deleted, on a visible idea or debate of a published consultation.
On PostgreSQL each table's stored ``search_vector`` comes from migration 0006.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, Exists, OuterRef, Q, Subquery, When
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civica.comments.models import Comment

from .models import Debate, Idea, Process

_IN_PROCESS = ("process__slug", "process__title_ro", "process__title_en")


def _process_title(row):
    return row.process.translated("title")


def searchables():
    return [
        dict(
            kind="process", label=_("Consultation"), public=Process.objects.published,
            title=("title_ro", "title_en"), text=("summary_ro", "summary_en"),
            only=("slug", "title_ro", "title_en", "summary_ro", "summary_en"), image="hero_image",
        ),
        dict(
            kind="idea", label=_("Idea"),
            public=lambda: Idea.objects.filter(is_hidden=False, process__is_published=True).select_related("process"),
            title=("title",), text=("body",), context=_process_title,
            only=("title", "body", *_IN_PROCESS), image="image",
        ),
        dict(
            kind="debate", label=_("Debate"),
            public=lambda: Debate.objects.filter(is_hidden=False, process__is_published=True)
            .select_related("process"),
            title=("question",), text=("description",), context=_process_title,
            display_title=lambda debate: debate.translated("question"),
            only=("question", "question_en", "description", *_IN_PROCESS),
        ),
        *_comment_searchables(),
    ]


# --- Comments -------------------------------------------------------------------------------------
# The comments on ideas and debates: only participation knows when those are public, so it registers
# them (the comments app knows no target; comments on meetings and plans are not searched).

def _comments():
    idea_type = ContentType.objects.get_for_model(Idea)
    debate_type = ContentType.objects.get_for_model(Debate)
    # Correlated EXISTS, not IN (every visible idea): checked only for the comments that match,
    # so a word no comment holds costs nothing, whatever the number of ideas.
    visible_target = (
        Q(target_type=idea_type) & Exists(Idea.objects.filter(
            pk=OuterRef("target_id"), is_hidden=False, process__is_published=True))
    ) | (
        Q(target_type=debate_type) & Exists(Debate.objects.filter(
            pk=OuterRef("target_id"), is_hidden=False, process__is_published=True))
    )
    target_title = Case(
        When(target_type=idea_type,
             then=Subquery(Idea.objects.filter(pk=OuterRef("target_id")).order_by().values("title")[:1])),
        When(target_type=debate_type,
             then=Subquery(Debate.objects.filter(pk=OuterRef("target_id")).order_by().values("question")[:1])),
        output_field=CharField(),
    )
    return (
        # The target's consultation is published (visible_target): so is the comment's, its scope, whose
        # address and title come in the same query.
        Comment.objects.filter(visible_target, is_hidden=False, is_deleted=False)
        .annotate(target_title=target_title, **{
            f"scope_{field}": Subquery(Process.objects.filter(pk=OuterRef("scope_id")).order_by().values(field)[:1])
            for field in ("slug", "title_ro", "title_en")})
        .select_related("target_type")
    )


def _comment_url(comment):
    name = "participation:idea_detail" if comment.target_type.model == "idea" else "participation:debate_detail"
    return f"{reverse(name, args=[comment.scope_slug, comment.target_id])}#comment-{comment.pk}"


def _comment_process(comment):
    """The consultation a comment belongs to (its scope), as far as a result needs it."""
    return Process(pk=comment.scope_id, slug=comment.scope_slug, title_ro=comment.scope_title_ro,
                   title_en=comment.scope_title_en)


def _comment_title(comment):
    return gettext("Comment on “%(title)s”") % {"title": comment.target_title or ""}


def _comment_searchables():
    return [dict(
        kind="comment", label=_("Comment"), public=_comments, title=None, text=("body",),
        url=_comment_url, display_title=_comment_title,
        context=lambda comment: _comment_process(comment).translated("title"),
        only=("body", "target_id", "scope_id", "target_type__app_label", "target_type__model"),
    )]
