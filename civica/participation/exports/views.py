"""The downloads of a consultation's contributions: the public's (``/<slug>/open-data/<file>``: anyone who
may read the consultation) and the staff's page and downloads (``/<slug>/manage/exports/``: its moderators,
editors and administrators; names only for editors and administrators). The file's name is read through
``ExportFileForm``: an unknown one is a 404 that says so. A draft is "not found" to anyone who may not read it;
a logged-in person without the right gets a 403 that says why; an anonymous visitor logs in first.

CSV, ZIP and JSON are ``StreamingHttpResponse``s; the XLSX is a ``FileResponse`` of a temporary file.
None is page-cached: each download reads the database as it is."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ..lookups import process_or_404
from . import streams
from .rows import BY_NAME, DATASETS, Audience, Export

ALL = streams.ALL
FILES = {f"{dataset.name}.csv": "csv" for dataset in DATASETS} | {
    f"{ALL}.zip": "zip", f"{ALL}.xlsx": "xlsx", f"{ALL}.json": "json"}


class ExportFileForm(forms.Form):
    file = forms.ChoiceField(choices=[(name, name) for name in FILES],
                             error_messages={"invalid_choice": gettext_lazy("There is no such file to download.")})


def _file_or_404(filename: str) -> str:
    form = ExportFileForm({"file": filename})
    if not form.is_valid():
        raise Http404(form.errors["file"][0])
    return form.cleaned_data["file"]


def download(export: Export, filename: str, *, suffix: str = ""):
    """The response for one of ``FILES``, named ``<slug>-<file>`` (with ``suffix`` before the extension)."""
    stem, _dot, extension = filename.rpartition(".")
    attachment = f"{export.process.slug}-{stem}{suffix}.{extension}"
    kind = FILES[filename]
    if kind == "xlsx":
        return FileResponse(streams.xlsx_file(export), as_attachment=True, filename=attachment,
                            content_type=streams.XLSX_TYPE)
    if kind == "csv":
        response = StreamingHttpResponse(streams.csv_chunks(export, BY_NAME[stem]),
                                         content_type="text/csv; charset=utf-8")
    elif kind == "zip":
        response = StreamingHttpResponse(streams.zip_chunks(export), content_type=streams.ZIP_TYPE)
    else:
        response = StreamingHttpResponse(streams.json_chunks(export), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{attachment}"'
    return response


@require_safe
def public_download(request, slug, filename):
    """The contributions as open data: no person, nothing hidden or deleted."""
    process = process_or_404(slug, request.user)
    return download(Export(process, Audience.PUBLIC), _file_or_404(filename))


def staff_audience(user, process) -> Audience:
    """What this person may download: the codes, with names too when allowed (403 otherwise)."""
    if not user.has_perm("participation.export_contributions", process):
        raise PermissionDenied(_("Only the moderators and editors of this consultation may download "
                                 "everything contributed to it."))
    if user.has_perm("participation.export_contributions_with_names", process):
        return Audience.NAMES
    return Audience.CODES


def _staff_process(request, slug):
    process = process_or_404(slug, request.user)
    return process, staff_audience(request.user, process)


@require_safe
def staff_page(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    process, audience = _staff_process(request, slug)
    return render(request, "participation/manage/exports.html", {
        "process": process, "with_names": audience is Audience.NAMES, "datasets": DATASETS,
        "all": ALL,
    })


@require_safe
def staff_download(request, slug, filename):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    process, audience = _staff_process(request, slug)
    filename = _file_or_404(filename)
    return download(Export(process, audience), filename, suffix="-staff")
