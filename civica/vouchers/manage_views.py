"""The staff's own screens for the vouchers (``/vouchers/staff/…``), instead of the admin.

- Programmes: the list a person runs (all for editors), a new one (editors), the edit page (period, budget,
  value, validity, eligibility, venues, online applications) with its eligibility questions (added and
  removed; once someone applied, only optional ones are added and none removed: calls' form rules).
- Venues: a new venue for a programme, a venue's page (its details and its staff, the scoped role: added by
  the e-mail of an existing account, removed).
- Offers: a venue's staff publish their offers with dates and propose them to the venue's programmes
  (``venue_offers``, ``offer_new``, ``offer_edit``); the programme's staff accept or decline them
  (``programme_offers``).
Anonymous visitors log in first; others without the right get a 403 that says why. A refused save shows the
form again with everything typed and the reasons beside the fields."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.forms import save_posted
from civica.core.params import parse_int

from . import selectors, services
from .forms import OfferForm, ProgrammeForm, QuestionForm, VenueForm, VenueStaffForm
from .models import EligibilityQuestion, Offer, Venue, VenueStaff, VoucherProgramme


def _pk(value) -> int:
    """An id from the address: within 64 bits, or no such page (never a database error)."""
    pk = parse_int(str(value), minimum=1)
    if pk is None:
        raise Http404(_("No such page."))
    return pk


def _runs(request, programme):
    if not request.user.has_perm("vouchers.run_programme", programme):
        raise PermissionDenied(_("Only the centre's editors and the programme's staff run a voucher programme."))
    return programme


def _programme(request, slug):
    return _runs(request, get_object_or_404(VoucherProgramme.objects.select_related("programme"), slug=slug))


@require_safe
@login_required
def programmes(request):
    if not request.user.has_perm("vouchers.use_staff_screens"):
        raise PermissionDenied(_("Only the centre's editors and the programmes' staff run voucher programmes."))
    return render(request, "vouchers/staff/programmes.html", {
        "programmes": selectors.managed_programmes(request.user),
        "can_create": request.user.has_perm("vouchers.create_programme"),
    })


def _programme_form(request, programme):
    form = ProgrammeForm(request.POST or None, instance=programme or VoucherProgramme())
    saved = save_posted(request, form, lambda data: services.programme_save(
        programme=programme, by=request.user, **form.values()), _("The programme is saved."))
    if saved:
        return redirect("vouchers:staff_programme", slug=saved.slug)
    context = {"form": form, "programme": programme}
    if programme is not None:
        context.update({"questions": programme.questions.all(), "question_form": QuestionForm(),
                        "venues": selectors.programme_venues(programme)})
    return render(request, "vouchers/staff/programme_form.html", context, status=400 if form.errors else 200)


@login_required
def programme_new(request):
    if not request.user.has_perm("vouchers.create_programme"):
        raise PermissionDenied(_("Only the centre's editors create programmes."))
    return _programme_form(request, None)


@login_required
def programme_edit(request, slug):
    return _programme_form(request, _programme(request, slug))


@login_required
def question_add(request, slug):
    programme = _programme(request, slug)
    form = QuestionForm(request.POST or None)
    if save_posted(request, form, lambda data: services.question_add(programme=programme, by=request.user,
                                                                     **form.values()),
                   _("The question is added.")):
        return redirect("vouchers:staff_programme", slug=slug)
    return render(request, "vouchers/staff/question_form.html", {"programme": programme, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@login_required
def question_remove(request, slug, pk):
    programme = _programme(request, slug)
    question = get_object_or_404(EligibilityQuestion, programme=programme, pk=_pk(pk))
    try:
        services.question_remove(question=question, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("The question is removed."))
    return redirect("vouchers:staff_programme", slug=slug)


@login_required
def venue_new(request, slug):
    programme = _programme(request, slug)
    form = VenueForm(request.POST or None, instance=Venue())
    saved = save_posted(request, form, lambda data: services.venue_save(
        venue=None, programme=programme, by=request.user, **form.values()), _("The venue is saved."))
    if saved:
        return redirect("vouchers:staff_venue", slug=saved.slug)
    return render(request, "vouchers/staff/venue_form.html", {"form": form, "programme": programme},
                  status=400 if form.errors else 200)


def _venue(request, slug):
    venue = get_object_or_404(Venue, slug=slug)
    if not request.user.has_perm("vouchers.edit_venue", venue):
        raise PermissionDenied(_("Only the centre's editors and the staff of its programmes change a venue."))
    return venue


@login_required
def venue_edit(request, slug):
    venue = _venue(request, slug)
    form = VenueForm(request.POST or None, instance=venue)
    saved = save_posted(request, form, lambda data: services.venue_save(venue=venue, by=request.user,
                                                                        **form.values()),
                        _("The venue is saved."))
    if saved:
        return redirect("vouchers:staff_venue", slug=saved.slug)
    return render(request, "vouchers/staff/venue_form.html", {
        "form": form, "venue": venue, "staff": selectors.venue_staff_of(venue), "staff_form": VenueStaffForm(),
    }, status=400 if form.errors else 200)


@login_required
def venue_staff_add(request, slug):
    venue = _venue(request, slug)
    form = VenueStaffForm(request.POST or None)
    if save_posted(request, form, lambda data: services.venue_staff_add(venue=venue, email=data["email"],
                                                                        by=request.user),
                   _("The person is on the venue's staff now.")):
        return redirect("vouchers:staff_venue", slug=slug)
    return render(request, "vouchers/staff/venue_staff_add.html", {"venue": venue, "form": form},
                  status=400 if form.errors else 200)


@require_POST
@login_required
def venue_staff_remove(request, slug, pk):
    venue = _venue(request, slug)
    staff = get_object_or_404(VenueStaff.objects.select_related("user", "venue"), venue=venue, pk=_pk(pk))
    try:
        services.venue_staff_remove(staff=staff, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("%(person)s is no longer on the venue's staff.") % {"person": staff.user.email})
    return redirect("vouchers:staff_venue", slug=slug)


def _own_venue(request, slug):
    venue = get_object_or_404(Venue, slug=slug)
    if not request.user.has_perm("vouchers.publish_offer", venue):
        raise PermissionDenied(_("Only the venue's staff publish its offers."))
    return venue


@require_safe
@login_required
def venue_offers(request, slug):
    venue = _own_venue(request, slug)
    return render(request, "vouchers/staff/venue_offers.html", {"venue": venue,
                                                                 "offers": selectors.venue_offers(venue)})


def _offer_form(request, venue, offer):
    form = OfferForm(request.POST or None, instance=offer or Offer(venue=venue), venue=venue)
    saved = save_posted(request, form, lambda data: services.offer_save(offer=offer, venue=venue, by=request.user,
                                                                        **form.values()),
                        _("The offer is saved. The programmes' staff accept it before their vouchers buy it."))
    if saved:
        return redirect("vouchers:staff_venue_offers", slug=venue.slug)
    return render(request, "vouchers/staff/offer_form.html", {"form": form, "venue": venue, "offer": offer},
                  status=400 if form.errors else 200)


@login_required
def offer_new(request, slug):
    return _offer_form(request, _own_venue(request, slug), None)


@login_required
def offer_edit(request, slug, pk):
    venue = _own_venue(request, slug)
    offer = get_object_or_404(Offer, venue=venue, pk=_pk(pk))
    return _offer_form(request, venue, offer)


@login_required
def programme_offers(request, slug):
    programme = get_object_or_404(VoucherProgramme, slug=slug)
    if not request.user.has_perm("vouchers.accept_offer", programme):
        raise PermissionDenied(_("Only the programme's staff accept offers for it."))
    if request.method == "POST":
        pk = parse_int(request.POST.get("offer", ""), minimum=1)
        offer = pk and Offer.objects.filter(pk=pk).first()
        if not offer or request.POST.get("action") not in {"accept", "decline"}:
            raise Http404(_("No such offer."))
        accept = request.POST["action"] == "accept"
        try:
            services.offer_decide(offer=offer, programme=programme, accept=accept, by=request.user)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("The offer is accepted: the programme's vouchers buy it.") if accept
                             else _("The offer is declined."))
        return redirect("vouchers:staff_programme_offers", slug=slug)
    proposed, accepted = selectors.offers_to_decide(programme)
    return render(request, "vouchers/staff/programme_offers.html", {
        "programme": programme, "proposed": proposed, "accepted": accepted})
