"""Plans (annual plans and multi-year strategies) with their areas and priorities, programmes'
objectives and activities, KPIs with their values, and the budget, as a plan's pages show them to a
visitor (issue 20, point 1).

Every plan is public, a draft included (residents discuss a draft on its page, ``accountability.rules``);
``status`` says which it is. The reads are the pages' own (``accountability.selectors``): the same
dates read from a period as written, the same mean progress, the same live counts for an indicator with a
live source and the same budget totals; amounts are decimal strings in lei."""

import datetime

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from ninja import Field, Query, Router, Schema

from civica.accountability import selectors
from civica.accountability.models import ActivityStatus, BudgetKind, Level, PlanStatus

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import Money, absolute, money, next_url

router = Router(tags=["plans"])

class OrganisationRef(Schema):
    slug: str
    name: str


class PlanOut(Schema):
    slug: str = Field(description="Its years: 2024, or 2021-2024 for a multi-year strategy.")
    title: str
    organisation: OrganisationRef
    year: int
    end_year: int
    status: str
    status_label: str
    approved_by: str
    approved_on: datetime.date | None
    published_at: datetime.datetime | None
    url: str = Field(description="The plan's page in the answer's language.")


class PriorityOut(Schema):
    text: str
    level: str | None = Field(description="The year-end assessment: small, partly, large or fully.")
    level_label: str | None
    narrative: str


class AreaOut(Schema):
    name: str
    progress: int | None = Field(description="The mean progress (%) of the activities serving its priorities.")
    priorities: list[PriorityOut]


class ObjectiveOut(Schema):
    text: str
    progress: int | None


class ActivityOut(Schema):
    id: int
    section: str
    title: str
    project: str
    period: str = Field(description="The period as written in the plan.")
    starts_on: datetime.date | None = Field(description="The period as dates, when it can be read.")
    ends_on: datetime.date | None
    status: str
    status_label: str
    progress: int = Field(description="Percent, 0–100.")


class ProgrammeWorkOut(Schema):
    slug: str
    name: str
    progress: int | None
    objectives: list[ObjectiveOut]
    activities: list[ActivityOut]


class IndicatorValueOut(Schema):
    date: datetime.date
    value: str = Field(description="A decimal string.")
    illustrative: bool = Field(description="Demonstration data, as the page marks it.")
    live: bool = Field(description="Counted by the platform, not typed in.")


class IndicatorOut(Schema):
    name: str
    unit: str
    target: str = Field(description="A decimal string.")
    target_text: str = Field(description="The target as written in the plan (in Romanian).")
    latest: IndicatorValueOut | None
    values: list[IndicatorValueOut] = Field(description="The values typed in, the oldest first.")


class BudgetLineOut(Schema):
    label: str
    amount: Money
    executed: Money | None


class BudgetGroupOut(Schema):
    kind: str = Field(description="income or expense")
    kind_label: str
    name: str
    stated_total: Money | None = Field(description="The subtotal as the source document states it.")
    total: Money = Field(description="The sum of its lines.")
    executed_total: Money | None
    lines: list[BudgetLineOut]


class BudgetOut(Schema):
    income: Money
    expenses: Money
    income_executed: Money | None
    expenses_executed: Money | None
    stated_income: Money | None
    stated_expenses: Money | None
    groups: list[BudgetGroupOut]


class PlanDetailOut(PlanOut):
    introduction: str = Field(description="Markdown.")
    areas: list[AreaOut]
    programmes: list[ProgrammeWorkOut]
    indicators: list[IndicatorOut]
    budget: BudgetOut


class PlanPage(Schema):
    results: list[PlanOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


def _plan(request, plan) -> dict:
    return {
        "slug": plan.slug, "title": plan.translated("title"),
        "organisation": {"slug": plan.organisation.slug, "name": plan.organisation.name},
        "year": plan.year, "end_year": plan.end_year, "status": plan.status,
        "status_label": str(PlanStatus(plan.status).label), "approved_by": plan.approved_by,
        "approved_on": plan.approved_on, "published_at": plan.published_at,
        "url": absolute(request, reverse("accountability:plan", args=[plan.slug])),
    }


def _level(value: str) -> dict:
    return {"level": value or None, "level_label": str(Level(value).label) if value else None}


def _value(value) -> dict:
    return {"date": value.date, "value": f"{value.value:.2f}", "illustrative": value.illustrative,
            "live": getattr(value, "live", False)}


def _activity(activity) -> dict:
    return {"id": activity.pk, "section": activity.translated("section"), "title": activity.translated("title"),
            "project": activity.project, "period": activity.period_text, "starts_on": activity.start,
            "ends_on": activity.end, "status": activity.status,
            "status_label": str(ActivityStatus(activity.status).label), "progress": activity.progress}


def _budget(plan) -> dict:
    summary = selectors.budget_summary(plan)
    return {
        "income": money(summary.income), "expenses": money(summary.expenses),
        "income_executed": money(summary.income_executed), "expenses_executed": money(summary.expenses_executed),
        "stated_income": money(plan.stated_income_total), "stated_expenses": money(plan.stated_expense_total),
        "groups": [{"kind": group.kind, "kind_label": str(BudgetKind(group.kind).label),
                    "name": group.translated("name"), "stated_total": money(group.stated_total),
                    "total": money(group.total), "executed_total": money(group.executed_total),
                    "lines": [{"label": line.translated("label"), "amount": money(line.amount),
                               "executed": money(line.executed)} for line in group.lines.all()]}
                   for group in summary.model_groups],
    }


class PlanFilters(Schema):
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@router.get("", response=PlanPage, url_name="plan_list", summary="Plans")
def plan_list(request, filters: Query[PlanFilters]):
    """The latest years first, as the plans page lists them."""
    page = keyset_page(selectors.plan_list(), ordering=("-year", "-end_year", "-id"), list_key="plans",
                       cursor=filters.cursor, size=filters.page_size)
    return {"results": [_plan(request, plan) for plan in page.rows], "next": next_url(request, page.next_cursor)}


@router.get("/{slug}", response=PlanDetailOut, url_name="plan_detail", summary="One plan, with all it holds")
def plan_detail(request, slug: str, response: HttpResponse):
    plan = selectors.plan_by_slug(slug)
    if plan is None:
        raise Http404
    response["Last-Modified"] = http_date(plan.changed_at.timestamp())
    programmes = selectors.programmes_with_work(plan)
    return {
        **_plan(request, plan), "introduction": plan.translated("introduction"),
        "areas": [{"name": area.translated("name"), "progress": area.progress,
                   "priorities": [{"text": item.translated("text"), "narrative": item.translated("narrative"),
                                   **_level(item.level)} for item in area.priorities.all()]}
                  for area in selectors.areas_with_priorities(plan)],
        "programmes": [{"slug": item.slug, "name": item.translated("name"), "progress": item.plan_progress,
                        "objectives": [{"text": objective.translated("text"), "progress": objective.progress}
                                       for objective in item.plan_objectives],
                        "activities": [_activity(activity) for activity in item.plan_activities]}
                       for item in programmes],
        "indicators": [{"name": item.translated("name"), "unit": item.translated("unit"),
                        "target": f"{item.target:.2f}", "target_text": item.text_ro,
                        "latest": _value(item.latest) if item.latest else None,
                        "values": [_value(value) for value in item.values.all()]}
                       for item in selectors.indicators_with_values(plan)],
        "budget": _budget(plan),
    }
