"""World-café workshops' reports, as the report page shows them to a visitor (issue 20, point 1): the
meeting it was held at, its guiding questions, how many tables, rounds, contributions and contributors,
the themes the notes were harvested into with their dots and up to five representative notes, and the
action plan. A workshop is public once its meeting is published (``workshops.selectors``); the notes
never say who wrote them. Tables, notes, themes and the action plan are in the language they were
written in, as on the page."""

import datetime

from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from civica.workshops import selectors
from civica.workshops.models import WorkshopStatus

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import absolute, next_url

router = Router(tags=["workshops"])


class WorkshopOut(Schema):
    slug: str
    title: str = Field(description="Its meeting's title.")
    status: str = Field(description="open, paused or closed (closed: the notes are final).")
    status_label: str
    when: str = Field(description="Its meeting's time as far as it is known, in the answer's language.")
    starts_at: datetime.datetime
    place: str
    meeting_url: str = Field(description="Its meeting in this API.")
    url: str = Field(description="The workshop's page.")
    report_url: str = Field(description="The report's page.")
    report_pdf_url: str
    detail_url: str = Field(description="The report in this API.")


class WorkshopPage(Schema):
    results: list[WorkshopOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


class ThemeOut(Schema):
    label: str
    curated: bool = Field(description="Named or arranged by staff; otherwise the harvest's suggestion.")
    contributions: int
    dots: int
    representative_notes: list[str]


class ActionOut(Schema):
    title: str
    description: str
    owner: str
    due_on: datetime.date | None
    themes: list[str]


class WorkshopReport(WorkshopOut):
    questions: list[str]
    tables: int
    rounds_held: int
    contributions: int
    contributors: int
    themes: list[ThemeOut] = Field(description="Most dots first.")
    action_plan: list[ActionOut]


class WorkshopFilters(Schema):
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def _workshop(request, workshop) -> dict:
    meeting = workshop.meeting
    return {
        "slug": workshop.slug, "title": meeting.translated("title"), "status": workshop.status,
        "status_label": str(WorkshopStatus(workshop.status).label), "when": meeting.when_short,
        "starts_at": meeting.starts_at, "place": meeting.venue()[0],
        "meeting_url": absolute(request, reverse("api-v1:meeting_detail", args=[meeting.slug])),
        "url": absolute(request, workshop.get_absolute_url()),
        "report_url": absolute(request, reverse("workshops:report", args=[workshop.slug])),
        "report_pdf_url": absolute(request, reverse("workshops:report_pdf", args=[workshop.slug])),
        "detail_url": absolute(request, reverse("api-v1:workshop_detail", args=[workshop.slug])),
    }


@router.get("", response=WorkshopPage, url_name="workshop_list", summary="World-café workshops")
def workshop_list(request, filters: Query[WorkshopFilters]):
    """The workshops whose report is public, the latest made first."""
    page = keyset_page(selectors.public_workshops(), ordering=("-id",), list_key="workshops",
                       cursor=filters.cursor, size=filters.page_size)
    return {"results": [_workshop(request, workshop) for workshop in page.rows],
            "next": next_url(request, page.next_cursor)}


@router.get("/{slug}", response=WorkshopReport, url_name="workshop_detail", summary="A workshop's report")
def workshop_detail(request, slug: str):
    workshop = selectors.workshop_for_page(slug)
    if workshop is None:
        raise Http404
    report = selectors.report(workshop)
    return {
        **_workshop(request, workshop),
        "questions": [question.translated("text") for question in report["questions"]],
        "tables": len(report["tables"]), "rounds_held": report["round_count"],
        "contributions": report["contribution_count"], "contributors": report["contributor_count"],
        "themes": [{"label": theme.label, "curated": theme.curated, "contributions": len(theme.members),
                    "dots": theme.dot_count, "representative_notes": [item.text for item in theme.representatives]}
                   for theme in report["themes"]],
        "action_plan": [{"title": item.title, "description": item.description, "owner": item.owner,
                         "due_on": item.due_on, "themes": [theme.label for theme in item.themes.all()]}
                        for item in report["action_items"]],
    }
