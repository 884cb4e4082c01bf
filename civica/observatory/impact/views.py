"""The impact platform's pages (issue 19, point 3; culturaincluj.ro's "Impact Cultural"): a
representative of an organisation sees its own values over the years beside its category's median and
quartiles, and downloads its own report as HTML or PDF.

No organisation ever sees another's figures: every page of one organisation is found by
``_organisation_or_404``, which answers "not found" alike for a missing organisation and for one the
person may not see (``observatory.view_impact``: its representatives, the observatory's analysts), so
the addresses do not even tell which organisations have figures; only its own representative who has
not verified their e-mail address is told why (403). Visitors are sent to log in."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from civica.network.models import Organisation
from civica.network.predicates import represented_organisation_ids
from civica.queue.responses import pdf_response

from . import sector, selectors


def _organisation_or_404(user, slug) -> Organisation:
    """The organisation when ``user`` may see its figures; "not found" alike for a missing one and for
    another's. Its own representative who has not verified their e-mail address is told so (403)."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    if not user.has_perm("observatory.view_impact", organisation):
        if organisation.pk in represented_organisation_ids(user):
            raise PermissionDenied(_("Verify your e-mail address to see your organisation's figures."))
        raise Http404
    return organisation


@require_safe
def impact(request):
    """The organisations whose figures the person may see; straight to the one when there is only one."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    is_analyst = request.user.has_perm("observatory.manage")
    organisations = list(selectors.impact_organisations(request.user, everyone=is_analyst))
    if not is_analyst:
        # Every organisation they represent: the page of one tells a representative who has not verified
        # their address what to do (403), rather than this list leaving it out unexplained.
        if len(organisations) == 1:
            return redirect("observatory:impact_organisation", slug=organisations[0].slug)
    return render(request, "observatory/impact/index.html",
                  {"organisations": organisations, "is_analyst": is_analyst})


def _report_context(organisation):
    return {"organisation": organisation, "impacts": selectors.organisation_impact(organisation),
            "minimum_for_median": sector.minimum_for_median(),
            "minimum_for_quartiles": sector.minimum_for_quartiles()}


@require_safe
def impact_organisation(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisation = _organisation_or_404(request.user, slug)
    return render(request, "observatory/impact/organisation.html", _report_context(organisation))


def report_html(organisation, request=None) -> str:
    """The organisation's own report as a document of its own (the HTML download and the PDF's source)."""
    return render_to_string("observatory/impact/report_document.html",
                            {**_report_context(organisation), "made_on": timezone.localdate()}, request=request)


@require_safe
def impact_report(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisation = _organisation_or_404(request.user, slug)
    response = HttpResponse(report_html(organisation, request))
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="impact-{organisation.slug}.html"'
    return response


@require_safe
def impact_report_pdf(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisation = _organisation_or_404(request.user, slug)
    language = translation.get_language()
    return pdf_response(request, name=f"observatory.impact:{organisation.pk}:{language}",
                        html=report_html(organisation), filename=f"impact-{organisation.slug}.pdf")
