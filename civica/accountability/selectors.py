"""Reads for plan pages and the generated document: a fixed number of queries per plan (and one per
indicator read from a live source)."""

import datetime
import re
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from . import budget as budget_math
from .models import (
    Activity,
    Area,
    BudgetGroup,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Objective,
    Plan,
    Priority,
    ProgressUpdate,
)
from .periods import months_covered, parse_period
from .registry import live_source


def plan_list():
    return Plan.objects.select_related("organisation").order_by("-year", "-end_year")


def plan_by_slug(slug):
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{4})?", slug or ""):
        return None
    years = slug.split("-")
    first, last = int(years[0]), int(years[-1])
    return Plan.objects.filter(year=first, end_year=last).select_related("organisation").first()


def previous_plan(plan):
    return Plan.objects.filter(organisation=plan.organisation, year=plan.year - 1, end_year=plan.year - 1).first()


def areas_with_priorities(plan):
    """Areas with their priorities and the mean progress of the activities linked to them."""
    from django.db.models import Avg

    areas = list(Area.objects.filter(plan=plan).prefetch_related(
        Prefetch("priorities", queryset=Priority.objects.order_by("position", "id"))))
    progress = dict(Activity.objects.filter(plan=plan, priority__isnull=False).values("priority__area_id")
                    .annotate(mean=Avg("progress")).values_list("priority__area_id", "mean"))
    for area in areas:
        area.progress = round(progress[area.pk]) if area.pk in progress else None
    return areas


def activity_dates(activity, year):
    """Stored dates, or the dates read from the period as written."""
    if activity.starts_on or activity.ends_on:
        return activity.starts_on or activity.ends_on, activity.ends_on or activity.starts_on
    return parse_period(activity.period_text, year) or (None, None)


def programmes_with_work(plan, *, programme=None, month=None, area=None):
    """Programmes with their objectives and activities (each with ``start``, ``end``, ``months``),
    optionally only one programme, only activities running in a month (1–12), only activities
    serving a priority of one area. Objectives carry the mean progress of their activities."""
    from civica.network.models import Programme

    activities = (Activity.objects.filter(plan=plan).select_related("programme", "priority")
                  .prefetch_related(Prefetch("updates", queryset=ProgressUpdate.objects.order_by("-date", "-id")))
                  .order_by("programme__position", "position", "id"))
    objectives = Objective.objects.filter(plan=plan).order_by("position", "id")
    by_programme = {}
    for activity in activities:
        activity.start, activity.end = activity_dates(activity, plan.year)
        activity.months = {m for (y, m) in months_covered(activity.start, activity.end) if y == plan.year}
        if (month and month not in activity.months) or (area and (activity.priority is None
                                                                   or activity.priority.area_id != area)):
            continue
        by_programme.setdefault(activity.programme_id, []).append(activity)
    objective_progress = {}
    for activity in activities:
        if activity.objective_id:
            objective_progress.setdefault(activity.objective_id, []).append(activity.progress)
    objectives_by_programme = {}
    for objective in objectives:
        values = objective_progress.get(objective.pk)
        objective.progress = round(sum(values) / len(values)) if values else None
        objectives_by_programme.setdefault(objective.programme_id, []).append(objective)
    programmes = Programme.objects.filter(pk__in=set(objectives_by_programme) | set(by_programme)).order_by(
        "position", "name_ro")
    if programme:
        programmes = programmes.filter(slug=programme)
    result = []
    for item in programmes:
        item.plan_objectives = objectives_by_programme.get(item.pk, [])
        item.plan_activities = by_programme.get(item.pk, [])
        progress = [activity.progress for activity in item.plan_activities]
        item.plan_progress = round(sum(progress) / len(progress)) if progress else None
        if item.plan_activities or not (month or area):
            result.append(item)
    return result


def plan_programmes(plan):
    """The programmes with objectives or activities in ``plan``, in their order (one query)."""
    from django.db.models import Q

    from civica.network.models import Programme

    return list(Programme.objects.filter(Q(activities__plan=plan) | Q(objectives__plan=plan)).distinct()
                .order_by("position", "name_ro"))


def unparsed_periods(plan):
    """Activities whose period could not be read as dates: for editors to look at."""
    return [activity for activity in Activity.objects.filter(plan=plan, starts_on__isnull=True, ends_on__isnull=True)
            .select_related("programme") if activity.period_text and parse_period(activity.period_text, plan.year)
            is None]


def recent_updates(plan, limit=20):
    return ProgressUpdate.objects.filter(activity__plan=plan).select_related("activity__programme")[:limit]


