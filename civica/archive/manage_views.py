"""The staff's screens of the archive (editors): every work with what it still lacks (the required-fields
check), a work's form, its images (upload checked by content, the original kept privately and served only
here, the public copy made as the licence allows), publishing and unpublishing, and the bulk import from
CSV/XLSX with a dry run. Visitors log in first; others get a 403 that says why."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import page_param

from . import importing, selectors, services
from .checks import missing_fields
from .forms import ImageEditForm, ImageForm, ImportForm, WorkForm
from .models import WorkImage

CONSERVATION_FIELDS = ("condition", "conservation_notes")
staff_only = refusals.permission_required("archive.manage_archive",
                                          gettext_lazy("Only the centre's editors catalogue the archive."))


def _work(pk):
    work = selectors.work_for_staff(pk)
    if work is None:
        raise Http404
    return work


@require_safe
@staff_only
def work_list(request):
    page = Paginator(selectors.staff_list(), 50).get_page(page_param(request.GET))
    rows = [(work, missing_fields(work)) for work in page.object_list]
    return render(request, "archive/manage/work_list.html", {"page": page, "rows": rows, "query": ""})


@staff_only
def work_edit(request, pk=None):
    work = _work(pk) if pk is not None else None
    form = WorkForm(request.POST or None, instance=work)
    if not request.user.has_perm("archive.read_conservation", work):
        # Whoever may catalogue but not read the conservation notes neither sees nor changes them.
        for name in CONSERVATION_FIELDS:
            form.fields.pop(name)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.fields}
        tags = fields.pop("tags")
        try:
            saved = services.work_save(by=request.user, work=work, tags=tags, **fields)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The work is saved."))
            return redirect("archive:manage_work", pk=saved.pk)
    return render(request, "archive/manage/work_form.html", {
        "work": work, "form": form, "missing": missing_fields(work) if work else None,
        "image_form": ImageForm(prefix="new") if work else None,
        "image_forms": [(image, ImageEditForm(instance=image, prefix=f"image-{image.pk}"))
                        for image in work.images.all()] if work else [],
    })


@require_POST
@staff_only
def work_status(request, pk):
    work = _work(pk)
    try:
        if request.POST.get("action") == "publish":
            services.work_publish(work=work, by=request.user)
            messages.success(request, _("The work is published."))
        elif request.POST.get("action") == "unpublish":
            services.work_unpublish(work=work, by=request.user)
            messages.success(request, _("The work is a draft again: no longer public."))
        else:
            messages.error(request, _("Choose what to do with the work."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    return redirect("archive:manage_work", pk=work.pk)


@require_POST
@staff_only
def image_add(request, pk):
    work = _work(pk)
    form = ImageForm(request.POST, request.FILES, prefix="new")
    if form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ("alt_ro", "alt_en", "rights_holder", "photographer",
                                                             "licence")}
        try:
            services.image_add(work=work, by=request.user, upload=form.cleaned_data["upload"],
                               keep_location=form.cleaned_data["keep_location"], **fields)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The image is added."))
            return redirect("archive:manage_work", pk=work.pk)
    else:
        for field, problems in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(problems)}" if label else " ".join(problems))
    return redirect("archive:manage_work", pk=work.pk)


def _image(pk):
    image = WorkImage.objects.select_related("work").filter(pk=pk).first()
    if image is None:
        raise Http404
    return image


@require_POST
@staff_only
def image_edit(request, pk):
    image = _image(pk)
    if request.POST.get("action") == "delete":
        try:
            services.image_delete(image=image, by=request.user)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The image is removed."))
        return redirect("archive:manage_work", pk=image.work_id)
    form = ImageEditForm(request.POST, instance=WorkImage.objects.get(pk=image.pk), prefix=f"image-{image.pk}")
    if form.is_valid():
        try:
            services.image_update(image=image, by=request.user,
                                  **{name: form.cleaned_data[name] for name in form.Meta.fields})
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The image is saved."))
    else:
        messages.error(request, _("The image was not saved: %(problems)s") % {
            "problems": " ".join(problem for problems in form.errors.values() for problem in problems)})
    return redirect("archive:manage_work", pk=image.work_id)


@require_safe
@staff_only
def image_original(request, pk):
    """The original as kept (with its metadata when staff kept it), to staff only."""
    image = _image(pk)
    if not request.user.has_perm("archive.read_original", image.work):
        raise Http404
    response = FileResponse(image.original.open("rb"), as_attachment=True,
                            filename=f"{image.work.inventory_number}-{image.pk}{image.original.name[-4:]}")
    response["Cache-Control"] = "private, no-store"
    return response


@staff_only
def import_works(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = importing.run(form.cleaned_data["file"], by=request.user, apply=form.cleaned_data["apply"])
        if report.applied:
            messages.success(request, _("Imported: %(created)s new works, %(updated)s updated.") % {
                "created": report.created, "updated": report.updated})
    status = 400 if report is not None and not report.ok else 200
    if request.method == "POST" and not form.is_valid():
        status = 400
    return render(request, "archive/manage/import.html", {"form": form, "report": report,
                                                         "columns": importing.COLUMNS}, status=status)
