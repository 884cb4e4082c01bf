"""The staff's screens of the inventory (editors; not the admin): every locality with what it holds, a
locality's records, and the forms of localities, heritage objects, craftspeople (with the consent recorded
or withdrawn), remarkable sites (with their panel's PDF) and photos (checked by content, the original kept
privately and served only here). Roots proposals are reviewed in the moderation queue's waiting section.
Visitors log in first; others get a 403 that says why."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals

from . import selectors, services
from .forms import ConsentForm, CraftspersonForm, LocalityForm, ObjectForm, PhotoEditForm, PhotoForm, SiteForm
from .models import Craftsperson, HeritageObject, HeritagePhoto, Locality, Site

staff_only = refusals.permission_required("heritage.manage",
                                          gettext_lazy("Only the centre's editors keep the heritage inventory."))

# kind in the address → (model, form, service, the service's keyword for the record, what is said when saved)
KINDS = {
    "localities": (Locality, LocalityForm, services.locality_save, "locality", gettext_lazy("The locality is saved.")),
    "objects": (HeritageObject, ObjectForm, services.object_save, "heritage_object",
                gettext_lazy("The heritage object is saved.")),
    "people": (Craftsperson, CraftspersonForm, services.craftsperson_save, "person",
               gettext_lazy("The craftsperson or producer is saved.")),
    "sites": (Site, SiteForm, services.site_save, "site", gettext_lazy("The remarkable site is saved.")),
}


@require_safe
@staff_only
def overview(request):
    return render(request, "heritage/manage/overview.html", {"localities": selectors.staff_overview()})


@require_safe
@staff_only
def locality_records(request, pk):
    locality = selectors.staff_locality(pk)
    if locality is None:
        raise Http404
    return render(request, "heritage/manage/locality.html", {"locality": locality})


@staff_only
def edit(request, kind, pk=None):
    if kind not in KINDS:
        raise Http404
    model, form_class, save, keyword, saved_message = KINDS[kind]
    record = get_object_or_404(model, pk=pk) if pk is not None else None
    initial = {}
    if record is None and kind != "localities":
        locality = Locality.objects.filter(pk=_locality_id(request)).first()
        initial = {"locality": locality} if locality else {}
    form = form_class(request.POST or None, instance=record, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if kind == "people":
            fields["user"] = form.cleaned_data.get("account_email")
        try:
            saved = save(by=request.user, **{keyword: record}, **fields)
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, saved_message)
            return redirect("heritage:manage_edit", kind=kind, pk=saved.pk)
    return render(request, "heritage/manage/edit.html", {
        "form": form, "record": record, "kind": kind, "verbose_name": model._meta.verbose_name,
        "consent_form": ConsentForm() if kind == "people" and record is not None else None,
    })


def _locality_id(request):
    from civica.core.params import id_param

    return id_param(request.GET, "locality")


@require_POST
@staff_only
def consent(request, pk):
    """Staff record a craftsperson's consent (how it was given) or withdraw it (``action=withdraw``)."""
    person = get_object_or_404(Craftsperson, pk=pk)
    try:
        if request.POST.get("action") == "withdraw":
            services.consent_withdraw(person=person, by=request.user)
            messages.success(request, _("The consent is withdrawn: the public no longer sees this entry."))
        else:
            form = ConsentForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Say how the consent was given (a signed form, an e-mail…)."))
            else:
                services.consent_record(person=person, by=request.user, how=form.cleaned_data["how"])
                messages.success(request, _("The consent is recorded: the entry is public."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    return redirect("heritage:manage_edit", kind="people", pk=person.pk)


@staff_only
def photo_add(request, pk):
    locality = get_object_or_404(Locality, pk=pk)
    form = PhotoForm(request.POST or None, request.FILES or None, locality=locality)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields if name not in ("upload", "keep_location")}
        try:
            services.photo_add(locality=locality, by=request.user, upload=form.cleaned_data["upload"],
                               keep_location=form.cleaned_data["keep_location"], **fields)
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("The photo is added."))
            return redirect("heritage:manage_locality", pk=locality.pk)
    return render(request, "heritage/manage/photo_form.html", {"form": form, "locality": locality})


@staff_only
def photo_edit(request, pk):
    photo = get_object_or_404(HeritagePhoto.objects.select_related("locality"), pk=pk)
    form = PhotoEditForm(request.POST or None, instance=photo)
    if request.method == "POST" and form.is_valid():
        try:
            services.photo_update(photo=photo, by=request.user,
                                  **{name: form.cleaned_data[name] for name in form.Meta.fields})
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("The photo is saved."))
            return redirect("heritage:manage_locality", pk=photo.locality_id)
    return render(request, "heritage/manage/photo_form.html", {"form": form, "locality": photo.locality,
                                                              "photo": photo})


@require_POST
@staff_only
def photo_delete(request, pk):
    photo = get_object_or_404(HeritagePhoto, pk=pk)
    locality_pk = photo.locality_id
    services.photo_delete(photo=photo, by=request.user)
    messages.success(request, _("The photo is deleted."))
    return redirect("heritage:manage_locality", pk=locality_pk)


@require_safe
@staff_only
def photo_original(request, pk):
    """The original as kept (with its metadata when staff kept it), to staff only."""
    photo = get_object_or_404(HeritagePhoto, pk=pk)
    if not request.user.has_perm("heritage.read_original", photo):
        raise Http404
    response = FileResponse(photo.original.open("rb"), as_attachment=True,
                            filename=f"heritage-{photo.pk}{photo.original.name[-4:]}")
    response["Cache-Control"] = "private, no-store"
    return response
