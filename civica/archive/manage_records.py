"""The staff's screens for the archive's other records (editors): artists, curated collections, exhibitions
and events (the symposium) and an event's documents. Each kind has a list (what each record still lacks:
the required-fields check, ``checks``), a form, and for collections, events and documents publishing and
unpublishing (``services.record_publish``, refused while anything is missing). A document's PDF stays in
the private storage: staff download it here, the public through ``views.document_file`` once published.
Visitors log in first; others get a 403 that says why."""

from dataclasses import dataclass

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

from . import selectors, services
from .checks import artist_missing, collection_missing, document_missing, event_missing
from .forms import ArtistForm, CollectionForm, DocumentEditForm, DocumentForm, EventForm, inventory_numbers
from .manage_views import staff_only
from .models import Document


@dataclass(frozen=True)
class Kind:
    name: str  # in the URLs' names: manage_<name>s, manage_<name>, manage_<name>_new
    form: type
    save: object  # the service
    heading: object  # lazy text
    new_label: object
    list_rows: object  # selectors' function: the list's queryset
    one: object  # selectors' function: pk -> record or None
    missing: object  # record -> [labels]
    has_works: bool = False
    publishable: bool = True


KINDS = {
    "artist": Kind("artist", ArtistForm, services.artist_save, gettext_lazy("Artists"), gettext_lazy("New artist"),
                   selectors.staff_artists, selectors.artist_for_staff, artist_missing, publishable=False),
    "collection": Kind("collection", CollectionForm, services.collection_save, gettext_lazy("Collections"),
                       gettext_lazy("New collection"), selectors.staff_collections, selectors.collection_for_staff,
                       lambda record: collection_missing(record, published_works=record.published_works),
                       has_works=True),
    "event": Kind("event", EventForm, services.event_save, gettext_lazy("Exhibitions and events"),
                  gettext_lazy("New exhibition or event"), selectors.staff_events, selectors.event_for_staff,
                  event_missing, has_works=True),
}


def _one(kind, pk):
    record = kind.one(pk)
    if record is None:
        raise Http404
    return record


@require_safe
@staff_only
def record_list(request, kind):
    kind = KINDS[kind]
    page = Paginator(kind.list_rows(), 50).get_page(page_param(request.GET))
    rows = [(record, kind.missing(record)) for record in page.object_list]
    return render(request, "archive/manage/record_list.html", {"kind": kind, "page": page, "rows": rows,
                                                              "query": ""})


@staff_only
def record_edit(request, kind, pk=None):
    kind = KINDS[kind]
    record = _one(kind, pk) if pk is not None else None
    initial = {"works": inventory_numbers(record.listed_works)} if record is not None and kind.has_works else None
    form = kind.form(request.POST or None, instance=record, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if kind.has_works:
            fields["works"] = form.cleaned_data["works"]
        try:
            saved = kind.save(by=request.user, **{kind.name: record}, **fields)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"archive:manage_{kind.name}", pk=saved.pk)
    context = {"kind": kind, "record": record, "form": form,
               "missing": kind.missing(record) if record is not None else None}
    if record is not None and kind.name == "event":
        context["documents"] = [(document, document_missing(document),
                                 DocumentEditForm(instance=document, prefix=f"document-{document.pk}"))
                                for document in record.documents.all()]
        context["document_form"] = DocumentForm(prefix="new")
    return render(request, "archive/manage/record_form.html", context)


@require_POST
@staff_only
def record_status(request, kind, pk):
    kind = KINDS[kind]
    record = _one(kind, pk)
    _move(request, record)
    return redirect(f"archive:manage_{kind.name}", pk=record.pk)


def _move(request, record) -> None:
    try:
        if request.POST.get("action") == "publish":
            services.record_publish(record=record, by=request.user)
            messages.success(request, _("Published."))
        elif request.POST.get("action") == "unpublish":
            services.record_unpublish(record=record, by=request.user)
            messages.success(request, _("Unpublished: no longer public."))
        else:
            messages.error(request, _("Choose what to do with the record."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)


def _document(pk):
    document = Document.objects.select_related("event").filter(pk=pk).first()
    if document is None:
        raise Http404
    return document


@require_POST
@staff_only
def document_add(request, pk):
    event = _one(KINDS["event"], pk)
    form = DocumentForm(request.POST, request.FILES, prefix="new")
    if form.is_valid():
        try:
            services.document_add(event=event, by=request.user, upload=form.cleaned_data["upload"],
                                  title_ro=form.cleaned_data["title_ro"], title_en=form.cleaned_data["title_en"])
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The document is added, as a draft."))
    else:
        for field, problems in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(problems)}" if label else " ".join(problems))
    return redirect("archive:manage_event", pk=event.pk)


@require_POST
@staff_only
def document_edit(request, pk):
    document = _document(pk)
    back = redirect("archive:manage_event", pk=document.event_id) if document.event_id else redirect(
        "archive:manage_events")
    action = request.POST.get("action")
    if action in ("publish", "unpublish"):
        _move(request, document)
        return back
    if action == "delete":
        try:
            services.document_delete(document=document, by=request.user)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The document is removed."))
        return back
    form = DocumentEditForm(request.POST, instance=Document.objects.get(pk=document.pk),
                            prefix=f"document-{document.pk}")
    if form.is_valid():
        try:
            services.document_update(document=document, by=request.user,
                                     **{name: form.cleaned_data[name] for name in form.Meta.fields})
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The document is saved."))
    else:
        messages.error(request, _("The document was not saved: %(problems)s") % {
            "problems": " ".join(problem for problems in form.errors.values() for problem in problems)})
    return back


@require_safe
@staff_only
def document_download(request, pk):
    """The PDF as kept, to staff, published or not."""
    document = _document(pk)
    response = FileResponse(document.file.open("rb"), content_type="application/pdf",
                            filename=f"document-{document.pk}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response
