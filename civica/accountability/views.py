"""The plan pages: ``/<lang>/plans/``, and a plan at ``/<lang>/plans/<year>/`` (or ``<first>-<last>/``): an
overview (summary, priorities, the programmes, progress updates, KPIs, the budget with its charts and
tables, changes, comments), a page per programme (``programmes/<slug>/``: objectives, activities, month by
month) and the activities filtered by programme, area and month (``activities/``). The overview and the
programme pages are kept once per plan version (parts.py) and only the personal parts are rendered per
request. The plan document at ``document/`` and ``document.pdf`` (the seed's structure, WeasyPrint, tagged
PDF/UA with bookmarks, kept once per version: document.py); spreadsheet export and import
(spreadsheets.py); posting progress; comments."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.comments.section import comment_section, post_comment_from_form
from civica.core import refusals
from civica.core.params import id_param, int_param
from civica.queue.responses import stored_pdf_response

from . import parts, selectors
from .document import document_context, document_name, document_version


def _plan_or_404(slug):
    plan = selectors.plan_by_slug(slug)
    if plan is None:
        raise Http404
    return plan


@require_safe
def plan_list(request):
    return render(request, "accountability/plan_list.html", {"plans": selectors.plan_list()})


def _month(request):
    return int_param(request.GET, "month", minimum=1, maximum=12)


FILTERS = ("programme", "month", "area")


def _personal_slots(request, plan):
    """What fills a kept part's slots for this person (parts.fill): for editors their links, the
    periods not read as dates and the budget totals that do not add up; for everyone else nothing."""
    if not request.user.has_perm("accountability.manage_plan", plan):
        return lambda name: ""
    label = _("Post progress")

    def value(name):
        if name == "editors":
            return render_to_string("accountability/_editors.html", {
                "plan": plan, "unparsed": selectors.unparsed_periods(plan)})
        if name == "budget-notice":
            return render_to_string("accountability/_budget_notice.html", {
                "mismatches": selectors.budget_summary(plan).mismatches})
        if name.startswith("progress-"):
            url = reverse("accountability:progress", args=[plan.slug, int(name.removeprefix("progress-"))])
            return format_html('<br><a href="{}">{}</a>', url, label)
        return ""

    return value


@require_safe
def plan_detail(request, slug):
    """The plan's overview: its kept part (parts.overview) with this person's slots and the comments."""
    plan = _plan_or_404(slug)
    if any(name in request.GET for name in FILTERS):  # the filters of the page before it was split
        return redirect(f"{reverse('accountability:activities', args=[slug])}?{request.GET.urlencode()}")
    html = parts.fill(parts.overview(plan, request.LANGUAGE_CODE), _personal_slots(request, plan))
    before, after = html.split(parts.COMMENTS, 1)
    return render(request, "accountability/plan_detail.html", {
        "plan": plan, "before_comments": mark_safe(before), "after_comments": mark_safe(after),  # noqa: S308
        "comment_section": comment_section(request, plan, post_url=reverse("accountability:comment", args=[slug])),
    })


@require_safe
def plan_programme(request, slug, programme):
    """One programme of the plan: its kept part (parts.programme) with this person's slots."""
    plan = _plan_or_404(slug)
    part = parts.programme(plan, programme, request.LANGUAGE_CODE)
    if part is None:
        raise Http404
    return render(request, "accountability/plan_programme.html", {
        "plan": plan, "title": part["title"],
        "body": mark_safe(parts.fill(part["html"], _personal_slots(request, plan))),  # noqa: S308
    })


@require_safe
def plan_activities(request, slug):
    """The plan's activities filtered by programme, area and month (rendered per request: the variants
    are many and each is small)."""
    plan = _plan_or_404(slug)
    programme = request.GET.get("programme") or None
    month = _month(request)
    areas = selectors.areas_with_priorities(plan)
    area = id_param(request.GET, "area")
    area = area if area in {item.pk for item in areas} else None
    filtered = bool(programme or month or area)
    programmes = (selectors.programmes_with_work(plan, programme=programme, month=month, area=area)
                  if filtered else [])
    html = render_to_string("accountability/plan_activities.html", {
        "plan": plan, "areas": areas, "programmes": programmes, "all_programmes": selectors.plan_programmes(plan),
        "filtered": filtered, "selected_programme": programme, "selected_month": month, "selected_area": area,
        "months": range(1, 13)}, request=request)
    return HttpResponse(parts.fill(html, _personal_slots(request, plan)))


