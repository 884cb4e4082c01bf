"""Calls for projects, grants and competitions: their public parts, as a call's page shows them to a
visitor (issue 20, point 1).

A draft call is not found (``calls.read_call`` asked as a visitor, as the page does). What applicants
sent, who evaluates, the scores and the ranking are never read here: the only applications that leave
this module are the funded ones, once the results are published, with what the page's "Funded projects"
table shows (the project's title, the organisation's or the participant's public name, the amount)."""

import datetime
from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from civica.calls import selectors
from civica.calls.models import CallKind, CallStatus, Eligibility
from civica.calls.outcomes import call_outcomes

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import Money, absolute, money, next_url

router = Router(tags=["calls"])

VISITOR = AnonymousUser()
CallKindName = Literal[tuple(CallKind.values)]
CallStateName = Literal[selectors.CallFilter.ALL]


class CallOut(Schema):
    slug: str
    kind: str
    kind_label: str
    title: str
    summary: str = Field(description="Markdown, as the page renders it.")
    programme: str | None = Field(description="The programme's name, when the call belongs to one.")
    status: str
    status_label: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    url: str = Field(description="The call's page in the answer's language.")


class CriterionOut(Schema):
    name: str
    description: str
    weight: str = Field(description="A decimal string.")
    scale_min: int
    scale_max: int


class DocumentOut(Schema):
    title: str
    url: str


class QuestionOut(Schema):
    question: str
    answer: str = Field(description="Markdown.")
    answered_at: datetime.datetime


class FundedOut(Schema):
    title: str
    applicant: str = Field(description="The organisation's name, or the participant's public name.")
    amount_awarded: Money | None


class CallDetailOut(CallOut):
    guide: str = Field(description="Markdown.")
    eligibility: str
    eligibility_label: str
    questions_until: datetime.datetime | None
    evaluation_until: datetime.date | None
    results_on: datetime.date | None
    outcomes: list[str] = Field(description="What the call leads to besides money (e.g. seats on a body).")
    budget_total: Money | None = Field(description="Null when the page shows no budget (a call for seats).")
    amount_min: Money | None
    amount_max: Money | None
    is_blind: bool = Field(description="The jury knows entries only by a code until the ranking is final.")
    criteria: list[CriterionOut]
    documents: list[DocumentOut]
    questions: list[QuestionOut] = Field(description="The answered questions, the first answered first.")
    funded: list[FundedOut] | None = Field(description="The funded projects once the results are published, "
                                                       "else null.")


class CallPage(Schema):
    results: list[CallOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


def _call(request, call) -> dict:
    return {
        "slug": call.slug, "kind": call.kind, "kind_label": str(CallKind(call.kind).label),
        "title": call.translated("title"), "summary": call.translated("summary"),
        "programme": call.programme.translated("name") if call.programme else None,
        "status": call.status, "status_label": str(CallStatus(call.status).label),
        "opens_at": call.opens_at, "closes_at": call.closes_at,
        "url": absolute(request, reverse("calls:detail", args=[call.slug])),
    }


def _applicant(application) -> str:
    if application.organisation:
        return application.organisation.name
    return application.applicant.public_name if application.applicant else _("Deleted participant")


class CallFilters(Schema):
    kind: CallKindName | None = None
    state: CallStateName | None = Field(None, description="Open now, yet to open, being evaluated, or with "
                                                          "results, as the calls page filters them.")
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get("", response=CallPage, url_name="call_list", summary="Published calls")
def call_list(request, filters: Query[CallFilters]):
    """Every call past its draft, the latest to open first (the page puts the open ones first; a list
    that pages stably needs one order: filter ``state=open`` for those)."""
    calls = selectors.call_list(user=VISITOR, kind=filters.kind, state=filters.state).select_related("programme")
    page = keyset_page(calls, ordering=("-opens_at", "-id"), list_key=f"calls:{filters.kind}:{filters.state}",
                       cursor=filters.cursor, size=filters.page_size)
    return {"results": [_call(request, call) for call in page.rows], "next": next_url(request, page.next_cursor)}


@router.get("/{slug}", response=CallDetailOut, url_name="call_detail", summary="One call")
def call_detail(request, slug: str):
    call = selectors.call_for_page(slug)
    if call is None or not VISITOR.has_perm("calls.read_call", call):
        raise Http404
    outcomes = [str(text) for text in call_outcomes.describe(call)]
    shows_budget = bool(call.budget_total) or not outcomes  # as the page: no budget for a call for seats
    funded = None
    if call.status == CallStatus.RESULTS_PUBLISHED:
        funded = [{"title": item.title, "applicant": _applicant(item), "amount_awarded": money(item.amount_awarded)}
                  for item in selectors.funded_applications(call)]
    return {
        **_call(request, call), "guide": call.translated("guide"), "eligibility": call.eligibility,
        "eligibility_label": str(Eligibility(call.eligibility).label), "questions_until": call.questions_until,
        "evaluation_until": call.evaluation_until, "results_on": call.results_on, "outcomes": outcomes,
        "budget_total": money(call.budget_total) if shows_budget else None,
        "amount_min": money(call.amount_min) if shows_budget else None,
        "amount_max": money(call.amount_max) if shows_budget else None,
        "is_blind": call.is_blind,
        "criteria": [{"name": item.translated("name"), "description": item.translated("description"),
                      "weight": f"{item.weight:.2f}", "scale_min": item.scale_min, "scale_max": item.scale_max}
                     for item in call.criteria.all()],
        "documents": [{"title": document.title, "url": absolute(request, document.file.url)}
                      for document in call.documents.all()],
        "questions": [{"question": item.question, "answer": item.answer, "answered_at": item.answered_at}
                      for item in call.questions.all()],
        "funded": funded,
    }
