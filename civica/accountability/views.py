from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from . import selectors
from .models import LEVEL_SYMBOLS, Level


def _plan_or_404(slug):
    plan = selectors.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


@require_safe
def plan_list(request):
    return render(request, "accountability/plan_list.html", {"plans": selectors.plan_list()})


def _month(request):
    month = request.GET.get("month", "")
    return int(month) if month.isdigit() and 1 <= int(month) <= 12 else None


@require_safe
def plan_detail(request, slug):
    plan = _plan_or_404(slug)
    programme = request.GET.get("programme") or None
    month = _month(request)
    all_programmes = selectors.programmes_with_work(plan)
    programmes = selectors.programmes_with_work(plan, programme=programme, month=month) if (programme or month) \
        else all_programmes
    return render(request, "accountability/plan_detail.html", {
        "plan": plan, "areas": selectors.areas_with_priorities(plan),
        "programmes": programmes, "all_programmes": all_programmes,
        "selected_programme": programme, "selected_month": month, "months": range(1, 13),
        "updates": selectors.recent_updates(plan), "indicators": selectors.indicators_with_values(plan),
        "budget": selectors.budget_summary(plan), "levels": _levels(),
        "unparsed": selectors.unparsed_periods(plan) if request.user.has_perm("accountability.manage_plan") else [],
    })


def _levels():
    return [(level.value, level.label, LEVEL_SYMBOLS[level]) for level in Level]


def _document_context(plan):
    previous = selectors.previous_plan(plan)
    return {
        "plan": plan, "areas": selectors.areas_with_priorities(plan),
        "previous": previous, "previous_areas": selectors.areas_with_priorities(previous) if previous else [],
        "programmes": selectors.programmes_with_work(plan), "indicators": selectors.indicators_with_values(plan),
        "budget": selectors.budget_summary(plan), "levels": _levels(),
    }


@require_safe
def plan_document(request, slug):
    plan = _plan_or_404(slug)
    return render(request, "accountability/document.html", {**_document_context(plan), "for_print": False})


def render_document_pdf(plan, request=None) -> bytes:
    from django.conf import settings
    from weasyprint import HTML

    html = render_to_string("accountability/document.html", {**_document_context(plan), "for_print": True},
                            request=request)
    return HTML(string=html, base_url=settings.CIVICA_BASE_URL).write_pdf(pdf_variant="pdf/ua-1")


@require_safe
def plan_document_pdf(request, slug):
    plan = _plan_or_404(slug)
    response = HttpResponse(render_document_pdf(plan, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="plan-{plan.slug}-{request.LANGUAGE_CODE}.pdf"'
    return response
