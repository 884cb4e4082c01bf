"""The observatory's public dashboards and the sector's diagnosis (slice 4), and the analysts' screens
to write the diagnosis.

Public (``@shared_page``: the same for everyone, kept by the page cache until any write, so a new value,
indicator or report shows at once): the index by framework and dimension, a dimension's page (each
published indicator with its latest figure, a small chart and its table), an indicator's page (what it
measures, its series as a chart and a table, filtered by years and breakdown through a form: bad values
are said beside the fields and the whole series is shown), the published reports and a report's page
and PDF. Every figure comes from ``selectors`` (published series only, through the disclosure control);
a withheld figure reads "withheld: fewer than N organisations", never 0.

Analysts (``observatory.manage_reports``) write a report and its sections and publish or withdraw it;
they see a draft's page as the public will. Others get a 403 saying why; visitors log in first."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.forms import save_posted
from civica.core.page_cache import shared_page
from civica.queue.responses import pdf_response

from .. import disclosure, selectors
from ..models import Breakdown, Report, ReportSection, Unit
from . import charts, services
from .forms import IndicatorFilterForm, ReportForm, ReportMoveForm, SectionForm

UNIT_SIGNS = {Unit.PERCENT: "%", Unit.LEI: "lei", Unit.PER_THOUSAND: "‰"}

analysts_only = refusals.permission_required(
    "observatory.manage_reports", gettext_lazy("The diagnosis reports are written by the observatory's analysts."))


def _unit(indicator) -> str:
    return UNIT_SIGNS.get(indicator.unit, "")


def _card(indicator, points, *, chart_id: str) -> dict:
    """An indicator as the dimension page and the report show it: latest figure, small chart, table."""
    name = indicator.translated("name")
    return {"indicator": indicator, "points": points, "latest": selectors.latest_point(points),
            "unit": _unit(indicator),
            "chart": charts.line_chart([(name, [(point.year, point.value) for point in points])], title=name,
                                       unit=_unit(indicator), decimals=indicator.decimals, small=True,
                                       chart_id=chart_id)}


def _withheld_context() -> dict:
    return {"minimum_organisations": disclosure.minimum_organisations()}


@require_safe
@shared_page
def index(request):
    return render(request, "observatory/dashboards/index.html", {
        "frameworks": selectors.dashboard_index(), "reports": selectors.published_reports()})


@require_safe
@shared_page
def dimension(request, framework, dimension):
    found = selectors.dimension_dashboard(framework, dimension)
    if found is None:
        raise Http404
    cards = [_card(item["indicator"], item["points"], chart_id=f"indicator-{item['indicator'].pk}")
             for item in found["indicators"]]
    return render(request, "observatory/dashboards/dimension.html", {
        "dimension": found["dimension"], "framework": found["framework"], "cards": cards, **_withheld_context()})


@require_safe
@shared_page
def indicator(request, code):
    found = selectors.published_indicator(code)
    if found is None:
        raise Http404
    form = IndicatorFilterForm(request.GET or None, indicator=found)
    filters = form.filters() if request.GET else {"breakdown": Breakdown.TOTAL}
    table = selectors.indicator_table(found, **filters)
    name, unit = found.translated("name"), _unit(found)
    chart = charts.line_chart(table["series"], title=name, unit=unit, decimals=found.decimals, chart_id="series")
    latest_year = table["years"][-1] if table["years"] else None
    by_group = None
    if filters["breakdown"] and latest_year is not None:
        title = _("%(indicator)s in %(year)s, by group") % {"indicator": name, "year": latest_year}
        by_group = charts.bar_chart([(label, cell.value if cell else None) for (_group, label), cell
                                     in zip(table["groups"], table["rows"][-1][1], strict=True)],
                                    title=title, unit=unit, decimals=found.decimals, chart_id="groups")
    return render(request, "observatory/dashboards/indicator.html", {
        "indicator": found, "form": form, "table": table, "chart": chart, "by_group": by_group,
        "unit": unit, "breakdown": filters["breakdown"],
        "breakdown_label": Breakdown(filters["breakdown"]).label, **_withheld_context()})


def _report_context(report_slug, *, published_only=True):
    found = selectors.report_with_sections(report_slug, published_only=published_only)
    if found is None:
        raise Http404
    sections = [{"section": item["section"],
                 "cards": [_card(entry["indicator"], entry["points"],
                                 chart_id=f"section-{item['section'].pk}-indicator-{entry['indicator'].pk}")
                           for entry in item["indicators"]]}
                for item in found["sections"]]
    return {"report": found["report"], "sections": sections, **_withheld_context()}


def _sees_drafts(request, **kwargs) -> bool:
    return request.user.has_perm("observatory.manage_reports")


@require_safe
@shared_page
def report_list(request):
    return render(request, "observatory/reports/list.html", {"reports": selectors.published_reports()})


@require_safe
@shared_page(personal_when=_sees_drafts)
def report_detail(request, slug):
    context = _report_context(slug, published_only=not _sees_drafts(request))
    return render(request, "observatory/reports/detail.html", {**context, "for_print": False})


@require_safe
def report_pdf(request, slug):
    """Rendered once per version (the hash of its HTML) by the queue and kept (civica.queue.documents)."""
    context = _report_context(slug, published_only=not _sees_drafts(request))
    html = render_to_string("observatory/reports/document.html", {**context, "for_print": True}, request=request)
    report = context["report"]
    return pdf_response(request, name=f"observatory.report:{report.pk}:{request.LANGUAGE_CODE}", html=html,
                        filename=f"{report.slug}-{request.LANGUAGE_CODE}.pdf")


# The analysts' screens.


@require_safe
@analysts_only
def manage_reports(request):
    return render(request, "observatory/reports/manage/list.html", {"reports": selectors.manage_reports()})


def _report_form(request, report):
    form = ReportForm(request.POST or None, instance=report or Report())
    saved = save_posted(request, form, lambda data: services.report_save(report=report, by=request.user,
                                                                                   **data),
                        _("The report is saved."))
    if saved:
        return redirect("observatory:manage_report", slug=saved.slug)
    sections = report.sections.all() if report is not None else []
    moves = [(status, Report.STATUS(status).label) for status in report.next_statuses()] if report else []
    return render(request, "observatory/reports/manage/report_form.html", {
        "form": form, "report": report, "sections": sections, "moves": moves})


@analysts_only
def report_new(request):
    return _report_form(request, None)


@analysts_only
def report_edit(request, slug):
    return _report_form(request, get_object_or_404(Report, slug=slug))


def _section_form(request, report, section):
    form = SectionForm(request.POST or None, instance=section or ReportSection(report=report),
                       initial=None if section else {"position": report.sections.count() + 1})
    if save_posted(request, form, lambda data: services.section_save(report=report, section=section,
                                                                               by=request.user, **data),
                   _("The section is saved.")):
        return redirect("observatory:manage_report", slug=report.slug)
    return render(request, "observatory/reports/manage/section_form.html", {
        "form": form, "report": report, "section": section})


@analysts_only
def section_new(request, slug):
    return _section_form(request, get_object_or_404(Report, slug=slug), None)


@analysts_only
def section_edit(request, slug, pk):
    section = get_object_or_404(ReportSection.objects.select_related("report"), pk=pk, report__slug=slug)
    return _section_form(request, section.report, section)


@require_POST
@analysts_only
def section_delete(request, slug, pk):
    section = get_object_or_404(ReportSection.objects.select_related("report"), pk=pk, report__slug=slug)
    try:
        services.section_delete(section=section, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("The section is deleted."))
    return redirect("observatory:manage_report", slug=slug)


@require_POST
@analysts_only
def report_move(request, slug):
    report = get_object_or_404(Report, slug=slug)
    form = ReportMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with the report."))
        return redirect("observatory:manage_report", slug=slug)
    try:
        moved = services.report_move(report=report, to=form.cleaned_data["to"], by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("The report is published.") if moved.is_published
                         else _("The report is withdrawn: it is a draft again."))
    return redirect("observatory:manage_report", slug=slug)
