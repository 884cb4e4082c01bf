"""A consultation's debates, as its page and a debate's page show them to a visitor (issue 20, point 1):
the question and its description in the answer's language, how many comments it has, and where its
thread is (``comments.py``). A hidden debate, or one of a consultation a visitor may not read, is not
found, as on the pages: the lookups are the pages' (``participation.selectors``)."""

import datetime

from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from civica.participation import selectors

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import absolute, next_url
from .participation import visible_process

router = Router(tags=["debates"])

ID_LIMIT = 2**63 - 1


class DebateOut(Schema):
    id: int
    question: str
    description: str = Field(description="Markdown, as the page shows it.")
    comments: int = Field(description="How many comments its thread has (hidden ones included, as on the page).")
    created_at: datetime.datetime
    url: str = Field(description="The debate's page in the answer's language.")
    comments_url: str = Field(description="Its thread in this API.")


class DebatePage(Schema):
    results: list[DebateOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


class DebateFilters(Schema):
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def debate_dict(request, debate, process) -> dict:
    return {
        "id": debate.pk, "question": debate.translated("question"), "description": debate.translated("description"),
        "comments": debate.comment_count, "created_at": debate.created_at,
        "url": absolute(request, reverse("participation:debate_detail", args=[process.slug, debate.pk])),
        "comments_url": absolute(request, reverse("api-v1:debate_comments", args=[process.slug, debate.pk])),
    }


def visible_debate(process, debate_id: int):
    """The debate as its page finds it (a hidden one is not found), or a 404."""
    debate = selectors.debate_for_page(process=process, debate_id=debate_id) if 0 < debate_id <= ID_LIMIT else None
    if debate is None:
        raise Http404
    debate.process = process
    return debate


@router.get("/{slug}/debates", response=DebatePage, url_name="debate_list", summary="A consultation's debates")
def debate_list(request, slug: str, filters: Query[DebateFilters]):
    """Newest first, as the consultation's page lists them; hidden debates left out."""
    process = visible_process(slug)
    page = keyset_page(selectors.debate_list(process=process), ordering=("-created_at", "-id"),
                       list_key=f"debates:{process.pk}", cursor=filters.cursor, size=filters.page_size)
    return {"results": [debate_dict(request, debate, process) for debate in page.rows],
            "next": next_url(request, page.next_cursor)}


@router.get("/{slug}/debates/{debate_id}", response=DebateOut, url_name="debate_detail", summary="One debate")
def debate_detail(request, slug: str, debate_id: int):
    process = visible_process(slug)
    return debate_dict(request, visible_debate(process, debate_id), process)