@require_safe
def plan_document(request, slug):
    plan = _plan_or_404(slug)
    return render(request, "accountability/document.html", {**document_context(plan), "for_print": False})


@require_safe
def plan_document_pdf(request, slug):
    """Rendered once per version by the queue (document.py) and kept in the private storage; meanwhile a
    page says it is being prepared (civica.queue.responses)."""
    from .tasks import render_plan_document

    plan = _plan_or_404(slug)
    language = request.LANGUAGE_CODE
    version = document_version(plan, language)
    return stored_pdf_response(request, name=document_name(plan, language), version=version,
                               filename=f"plan-{plan.slug}-{language}.pdf",
                               render=lambda: render_plan_document.delay(plan.pk, language, version))


def _editor_plan(request, slug):
    from django.contrib.auth.views import redirect_to_login
    from django.core.exceptions import PermissionDenied

    plan = _plan_or_404(slug)
    if not request.user.is_authenticated:
        return plan, redirect_to_login(request.get_full_path())
    if not request.user.has_perm("accountability.manage_plan", plan):
        raise PermissionDenied(_("Only the centre's editors export and import plans."))
    return plan, None


@require_safe
def plan_export_xlsx(request, slug):
    from .spreadsheets import export_workbook

    plan, refusal = _editor_plan(request, slug)
    if refusal:
        return refusal
    response = HttpResponse(export_workbook(plan),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.slug}.xlsx"'
    return response


@require_safe
def plan_export_csv(request, slug, sheet):
    from civica.core.exports import csv_writer

    from .spreadsheets import SHEETS, export_rows

    plan, refusal = _editor_plan(request, slug)
    if refusal:
        return refusal
    if sheet not in SHEETS:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.slug}-{sheet}.csv"'
    response.write("\ufeff")
    writer = csv_writer(response)
    writer.writerow(SHEETS[sheet])
    writer.writerows(["" if value is None else value for value in row] for row in export_rows(plan)[sheet])
    return response


def plan_import(request, slug):
    from django.contrib import messages

    from . import services, spreadsheets

    plan, refusal = _editor_plan(request, slug)
    if refusal:
        return refusal
    problems = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems = [_("Choose the XLSX file to import.")]
        elif upload.size > 5 * 1024 * 1024:
            problems = [_("The file is larger than 5 MB.")]
        else:
            sheets, found = spreadsheets.read_workbook(upload)
            typed, checked = spreadsheets.check(plan, sheets) if sheets is not None and not found else ({}, [])
            problems = [str(problem) for problem in found + checked]
            if not problems:
                services.import_plan(plan=plan, typed=typed, by=request.user)
                messages.success(request, _("The plan was imported."))
                return redirect("accountability:plan", slug=plan.slug)
    return render(request, "accountability/import.html", {"plan": plan, "problems": problems})


class ProgressForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}),
                           input_formats=["%Y-%m-%d"])
    progress = forms.IntegerField(label=gettext_lazy("Progress (%)"), min_value=0, max_value=100)
    note_ro = forms.CharField(label=gettext_lazy("Note (Romanian)"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    note_en = forms.CharField(label=gettext_lazy("Note (English)"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    attachment = forms.FileField(label=gettext_lazy("Attachment (PDF, up to 10 MB)"), required=False)

    def clean_attachment(self):
        from civica.core.uploads import MAX_DOCUMENT_BYTES, check_file

        attachment = self.cleaned_data.get("attachment")
        if attachment:
            check_file(attachment, allowed_types=["pdf"], max_bytes=MAX_DOCUMENT_BYTES)
        return attachment


def progress_post(request, slug, activity_id):
    """Editors post how far an activity got (date, %, note, optional PDF)."""
    from django.contrib import messages
    from django.shortcuts import get_object_or_404
    from django.utils import timezone

    from . import services
    from .models import Activity

    plan, refusal = _editor_plan(request, slug)
    if refusal:
        return refusal
    activity = get_object_or_404(Activity.objects.select_related("programme"), pk=activity_id, plan=plan)
    form = ProgressForm(request.POST or None, request.FILES or None,
                        initial={"date": timezone.localdate(), "progress": activity.progress})
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_post(activity=activity, by=request.user, **form.cleaned_data)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The progress update is published."))
            return redirect("accountability:programme", slug=plan.slug, programme=activity.programme.slug)
    return render(request, "accountability/progress_form.html", {"plan": plan, "activity": activity, "form": form})


@login_required
@require_POST
def plan_comment(request, slug):
    return post_comment_from_form(request, _plan_or_404(slug))
