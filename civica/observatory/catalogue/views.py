"""The analysts' screens of the catalogue (``/<lang>/observatory/manage/…``): the frameworks with their
dimensions and the indicators; a framework's, a dimension's and an indicator's forms; an indicator's
stated values as a table (add, change, delete one: never for an indicator counted by the platform); and
the import of values from a CSV or XLSX file, in two steps.

The import's two steps: the file is read and checked (the dry run: what would be added, changed, left
unchanged, and every refused row with its row number, column and reason), and, when nothing is refused,
kept in the private storage under a random name, remembered in the analyst's session only (a token on
the confirmation form names it; another person's token is unknown to this session). Confirming reads
the kept file again and imports it in one transaction, checking every row again (an indicator's range
may have changed meanwhile), then deletes it. Keeping the file saves choosing it a second time and
guarantees the rows confirmed are the rows shown; a dry run left unconfirmed leaves its file until the
session's next import replaces it (``_forget``).

Anonymous visitors log in first; others without ``observatory.manage`` get a 403 that says why. A refused
save shows the form again with everything typed and the reasons beside the fields."""

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.forms import save_posted
from civica.core.uploads import private_storage

from .. import importing, selectors, services
from ..models import Breakdown, Dimension, Framework, Indicator, IndicatorValue, ValueStatus
from .forms import (
    DimensionForm,
    FrameworkForm,
    ImportConfirmForm,
    ImportForm,
    IndicatorForm,
    ValueForm,
    show_number,
)

analysts_only = refusals.permission_required(
    "observatory.manage", gettext_lazy("The observatory's catalogue is kept by its analysts."))
SESSION_KEY = "observatory_import"
SHOWN_ROWS = 200  # rows of each kind listed in a dry run; the counts are always whole


@require_safe
@analysts_only
def catalogue(request):
    return render(request, "observatory/catalogue/manage.html", selectors.manage_catalogue())


def _form_page(request, form, *, title, crumbs=(), delete_url=None):
    return render(request, "observatory/catalogue/form.html", {
        "form": form, "title": title, "crumbs": crumbs, "delete_url": delete_url})


def _framework_form(request, framework):
    form = FrameworkForm(request.POST or None, instance=framework or Framework())
    saved = save_posted(request, form, lambda data: services.framework_save(framework=framework, by=request.user,
                                                                            **data),
                        _("The framework is saved."))
    if saved:
        return redirect("observatory:manage")
    return _form_page(request, form, title=framework.name_ro if framework else _("New framework"))


@analysts_only
def framework_new(request):
    return _framework_form(request, None)


@analysts_only
def framework_edit(request, slug):
    return _framework_form(request, get_object_or_404(Framework, slug=slug))


def _dimension_form(request, framework, dimension):
    form = DimensionForm(request.POST or None, instance=dimension or Dimension(framework=framework))
    saved = save_posted(request, form, lambda data: services.dimension_save(
        dimension=dimension, framework=framework, by=request.user, **data), _("The dimension is saved."))
    if saved:
        return redirect("observatory:manage")
    return _form_page(request, form, title=dimension.name_ro if dimension else _("New dimension"),
                      crumbs=[(framework.name_ro, "observatory:manage_framework", framework.slug)])


@analysts_only
def dimension_new(request, slug):
    return _dimension_form(request, get_object_or_404(Framework, slug=slug), None)


@analysts_only
def dimension_edit(request, slug, pk):
    dimension = get_object_or_404(Dimension.objects.select_related("framework"), pk=pk, framework__slug=slug)
    return _dimension_form(request, dimension.framework, dimension)


def _indicator_form(request, indicator):
    form = IndicatorForm(request.POST or None, instance=indicator or Indicator())
    saved = save_posted(request, form, lambda data: services.indicator_save(indicator=indicator, by=request.user,
                                                                            **data),
                        _("The indicator is saved."))
    if saved:
        return redirect("observatory:manage_values", code=saved.code)
    crumbs = [(indicator.code, "observatory:manage_values", indicator.code)] if indicator else []
    return _form_page(request, form, title=str(indicator) if indicator else _("New indicator"), crumbs=crumbs)


@analysts_only
def indicator_new(request):
    return _indicator_form(request, None)


@analysts_only
def indicator_edit(request, code):
    return _indicator_form(request, get_object_or_404(Indicator, code=code))


@require_safe
@analysts_only
def values(request, code):
    indicator = get_object_or_404(Indicator.objects.select_related("framework", "dimension"), code=code)
    return render(request, "observatory/catalogue/values.html", {
        "indicator": indicator, "values": selectors.manage_values(indicator)})


