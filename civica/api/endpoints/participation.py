"""Consultations and their ideas, as their pages show them to a visitor (issue 20, point 1).

What a visitor may not read (a draft consultation, a hidden idea) is not found, as on the pages: the
lookups are the pages' (``participation.selectors``), asked as an anonymous visitor."""

import datetime
from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from pydantic import BaseModel

from civica.participation import selectors
from civica.participation.models import IdeaStatus
from civica.participation.schedule import phase_label

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import absolute, next_url

router = Router(tags=["consultations"])

VISITOR = AnonymousUser()
ProcessStateName = Literal["active", "upcoming", "past"]
IdeaSortName = Literal["supported", "newest", "commented"]
IdeaStatusName = Literal[tuple(IdeaStatus.values)]
IDEA_ORDERINGS = {
    "supported": ("-support_count", "-id"),
    "newest": ("-created_at", "-id"),
    "commented": ("-comment_count", "-id"),
}


class PhaseOut(Schema):
    kind: str
    name: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class ProcessOut(Schema):
    slug: str
    title: str
    summary: str
    scope: str
    starts_on: datetime.date
    ends_on: datetime.date
    phases: list[PhaseOut]
    url: str = Field(description="The consultation's page in the answer's language.")
    ideas_url: str


class ProcessPage(Schema):
    results: list[ProcessOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


# The ideas' answers are plain pydantic models: they are built as dicts, and ninja's ``Schema`` would wrap
# every item in its getter for Django objects first (about a millisecond of a list of 20, which the
# city-scale benchmark measures: bench/load_api.py).
class IdeaOut(BaseModel):
    id: int
    title: str
    body: str
    author: str
    category: str | None
    place: str
    status: str
    status_label: str
    supports: int
    comments: int
    answer: str
    answered_at: datetime.datetime | None
    created_at: datetime.datetime
    url: str


class IdeaPage(BaseModel):
    results: list[IdeaOut]
    next: str | None



def _process(request, process) -> dict:
    return {
        "slug": process.slug, "title": process.translated("title"), "summary": process.translated("summary"),
        "scope": process.scope, "starts_on": process.starts_on, "ends_on": process.ends_on,
        "phases": [{"kind": phase.kind, "name": phase_label(phase), "starts_at": phase.starts_at,
                    "ends_at": phase.ends_at} for phase in process.phases.all()],
        "url": absolute(request, reverse("participation:process_detail", args=[process.slug])),
        "ideas_url": absolute(request, reverse("api-v1:idea_list", args=[process.slug])),
    }


def _author(user) -> str:
    return user.public_name if user is not None else _("Deleted participant")


# What an idea's answer reads of its row and of its author's and category's (``.only()``: an idea's
# image, coordinates and moderation fields stay in the database).
IDEA_FIELDS = ("id", "process_id", "title", "body", "location", "status", "support_count", "comment_count",
               "answer", "answered_at", "created_at", "updated_at", "is_hidden", "author_id", "category_id",
               "author__id", "author__display_name", "category__id", "category__name_ro", "category__name_en")


def _idea_url(request, process):
    """The address of an idea's page, for any idea of ``process``: one ``reverse`` for a whole list."""
    marker = 2**62
    address = absolute(request, reverse("participation:idea_detail", args=[process.slug, marker]))
    before, _marker, after = address.partition(str(marker))
    return lambda idea: f"{before}{idea.pk}{after}"


def _idea(idea, url) -> dict:
    return {
        "id": idea.pk, "title": idea.title, "body": idea.body, "author": _author(idea.author),
        "category": idea.category.translated("name") if idea.category else None, "place": idea.location,
        "status": idea.status, "status_label": str(IdeaStatus(idea.status).label),
        "supports": idea.support_count, "comments": idea.comment_count, "answer": idea.answer,
        "answered_at": idea.answered_at, "created_at": idea.created_at, "url": url(idea),
    }



def visible_process(slug, *, whole=True):
    """The consultation a visitor may read: ``whole`` with what its answer shows (phases, categories,
    goals: four queries), else only what its permissions read (its phases: two), for its ideas."""
    process = (selectors.process_for_page if whole else selectors.process_for_permissions)(slug)
    if process is None or not VISITOR.has_perm("participation.read_process", process):
        raise Http404
    return process


class ProcessFilters(Schema):
    state: ProcessStateName | None = Field(None, description="Running now, yet to start, or ended.")
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get("", response=ProcessPage, url_name="process_list", summary="Published consultations")
def process_list(request, filters: Query[ProcessFilters]):
    """Newest first, as the consultations page lists them."""
    processes = selectors.process_list(user=VISITOR, state=filters.state)
    page = keyset_page(processes, ordering=("-starts_on", "-id"), list_key=f"processes:{filters.state}",
                       cursor=filters.cursor, size=filters.page_size)
    return {"results": [_process(request, process) for process in page.rows],
            "next": next_url(request, page.next_cursor)}


@router.get("/{slug}", response=ProcessOut, url_name="process_detail", summary="One consultation")
def process_detail(request, slug: str, response: HttpResponse):
    return _process(request, visible_process(slug))


class IdeaFilters(Schema):
    sort: IdeaSortName = Field("supported", description="Most supported, newest or most commented first.")
    status: IdeaStatusName | None = None
    category: int | None = Field(None, ge=1, le=2**63 - 1)
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get("/{slug}/ideas", response=IdeaPage, url_name="idea_list", summary="A consultation's ideas")
def idea_list(request, slug: str, filters: Query[IdeaFilters]):
    """The ideas a visitor sees on the consultation's ideas page (hidden ones left out), with the
    page's sorts and filters; the page's random order is not offered (it would not page stably)."""
    process = visible_process(slug, whole=False)
    ideas = selectors.idea_list(process=process, user=VISITOR, status=filters.status,
                                category=filters.category).only(*IDEA_FIELDS)
    page = keyset_page(ideas, ordering=IDEA_ORDERINGS[filters.sort],
                       list_key=f"ideas:{process.pk}:{filters.sort}:{filters.status}:{filters.category}",
                       cursor=filters.cursor, size=filters.page_size)
    url = _idea_url(request, process)
    return {"results": [_idea(idea, url) for idea in page.rows], "next": next_url(request, page.next_cursor)}


@router.get("/{slug}/ideas/{idea_id}", response=IdeaOut, url_name="idea_detail", summary="One idea")
def idea_detail(request, slug: str, idea_id: int, response: HttpResponse):
    process = visible_process(slug, whole=False)
    if not 0 < idea_id < 2**63:
        raise Http404
    idea = selectors.idea_for_page(process=process, idea_id=idea_id, user=VISITOR)
    if idea is not None:
        idea.process = process  # loaded with its phases: the permission reuses them
    if idea is None or not VISITOR.has_perm("participation.read_idea", idea):
        raise Http404
    response["Last-Modified"] = http_date(idea.updated_at.timestamp())
    return _idea(idea, _idea_url(request, process))

