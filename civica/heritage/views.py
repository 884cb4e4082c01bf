"""The inventory's public pages: the localities of the network on a map (``core.maps``: the list with
coordinates is always there, the map only when tiles can load), a locality's sheet, an object's page, a
remarkable site's page (what its panel's QR code opens), the panel's QR code and printable PDF, a listed
craftsperson's page (where they, or staff, withdraw or give their consent), a Roots youth's proposal form,
and the open-data downloads (CSV, JSON, GeoJSON). Record pages carry schema.org JSON-LD."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.exports import csv_writer
from civica.core.i18n import active_language
from civica.core.jsonld import as_script
from civica.core.maps import located, place_of
from civica.core.page_cache import shared_page
from civica.core.write_limits import limited
from civica.moderation.views import moderate_target
from civica.queue.responses import pdf_response

from . import panels, selectors, services
from .forms import ProposalForm
from .jsonld import locality_jsonld, object_jsonld, site_jsonld
from .models import HeritageObject, Locality


def _staff(request, **kwargs):
    return request.user.has_perm("heritage.manage")


def _staff_or_roots(request, **kwargs):
    """Staff see drafts, a Roots youth the button to propose: their page is their own, never kept for others."""
    return request.user.has_perm("heritage.propose_somewhere")


@shared_page
@require_safe
def locality_list(request):
    localities = selectors.localities_for_list()
    return render(request, "heritage/locality_list.html", {
        "localities": localities, "places": selectors.locality_places(localities),
    })


@shared_page(personal_when=_staff_or_roots)
@require_safe
def locality_detail(request, slug):
    locality = selectors.locality_for_page(slug, request.user)
    if locality is None:
        raise Http404
    return render(request, "heritage/locality_detail.html", {
        "locality": locality, "jsonld": as_script(locality_jsonld(locality, language=active_language())),
        "place": located([place_of(locality.name, locality.latitude, locality.longitude,
                                   address=locality.county)]),
        "may_propose": request.user.has_perm("heritage.propose", locality),
    })


@require_safe
def object_detail(request, slug):
    heritage_object = selectors.object_for_page(slug, request.user)
    if heritage_object is None:
        raise Http404
    return render(request, "heritage/object_detail.html", {
        "object": heritage_object, "jsonld": as_script(object_jsonld(heritage_object, language=active_language())),
        "place": located([place_of(heritage_object.translated("name"), heritage_object.latitude,
                                   heritage_object.longitude)]),
    })


@shared_page(personal_when=_staff)
@require_safe
def site_detail(request, slug):
    site = selectors.site_for_page(slug, request.user)
    if site is None:
        raise Http404
    return render(request, "heritage/site_detail.html", {
        "site": site, "jsonld": as_script(site_jsonld(site, language=active_language())),
        "place": located([place_of(site.translated("name"), site.latitude, site.longitude)]),
    })


@require_safe
def site_qr(request, slug):
    site = selectors.site_for_page(slug, request.user)
    if site is None:
        raise Http404
    response = HttpResponse(panels.qr_svg(site), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="qr-{site.slug}.svg"'
    return response


@require_safe
def site_panel(request, slug):
    site = selectors.site_for_page(slug, request.user)
    if site is None:
        raise Http404
    return pdf_response(request, name="heritage.panel", html=panels.panel_html(site),
                        filename=f"panou-{site.slug}.pdf")


@require_safe
def person_detail(request, pk):
    person = selectors.person_for_page(pk, request.user)
    if person is None:
        raise Http404
    return render(request, "heritage/person_detail.html", {
        "person": person,
        "may_withdraw": request.user.has_perm("heritage.withdraw_consent", person),
        "may_consent": request.user.has_perm("heritage.give_consent", person) and person.user_id == request.user.pk,
    })


@login_required
@require_POST
def person_consent(request, pk):
    """The person themselves: ``action=withdraw`` or ``action=give`` (recorded as given in their account)."""
    person = selectors.person_for_page(pk, request.user)
    if person is None:
        raise Http404
    try:
        if request.POST.get("action") == "give":
            services.consent_record(person=person, by=request.user, how=_("Given in their account on the site"))
            messages.success(request, _("Your consent is recorded: your entry is public."))
        else:
            services.consent_withdraw(person=person, by=request.user)
            messages.success(request, _("The consent is withdrawn: the public no longer sees this entry."))
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    if not request.user.has_perm("heritage.read_person", person):
        return redirect("heritage:list")
    return redirect("heritage:person", pk=person.pk)


@login_required
def propose(request, slug):
    locality = get_object_or_404(Locality.objects.published(), slug=slug)
    if not request.user.has_perm("heritage.propose", locality):
        raise refusals.Refused(refusals.why_not(request.user, "heritage.propose", locality))
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            proposal = services.object_propose(by=request.user, locality=locality, **fields)
        except refusals.REFUSALS as refused:
            refusals.add_to_form(form, refused)
        else:
            messages.success(request, _("Thank you: your proposal waits for the staff's review."))
            return redirect(proposal.get_absolute_url())
    return render(request, "heritage/propose.html", {"form": form, "locality": locality})


@login_required
@require_POST
def moderate(request, pk):
    return moderate_target(request, get_object_or_404(HeritageObject, pk=pk))


# --- Open data ---------------------------------------------------------------------------------------

class _Echo:
    def write(self, value):
        return value


def _rows():
    return (selectors.export_row(row, base_url=settings.CIVICA_BASE_URL)
            for row in selectors.export_objects().iterator(chunk_size=500))


@require_safe
@limited("download_by_address")
def download_csv(request):
    writer = csv_writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow(selectors.EXPORT_COLUMNS)
        for row in _rows():
            yield writer.writerow(["" if row[name] is None else row[name] for name in selectors.EXPORT_COLUMNS])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="romania-remarcabila-patrimoniu.csv"'
    return response


@require_safe
@limited("download_by_address")
def download_json(request):
    def chunks():
        yield '{"licence": "https://creativecommons.org/licenses/by/4.0/", "objects": ['
        for number, row in enumerate(_rows()):
            yield ("," if number else "") + json.dumps(row, ensure_ascii=False)
        yield "]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="romania-remarcabila-patrimoniu.json"'
    return response


@require_safe
@limited("download_by_address")
def download_geojson(request):
    """RFC 7946: a point (longitude, latitude) per object with a place; the others have a null geometry."""
    def chunks():
        yield '{"type": "FeatureCollection", "features": ['
        for number, row in enumerate(_rows()):
            geometry = ({"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
                        if row["latitude"] is not None else None)
            properties = {key: value for key, value in row.items() if key not in ("latitude", "longitude")}
            yield ("," if number else "") + json.dumps({"type": "Feature", "geometry": geometry,
                                                        "properties": properties}, ensure_ascii=False)
        yield "]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/geo+json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="romania-remarcabila-patrimoniu.geojson"'
    return response
