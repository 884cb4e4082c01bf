"""A consultation's polls and their results, as the consultation's page and a poll's page show them to a
visitor (issue 20, point 1): results only where the poll's page shows them to a visitor (right away, or
once the poll has closed, as the poll says: ``participation.see_poll_results`` asked as a visitor),
otherwise ``results`` is null and ``results_shown_from`` says when they will be. Figures are the page's
(``polls.selectors.poll_results``): per question, how many people answered, and per choice its answers
and their share of those people (0 to 1), a ranking's Borda points, a scale's distribution and mean, or
the free texts. Never who answered."""

import datetime
from typing import Literal

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from civica.participation.models import Question
from civica.participation.polls import selectors

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import absolute, next_url
from .debates import ID_LIMIT
from .participation import VISITOR, visible_process

router = Router(tags=["polls"])

PollStateName = Literal["upcoming", "open", "closed"]


class PollOut(Schema):
    id: int
    title: str
    description: str = Field(description="Markdown, as the page shows it.")
    state: PollStateName
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    responses: int
    anonymous_answers: bool = Field(description="Anyone may answer without an account, once per browser.")
    results_shown: bool = Field(description="Whether its page shows the results to everyone now.")
    results_shown_from: datetime.datetime | None = Field(
        description="When the results will be shown (the poll's closing), while they are not yet.")
    url: str = Field(description="The poll's page in the answer's language.")
    results_url: str = Field(description="The poll with its results in this API.")


class PollPage(Schema):
    results: list[PollOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


class ChoiceFigure(Schema):
    choice_id: int
    text: str
    count: int = Field(description="How many people chose it.")
    share: float = Field(description="Their share of the people who answered the question, 0 to 1.")


class RankingFigure(Schema):
    choice_id: int
    text: str
    points: int = Field(description="Borda points: with n choices a first place is worth n, a last place 1.")
    mean_rank: float | None = Field(description="Its average place, 1 the best.")


class ScaleFigure(Schema):
    value: int
    count: int
    share: float


class ScaleResult(Schema):
    mean: float | None
    distribution: list[ScaleFigure]


class QuestionResult(Schema):
    id: int
    kind: Literal[tuple(Question.Kind.values)]
    text: str
    respondents: int = Field(description="How many people answered this question.")
    choices: list[ChoiceFigure] | None = Field(description="One choice or several choices: the answers per choice.")
    ranking: list[RankingFigure] | None = Field(description="A ranking: the choices by points, best first.")
    scale: ScaleResult | None = Field(description="A scale from 1 to 5.")
    texts: list[str] | None = Field(description="Free text: the answers given.")


class PollWithResults(PollOut):
    results: list[QuestionResult] | None = Field(description="Null while its page does not show them.")


class PollFilters(Schema):
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def _state(poll, now) -> str:
    if poll.phase.starts_at > now:
        return "upcoming"
    return "closed" if poll.is_closed(now) else "open"


def _poll(request, poll, process, now) -> dict:
    poll.process = process
    shown = VISITOR.has_perm("participation.see_poll_results", poll)
    return {
        "id": poll.pk, "title": poll.translated("title"), "description": poll.translated("description"),
        "state": _state(poll, now), "opens_at": poll.phase.starts_at, "closes_at": poll.phase.ends_at,
        "responses": poll.response_count, "anonymous_answers": poll.allow_anonymous, "results_shown": shown,
        "results_shown_from": None if shown else poll.phase.ends_at,
        "url": absolute(request, reverse("participation:poll_detail", args=[process.slug, poll.pk])),
        "results_url": absolute(request, reverse("api-v1:poll_detail", args=[process.slug, poll.pk])),
    }


def _result(result) -> dict:
    question, figures = result["question"], result["figures"]
    row = {"id": question.pk, "kind": question.kind, "text": question.translated("text"),
           "respondents": result["respondents"], "choices": None, "ranking": None, "scale": None, "texts": None}
    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        row["choices"] = [{"choice_id": item.choice_id, "text": item.text, "count": item.count, "share": item.share}
                          for item in figures]
    elif question.kind == Question.Kind.RANKING:
        row["ranking"] = [{"choice_id": item.choice_id, "text": item.text, "points": item.points,
                           "mean_rank": item.mean_rank} for item in figures]
    elif question.kind == Question.Kind.SCALE:
        row["scale"] = {"mean": figures["mean"], "distribution": [
            {"value": value, "count": count, "share": share} for value, count, share in figures["distribution"]]}
    else:
        row["texts"] = list(figures)
    return row


@router.get("/{slug}/polls", response=PollPage, url_name="poll_list", summary="A consultation's polls")
def poll_list(request, slug: str, filters: Query[PollFilters]):
    """Newest first, as the consultation's page lists them."""
    process = visible_process(slug)
    page = keyset_page(selectors.poll_list(process=process), ordering=("-created_at", "-id"),
                       list_key=f"polls:{process.pk}", cursor=filters.cursor, size=filters.page_size)
    now = timezone.now()
    return {"results": [_poll(request, poll, process, now) for poll in page.rows],
            "next": next_url(request, page.next_cursor)}


@router.get("/{slug}/polls/{poll_id}", response=PollWithResults, url_name="poll_detail",
            summary="One poll, with its results where its page shows them")
def poll_detail(request, slug: str, poll_id: int):
    process = visible_process(slug)
    poll = selectors.poll_for_page(process=process, poll_id=poll_id) if 0 < poll_id <= ID_LIMIT else None
    if poll is None:
        raise Http404
    answer = _poll(request, poll, process, timezone.now())
    answer["results"] = [_result(result) for result in selectors.poll_results(poll)] if answer["results_shown"] \
        else None
    return answer