def indicators_with_values(plan):
    """The plan's indicators, each with ``latest`` (its last value), chart points and its share of the
    target. An indicator with a registered live source (``registry.live_source``) ends with the value
    counted at the end of the plan's period, or today while it runs (``latest.live``), after the typed
    values dated before it; a source that has nothing for that date leaves the typed values."""
    items = list(Indicator.objects.filter(plan=plan).prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.order_by("date", "id"))))
    for indicator in items:
        values = list(indicator.values.all())
        source = live_source(indicator.live_source)
        at = min(datetime.date(plan.end_year or plan.year, 12, 31), timezone.localdate())
        counted = source.value_at(at) if source is not None else None
        if counted is not None:
            live = IndicatorValue(indicator=indicator, date=at, value=Decimal(counted))
            live.live = True
            values = [value for value in values if value.date < at] + [live]
        indicator.latest = values[-1] if values else None
        indicator.chart_points = _chart_points(values, indicator.target)
        indicator.share = (min(indicator.latest.value / indicator.target, Decimal(1))
                           if indicator.latest and indicator.target else None)
    return items


def budget_summary(plan):
    groups = list(BudgetGroup.objects.filter(plan=plan).prefetch_related("lines").order_by("kind", "position", "id"))
    plain = [budget_math.Group(group.translated("name"), "income" if group.kind == "income" else "expense",
                               tuple(budget_math.Line(line.translated("label"), line.amount, line.executed)
                                     for line in group.lines.all()), group.stated_total) for group in groups]
    summary = budget_math.summarise(plain, stated_income=plan.stated_income_total,
                                    stated_expenses=plan.stated_expense_total)
    for group, plain_group in zip(groups, plain, strict=True):
        group.total = plain_group.total
        group.executed_total = plain_group.executed
        for line in group.lines.all():
            line.variance, line.variance_share = budget_math.variance(line.amount, line.executed)
    summary.model_groups = groups
    summary.income_chart = budget_math.breakdown(plain, "income")
    summary.expense_chart = budget_math.breakdown(plain, "expense")
    return summary


def plan_glance(programmes, indicators):
    """The summary at the top of a plan page, from what the page has already read: how many activities
    and their mean progress, and how many indicators have reached their target."""
    progress = [activity.progress for item in programmes for activity in item.plan_activities]
    measured = [indicator for indicator in indicators if indicator.share is not None]
    return {
        "activities": len(progress),
        "progress": round(sum(progress) / len(progress)) if progress else None,
        "indicators": len(indicators),
        "indicators_met": sum(1 for indicator in measured if indicator.share >= 1),
        "indicators_measured": len(measured),
    }


def indicator_chart(indicators):
    """``[(name, latest as a percentage of the target)]`` for the chart of KPIs against their targets
    (in percent, since every indicator has its own unit; the chart marks 100% once, the table beside it
    has the values)."""
    return [(indicator.translated("name"),
             (indicator.latest.value / indicator.target * 100) if indicator.latest else None)
            for indicator in indicators if indicator.target]


CHART_WIDTH, CHART_HEIGHT = 160, 40


def _chart_points(values, target):
    """SVG polyline points for a small chart of the values against the target (the top line)."""
    if not values:
        return ""
    top = max([float(target or 0)] + [float(value.value) for value in values]) or 1.0
    step = CHART_WIDTH / max(len(values) - 1, 1)
    return " ".join(f"{index * step:.1f},{CHART_HEIGHT - float(value.value) / top * CHART_HEIGHT:.1f}"
                    for index, value in enumerate(values))


HISTORY_KINDS = {"+": "added", "~": "changed", "-": "removed"}


def _history_label(model, record):
    """What a kept version is about, read from the version itself (no query)."""
    if model is Priority:
        return record.text_ro if not record.text_en else _bilingual(record.text_ro, record.text_en)
    if model is Activity:
        return _bilingual(record.title_ro, record.title_en)
    if model is Indicator:
        return _bilingual(record.name_ro, record.name_en)
    if model is BudgetLine:
        return _bilingual(record.label_ro, record.label_en)
    if model is IndicatorValue:
        return f"{record.date:%Y-%m-%d}: {record.value}"
    return _bilingual(record.title_ro, record.title_en)


def _bilingual(text_ro, text_en):
    from civica.core.i18n import active_language

    return (text_en or text_ro) if active_language() == "en" else text_ro


def plan_history(plan, limit=20):
    """The latest changes to a published plan's figures since it was published, newest first: each with
    ``date``, ``by`` (the editor's public name, or None), ``what`` (the part's kind), ``label`` and
    ``kind`` (added, changed, removed). One query per kind of part."""
    from .models import PlanStatus

    if plan.status != PlanStatus.PUBLISHED:
        return []
    scopes = [(Plan, {"id": plan.pk, "history_type": "~"}), (Priority, {"area__plan_id": plan.pk}),
              (Activity, {"plan_id": plan.pk}), (Indicator, {"plan_id": plan.pk}),
              (IndicatorValue, {"indicator__plan_id": plan.pk}), (BudgetLine, {"group__plan_id": plan.pk})]
    entries = []
    for model, scope in scopes:
        versions = model.history.filter(**scope).select_related("history_user").order_by("-history_date")
        if plan.published_at:
            versions = versions.filter(history_date__gte=plan.published_at)
        for record in versions[:limit]:
            user = record.history_user
            entries.append({"date": record.history_date, "by": user.public_name if user else None,
                            "what": model._meta.verbose_name, "label": _history_label(model, record),
                            "kind": HISTORY_KINDS.get(record.history_type, "changed")})
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return entries[:limit]
