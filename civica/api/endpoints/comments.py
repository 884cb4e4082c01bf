"""The public comments of an idea or a debate, with their threads, as the idea's and the debate's pages
show them to a visitor (issue 20, point 1).

A page of the API is a page of top-level comments, each with its replies (threads are at most three deep),
oldest or newest first as the page sorts them (the page's "best" order is not offered: votes change, so it
would not page stably). A comment hidden by moderation keeps its place in the thread, as on the page, but
says only that it is hidden: no text, no author, no votes; a deleted one likewise. Authors read as the
page shows them (their public name, "Deleted participant" once they deleted their account). The target is
found as its page finds it, so a hidden idea's or debate's thread is not found."""

import datetime
from typing import Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from civica.comments import selectors
from civica.comments.models import Alignment
from civica.participation import selectors as participation_selectors

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import next_url
from .debates import ID_LIMIT, visible_debate
from .participation import VISITOR, visible_process

router = Router(tags=["comments"])

CommentSortName = Literal["oldest", "newest"]
COMMENT_ORDERINGS = {"oldest": ("created_at", "id"), "newest": ("-created_at", "-id")}


class CommentOut(Schema):
    id: int
    parent: int | None = Field(description="The comment it answers, or null at the top of a thread.")
    depth: int = Field(description="0 at the top of a thread, at most 2.")
    state: Literal["published", "hidden", "deleted"] = Field(
        description="Hidden by moderation and deleted comments keep their place in the thread, without text.")
    author: str | None
    body: str | None = Field(description="Markdown, as the page shows it; null when hidden or deleted.")
    alignment: Literal[tuple(Alignment.values)] = Field(description="For or against the debate's question, or neutral.")
    upvotes: int | None
    downvotes: int | None
    edited: bool
    created_at: datetime.datetime
    url: str = Field(description="The comment on its page.")
    replies: list["CommentOut"]


CommentOut.model_rebuild()


class CommentPage(Schema):
    comments: int = Field(description="How many comments the thread has in all, as the page counts them.")
    results: list[CommentOut] = Field(description="Top-level comments, each with its replies.")
    next: str | None = Field(description="The next page's address, or null on the last page.")


class CommentFilters(Schema):
    sort: CommentSortName = Field("oldest", description="Oldest or newest threads first (replies: oldest first).")
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Top-level comments a page.")


def _comment(request, comment, page_url: str, replies: dict) -> dict:
    shown = not comment.is_deleted and not comment.is_hidden
    state = "deleted" if comment.is_deleted else "hidden" if comment.is_hidden else "published"
    return {
        "id": comment.pk, "parent": comment.parent_id, "depth": comment.depth, "state": state,
        "author": (comment.author.public_name if comment.author is not None else _("Deleted participant"))
        if shown else None,
        "body": comment.body if shown else None, "alignment": comment.alignment,
        "upvotes": comment.upvotes if shown else None, "downvotes": comment.downvotes if shown else None,
        "edited": comment.edited_at is not None, "created_at": comment.created_at,
        "url": request.build_absolute_uri(f"{page_url}#comment-{comment.pk}"),
        "replies": [_comment(request, reply, page_url, replies) for reply in replies.get(comment.pk, [])],
    }


def thread_page(request, target, filters: CommentFilters, *, list_key: str) -> dict:
    """A page of ``target``'s threads: two queries, whatever the threads hold."""
    page = keyset_page(selectors.top_level_comments(target=target), ordering=COMMENT_ORDERINGS[filters.sort],
                       list_key=f"comments:{list_key}:{filters.sort}", cursor=filters.cursor, size=filters.page_size)
    replies = selectors.replies_under(target=target, top_ids=[comment.pk for comment in page.rows]) if page.rows else {}
    page_url = target.get_absolute_url()
    return {"comments": target.comment_count,
            "results": [_comment(request, comment, page_url, replies) for comment in page.rows],
            "next": next_url(request, page.next_cursor)}


def _visible_idea(process, idea_id: int):
    idea = (participation_selectors.idea_for_page(process=process, idea_id=idea_id, user=VISITOR)
            if 0 < idea_id <= ID_LIMIT else None)
    if idea is not None:
        idea.process = process  # loaded with its phases: the permission reuses them
    if idea is None or not VISITOR.has_perm("participation.read_idea", idea):
        raise Http404
    return idea


@router.get("/{slug}/ideas/{idea_id}/comments", response=CommentPage, url_name="idea_comments",
            summary="An idea's comments")
def idea_comments(request, slug: str, idea_id: int, filters: Query[CommentFilters]):
    idea = _visible_idea(visible_process(slug), idea_id)
    return thread_page(request, idea, filters, list_key=f"idea:{idea.pk}")


@router.get("/{slug}/debates/{debate_id}/comments", response=CommentPage, url_name="debate_comments",
            summary="A debate's comments")
def debate_comments(request, slug: str, debate_id: int, filters: Query[CommentFilters]):
    """Arguments for and against the question, and neutral comments, in one thread as on the page
    (``alignment`` says which column the page puts each in)."""
    debate = visible_debate(visible_process(slug), debate_id)
    return thread_page(request, debate, filters, list_key=f"debate:{debate.pk}")