def _value_form(request, indicator, row):
    initial = None
    if row is not None:
        initial = {name: getattr(row, name) for name in ("year", "breakdown", "group", "value", "status", "source",
                                                         "note")}
    form = ValueForm(request.POST or None, initial=initial, indicator=indicator)
    if indicator.computed_from and request.method == "POST":
        form.is_valid()
        form.add_error(None, _("This indicator is counted by the platform: its values cannot be typed in."))
    elif save_posted(request, form, lambda data: services.value_save(row=row, indicator=indicator, by=request.user,
                                                                    **data),
                     _("The value is saved.")):
        return redirect("observatory:manage_values", code=indicator.code)
    delete_url = ("observatory:manage_value_delete", indicator.code, row.pk) if row else None
    return _form_page(request, form, title=_("Value of %(code)s") % {"code": indicator.code},
                      crumbs=[(indicator.code, "observatory:manage_values", indicator.code)], delete_url=delete_url)


@analysts_only
def value_new(request, code):
    return _value_form(request, get_object_or_404(Indicator, code=code), None)


@analysts_only
def value_edit(request, code, pk):
    row = get_object_or_404(IndicatorValue.objects.stated().select_related("indicator"), pk=pk, indicator__code=code)
    return _value_form(request, row.indicator, row)


@require_POST
@analysts_only
def value_delete(request, code, pk):
    row = get_object_or_404(IndicatorValue.objects.stated().select_related("indicator"), pk=pk, indicator__code=code)
    try:
        services.value_delete(row=row, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("The value is deleted."))
    return redirect("observatory:manage_values", code=code)


def _forget(request) -> None:
    """Delete the file a previous dry run of this session kept, if any."""
    kept = request.session.pop(SESSION_KEY, None)
    if kept:
        private_storage().delete(kept["name"])


def _shown(row: importing.Row, codes: dict) -> dict:
    """A row of the dry run as the page lists it, in the page's language."""
    return {"row": row.row, "code": codes.get(row.indicator_id, ""), "year": row.year,
            "group": f"{Breakdown(row.breakdown).label}: {row.group}" if row.breakdown else Breakdown.TOTAL.label,
            "value": show_number(row.value), "status": ValueStatus(row.status).label}


def _import_page(request, form, *, plan=None, token=None):
    context = {"form": form, "plan": plan, "token": token, "shown": SHOWN_ROWS}
    if plan is not None:
        shown = plan.added[:SHOWN_ROWS] + [row for row, _pk in plan.changed[:SHOWN_ROWS]]
        codes = dict(Indicator.objects.filter(pk__in={row.indicator_id for row in shown}).values_list("pk", "code"))
        context.update(added=[_shown(row, codes) for row in plan.added[:SHOWN_ROWS]],
                       changed=[_shown(row, codes) for row, _pk in plan.changed[:SHOWN_ROWS]],
                       refused=plan.refused[:SHOWN_ROWS * 5])
    return render(request, "observatory/catalogue/import.html", context)


@analysts_only
def import_values(request):
    """The dry run: the file checked, what it would do shown, the file kept when nothing is refused."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _import_page(request, form)
    data = form.cleaned_data["file"].read(importing.MAX_BYTES + 1)
    convention = form.cleaned_data["convention"]
    try:
        plan = services.values_import(data=data, convention=convention, by=request.user, dry_run=True)
    except importing.FileRefused as refused:
        form.add_error("file", str(refused))
        return _import_page(request, form)
    token = None
    if plan.accepted and (plan.added or plan.changed):
        _forget(request)
        token = secrets.token_hex(16)
        name = private_storage().save(f"observatory/imports/{token}.{importing.kind_of(data[:4])}",
                                      ContentFile(data))
        request.session[SESSION_KEY] = {"token": token, "name": name, "convention": convention}
    return _import_page(request, form, plan=plan, token=token)


@require_POST
@analysts_only
def import_confirm(request):
    form = ImportConfirmForm(request.POST)
    kept = request.session.get(SESSION_KEY)
    if not form.is_valid() or not kept or kept["token"] != form.cleaned_data["token"]:
        messages.error(request, _("This import is no longer waiting for confirmation: choose the file again."))
        return redirect("observatory:manage_import")
    storage = private_storage()
    try:
        with storage.open(kept["name"], "rb") as kept_file:
            data = kept_file.read()
    except OSError:
        request.session.pop(SESSION_KEY, None)
        messages.error(request, _("This import is no longer waiting for confirmation: choose the file again."))
        return redirect("observatory:manage_import")
    try:
        plan = services.values_import(data=data, convention=kept["convention"], by=request.user, dry_run=False)
    except (importing.FileRefused, ValidationError) as refused:
        _forget(request)
        messages.error(request, refusals.refusal_message(refused) if isinstance(refused, ValidationError)
                       else str(refused))
        return redirect("observatory:manage_import")
    _forget(request)
    if not plan.accepted:  # something changed since the dry run: nothing was saved
        messages.error(request, _("Nothing was imported: rows are refused now. Check them and try again."))
        return _import_page(request, ImportForm(initial={"convention": kept["convention"]}), plan=plan)
    messages.success(request, _("Imported. Added: %(added)d; changed: %(changed)d; unchanged: %(unchanged)d.") % {
        "added": len(plan.added), "changed": len(plan.changed), "unchanged": len(plan.unchanged)})
    return redirect("observatory:manage")
