"""The meetings editors' screens: the list (drafts and cancelled meetings included, with registrations,
places and the waiting list), a new meeting, its overview (publication, cancellation, the space's
other uses around its time), its details, what follows it (minutes, video, documents), and its
registrations with the waiting list, check-in and the CSV/XLSX exports. Views parse, ask rules, call
one service and render; anonymous visitors are sent to log in, others without the right get a 403."""

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.exports import csv_writer, workbook
from civica.core.params import page_param

from .. import selectors, services
from ..models import Meeting, MeetingDocument, Registration
from .forms import AfterMeetingForm, CancelForm, DocumentForm, MeetingForm

MEETINGS_PER_PAGE = 25


def _refusal_text():
    return _("Only the centre's editors manage meetings.")


def _managed_meeting(request, slug, permission="meetings.manage_meeting"):
    meeting = Meeting.objects.filter(slug=slug).select_related("space", "programme", "process").first()
    if meeting is None:
        raise Http404
    if not request.user.has_perm(permission, meeting):
        raise PermissionDenied(_refusal_text())
    return meeting


@require_safe
@login_required
def manage_list(request):
    if not request.user.has_perm("meetings.manage_meeting"):
        raise PermissionDenied(_refusal_text())
    when = request.GET.get("when") if request.GET.get("when") in ("upcoming", "past") else None
    page = Paginator(selectors.manage_meeting_list(when=when), MEETINGS_PER_PAGE).get_page(page_param(request.GET))
    return render(request, "meetings/manage/meeting_list.html", {
        "meetings": page.object_list, "page": page, "when": when, "query": f"when={when}" if when else ""})


@login_required
def meeting_new(request):
    if not request.user.has_perm("meetings.manage_meeting"):
        raise PermissionDenied(_refusal_text())
    form = MeetingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and not _only_checking(request):
        try:
            meeting = services.meeting_create(by=request.user, **form.meeting_fields())
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The meeting is created as a draft: only editors see it until it is "
                                        "published."))
            return redirect("meetings:manage_meeting", slug=meeting.slug)
    return render(request, "meetings/manage/meeting_form.html", {
        "form": form, "meeting": None, "agenda": _agenda_for_form(form), "checking": _only_checking(request)})


def _only_checking(request):
    """The form's "Show the space's other uses" button: check and show, save nothing."""
    return request.method == "POST" and "check_space" in request.POST


def _agenda_for_form(form):
    """The chosen space's uses around the time typed (or saved), for the form's page: None without a space.
    A space refused for a clash is still shown: the agenda says what takes it."""
    if not form.is_bound:
        space, starts_at = form.instance.space if form.instance.space_id else None, form.instance.starts_at
    else:
        try:
            space = form.fields["space"].clean(form["space"].data)
        except ValidationError:
            space = None
        starts_at = getattr(form, "cleaned_data", {}).get("starts_at")
    if space is None or starts_at is None:
        return None
    return selectors.space_around(space, starts_at, except_meeting=form.instance)


@require_safe
@login_required
def meeting_manage(request, slug):
    meeting = _managed_meeting(request, slug)
    return render(request, "meetings/manage/meeting_manage.html", {
        "meeting": meeting, "counts": selectors.registration_counts(meeting),
        "agenda": selectors.space_around(meeting.space, meeting.starts_at, except_meeting=meeting)
        if meeting.space_id else None,
        "can_publish": request.user.has_perm("meetings.publish_meeting", meeting),
        "can_cancel": request.user.has_perm("meetings.cancel_meeting", meeting),
    })


@login_required
def meeting_edit(request, slug):
    meeting = _managed_meeting(request, slug)
    form = MeetingForm(request.POST or None, request.FILES or None, instance=meeting)
    if request.method == "POST" and form.is_valid() and not _only_checking(request):
        try:
            services.meeting_update(meeting=meeting, by=request.user, **form.meeting_fields())
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect("meetings:manage_meeting", slug=meeting.slug)
    # A refused form has written the typed values on the instance: read the saved one again for the page.
    saved = Meeting.objects.select_related("space").get(pk=meeting.pk) if form.is_bound else meeting
    return render(request, "meetings/manage/meeting_form.html", {
        "form": form, "meeting": saved, "agenda": _agenda_for_form(form), "checking": _only_checking(request)})


