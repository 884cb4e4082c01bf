"""The network's pages: organisations and programmes (``/network/organisations/``, filtered by category,
relationship, network and programme through ``DirectoryFilterForm``, paginated, exported as CSV and XLSX;
an organisation's page shows what the apps above register in ``registry.organisation_sections``; a
programme's page shows what the apps above register for it in ``registry.programme_sections``), the networks
(``/network/networks/``) and the figures with where each comes from (``/network/figures/``),
the spaces (``/network/spaces/``; ``/network/spaces/<slug>/`` with upcoming meetings and two weeks of taken
times, ``?from=`` to move; ``…/book/``), "My bookings" with cancelling (``/network/bookings/``) and the
editors' page to confirm and decline (``/network/bookings/manage/``)."""

import datetime
import tempfile

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from civica.core import refusals
from civica.core.exports import csv_writer, workbook
from civica.core.params import page_param

from . import selectors, services
from .availability import LIMITS
from .forms import BookingForm, DirectoryFilterForm
from .models import Booking, Network, Organisation, Programme, Space
from .registry import organisation_sections, programme_sections

ORGANISATIONS_PER_PAGE = 24


def _directory(request):
    """The filter form and the organisations it selects."""
    form = DirectoryFilterForm(request.GET, **selectors.directory_filter_choices())
    filters = form.filters()
    return form, filters, selectors.organisation_directory(**filters)


@require_safe
def organisation_list(request):
    form, filters, organisations = _directory(request)
    page = Paginator(organisations, ORGANISATIONS_PER_PAGE).get_page(page_param(request.GET))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "network/organisation_list.html", {
        "form": form, "page": page, "organisations": page.object_list, "query": query.urlencode(),
        "filtered": any(filters.values()), "directory_figures": selectors.directory_figures(),
    })


class _Echo:
    def write(self, value):
        return value


@require_safe
def organisation_export_csv(request):
    _form, _filters, organisations = _directory(request)
    writer = csv_writer(_Echo())
    response = StreamingHttpResponse((writer.writerow(row) for row in selectors.directory_rows(organisations)),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisations.csv"'
    return response


@require_safe
def organisation_export_xlsx(request):
    _form, _filters, organisations = _directory(request)
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx")  # removed when the response is closed
    book = workbook(handle.name, {"constant_memory": True})
    sheet = book.add_worksheet(_("Organisations")[:31])
    for number, row in enumerate(selectors.directory_rows(organisations)):
        sheet.write_row(number, 0, row)
    book.close()
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename="organisations.xlsx",
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("membership"), slug=slug)
    can_see_bookings = request.user.has_perm("network.see_organisation_bookings", organisation)
    return render(request, "network/organisation_detail.html", {
        "organisation": organisation, "membership": getattr(organisation, "membership", None),
        "programmes": list(organisation.programmes.order_by("position")),
        "network_entities": selectors.organisation_networks(organisation),
        "sections": organisation_sections.for_target(organisation),
        "bookings": selectors.organisation_bookings(organisation) if can_see_bookings else None,
    })


@require_safe
def figure_list(request):
    return render(request, "network/figure_list.html", {"figures": selectors.shown_figures()})


@require_safe
def network_list(request):
    return render(request, "network/network_list.html", {"networks": selectors.network_list()})


@require_safe
def network_detail(request, slug):
    network = get_object_or_404(Network.objects.select_related("programme"), slug=slug)
    groups = selectors.network_entities_by_kind(network)
    entities = [entity for _label, group in groups for entity in group]
    return render(request, "network/network_detail.html", {
        "network": network, "groups": groups, "figures": selectors.network_figures(network),
        "entity_count": len(entities), "fictional_count": sum(entity.is_fictional for entity in entities),
    })


@require_safe
def programme_list(request):
    return render(request, "network/programme_list.html", {"programmes": selectors.programme_list()})


@require_safe
def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("organisation"), slug=slug)
    return render(request, "network/programme_detail.html", {
        "programme": programme, "spaces": list(programme.spaces.order_by("position", "name_ro")),
        "goals": list(programme.goals.all()), "sections": programme_sections.for_programme(programme)})