@require_POST
@login_required
def meeting_publish(request, slug):
    meeting = _managed_meeting(request, slug)
    try:
        if request.POST.get("action") == "unpublish":
            services.meeting_unpublish(meeting=meeting, by=request.user)
            messages.success(request, _("The meeting is no longer public."))
        else:
            services.meeting_publish(meeting=meeting, by=request.user)
            messages.success(request, _("The meeting is published."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    return redirect("meetings:manage_meeting", slug=meeting.slug)


@login_required
def meeting_cancel(request, slug):
    meeting = _managed_meeting(request, slug)
    if not request.user.has_perm("meetings.cancel_meeting", meeting):
        raise PermissionDenied(_("A meeting is cancelled before it ends, once."))
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The meeting is cancelled; everyone registered or waiting is being told "
                                        "by e-mail."))
            return redirect("meetings:manage_meeting", slug=meeting.slug)
    return render(request, "meetings/manage/meeting_cancel.html", {
        "meeting": meeting, "form": form, "counts": selectors.registration_counts(meeting)})


@login_required
def meeting_after(request, slug):
    meeting = _managed_meeting(request, slug)
    form = AfterMeetingForm(request.POST or None, instance=meeting, prefix="after")
    document_form = DocumentForm(prefix="document")
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, by=request.user,
                                    **{name: form.cleaned_data[name] for name in AfterMeetingForm.Meta.fields})
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("The minutes and the video link are saved."))
            return redirect("meetings:manage_after", slug=meeting.slug)
    return _after_page(request, meeting, form, document_form)


def _after_page(request, meeting, form, document_form):
    return render(request, "meetings/manage/meeting_after.html", {
        "meeting": meeting, "form": form, "document_form": document_form,
        "documents": list(meeting.documents.order_by("pk"))})


@require_POST
@login_required
def document_add(request, slug):
    meeting = _managed_meeting(request, slug)
    document_form = DocumentForm(request.POST, request.FILES, prefix="document")
    if document_form.is_valid():
        try:
            services.document_add(meeting=meeting, by=request.user, **document_form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(document_form, error)
        else:
            messages.success(request, _("The document is added."))
            return redirect("meetings:manage_after", slug=meeting.slug)
    form = AfterMeetingForm(instance=meeting, prefix="after")
    return _after_page(request, meeting, form, document_form)


@require_POST
@login_required
def document_remove(request, slug, document_id):
    meeting = _managed_meeting(request, slug)
    document = MeetingDocument.objects.filter(meeting=meeting, pk=document_id).first()
    if document is not None:  # removed already (a second tab): nothing to do
        services.document_remove(document=document, by=request.user)
        messages.success(request, _("The document is removed."))
    return redirect("meetings:manage_after", slug=meeting.slug)


@require_safe
@login_required
def registrations(request, slug):
    meeting = _managed_meeting(request, slug)
    rows = selectors.registrations_for_staff(meeting)
    return render(request, "meetings/manage/registrations.html", {
        "meeting": meeting, "counts": selectors.registration_counts(meeting), **rows})


@require_POST
@login_required
def registration_check_in(request, slug, registration_id):
    meeting = _managed_meeting(request, slug, "meetings.check_in")
    registration = Registration.objects.filter(meeting=meeting, pk=registration_id).first()
    if registration is None:
        raise Http404
    try:
        checked = services.check_in(meeting=meeting, code=registration.code, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": checked.person.public_name})
    return redirect(reverse("meetings:manage_registrations", args=[meeting.slug]) + f"#registration-{registration.pk}")


class _Echo:
    def write(self, value):
        return value


@require_safe
@login_required
def export_csv(request, slug):
    meeting = _managed_meeting(request, slug)
    writer = csv_writer(_Echo())
    response = StreamingHttpResponse((writer.writerow(row) for row in selectors.registration_rows(meeting)),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}-registrations.csv"'
    return response


@require_safe
@login_required
def export_xlsx(request, slug):
    meeting = _managed_meeting(request, slug)
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # removed when the response is closed
    book = workbook(handle.name, {"constant_memory": True})
    sheet = book.add_worksheet(_("Registrations")[:31])
    for number, row in enumerate(selectors.registration_rows(meeting)):
        sheet.write_row(number, 0, row)
    book.close()
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=f"{meeting.slug}-registrations.xlsx",
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