@require_safe
def space_list(request):
    spaces = list(selectors.space_list())
    return render(request, "network/space_list.html", {
        "spaces": spaces, "space_places": [selectors.space_place(space) for space in spaces]})


def _first_day(value) -> datetime.date:
    """The agenda's first day from ``?from=YYYY-MM-DD``; today when missing or not a date."""
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        return timezone.localdate()
    return day if 1900 <= day.year <= 2200 else timezone.localdate()


def _agenda(space, first_day):
    days = selectors.AGENDA_DAYS
    return {
        "agenda": selectors.space_agenda(space, first_day=first_day, days=days),
        "first_day": first_day, "last_day": first_day + datetime.timedelta(days=days - 1),
        "earlier": first_day - datetime.timedelta(days=days), "later": first_day + datetime.timedelta(days=days),
    }


@require_safe
def space_detail(request, slug):
    space = get_object_or_404(Space.objects.select_related("programme"), slug=slug)
    return render(request, "network/space_detail.html", {
        "space": space, "space_place": selectors.space_place(space),
        "meetings": selectors.space_upcoming_meetings(space),
        "can_book": request.user.has_perm("network.book_space", space),
        **_agenda(space, _first_day(request.GET.get("from"))),
    })


@require_http_methods(["GET", "HEAD", "POST"])
def space_book(request, slug):
    space = get_object_or_404(Space, slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    refusals.check(request.user, "network.book_space", space)
    form = BookingForm(request.POST if request.method == "POST" else None,
                       organisations=selectors.booking_organisations(request.user))
    if form.is_bound and form.is_valid():
        try:
            booking = services.space_book(space=space, by=request.user, **form.booking_fields())
        except ValidationError as refused:
            form.add_refusal(refused)
        else:
            messages.success(request, _("Your request is received and the time is held for you: the centre's "
                                        "staff will confirm it by e-mail."))
            return redirect(f"{reverse('network:my_bookings')}#booking-{booking.pk}")
    day = form.cleaned_data.get("day") if form.is_bound else None
    return render(request, "network/space_book.html", {
        "space": space, "form": form, "limits": LIMITS, "limit_hours": int(LIMITS.longest.total_seconds() // 3600),
        "limit_minutes": int(LIMITS.shortest.total_seconds() // 60),
        **_agenda(space, day or _first_day(request.GET.get("from"))),
    }, status=400 if form.errors else 200)


@require_safe
def my_bookings(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    bookings = list(selectors.my_bookings(user=request.user))
    for booking in bookings:
        booking.can_cancel = request.user.has_perm("network.cancel_booking", booking)
    return render(request, "network/my_bookings.html", {
        "bookings": bookings, "can_book": bool(selectors.booking_organisations(request.user)),
    })


@require_safe
def booking_manage(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("network.manage_bookings"):
        raise PermissionDenied(_("Bookings are managed by the centre's staff."))
    return render(request, "network/booking_manage.html", {"bookings": selectors.bookings_to_manage()})


def _booking_or_404(user, pk) -> Booking:
    """The booking when ``user`` may see it; "not found" alike for missing and someone else's."""
    booking = Booking.objects.select_related("space", "organisation").filter(pk=pk).first()
    if booking is None or not user.has_perm("network.see_booking", booking):
        raise Http404
    return booking


def _booking_move(request, pk, move, success):
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("network:my_bookings"))
    booking = _booking_or_404(request.user, pk)
    try:
        move(booking=booking, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, success)
    if request.POST.get("back") == "manage" and request.user.has_perm("network.manage_bookings"):
        return redirect("network:booking_manage")
    return redirect("network:my_bookings")


@require_POST
def booking_cancel(request, pk):
    reason = request.POST.get("reason", "")
    return _booking_move(request, pk, lambda **kwargs: services.booking_cancel(reason=reason, **kwargs),
                         _("The booking is cancelled and its time is free again."))


@require_POST
def booking_confirm(request, pk):
    return _booking_move(request, pk, services.booking_confirm, _("The booking is confirmed."))


@require_POST
def booking_decline(request, pk):
    reason = request.POST.get("reason", "")
    return _booking_move(request, pk, lambda **kwargs: services.booking_decline(reason=reason, **kwargs),
                         _("The booking is declined and its time is free again."))
