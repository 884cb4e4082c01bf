"""The vouchers' pages. Thin: a form parses what was sent, a selector reads, a service writes.

- Public: ``index`` (the programmes, and a box to type one's code), ``offers`` (what a voucher buys today).
- The holder (no account): ``mine`` (``v/<code>/``: balance, validity, offers, what was redeemed, the QR
  code) and ``card`` (the A6 card as a PDF). The code is the key: these pages are never cached, never
  indexed and send no referrer; each look-up counts against the rate limits, and a code that does not
  exist towards the lock (limits.py).
- Venue staff: ``redeem``, a phone-sized page: type (or scan to ``mine``, which links here) the code, see
  validity and balance, choose the offer and the amount, confirm. Same limits and lock.
- Referrers and programme staff: ``referrals`` (register a beneficiary, find them again), ``beneficiary``
  (their vouchers, cards, redemptions; cancel, re-issue, reverse for the staff), ``manage`` (a programme's
  figures, open/close, recent redemptions)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.queue.responses import pdf_response

from . import cards, codes, limits, selectors, services
from .amounts import amount_text
from .forms import CodeForm, FindForm, ProgrammeFilterForm, RedeemForm, RegisterForm, ReverseForm, VenueCodeForm
from .models import Offer, ProgrammeStatus, Redemption, Voucher, VoucherProgramme


def _private(response):
    """A page reached by a code: not kept by any cache, not indexed, and its address not sent on."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _locked_message(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return ngettext(
        "Too many wrong codes from here: the form is locked for %(minutes)s minute. Check the card meanwhile; "
        "if the code is right and still refused, call the programme's staff.",
        "Too many wrong codes from here: the form is locked for %(minutes)s minutes. Check the card meanwhile; "
        "if the code is right and still refused, call the programme's staff.", minutes) % {"minutes": minutes}


def _too_many_message() -> str:
    return _("Too many look-ups in a short time. Wait a minute, then try again.")


def _guard(request):
    """None when a look-up may go ahead; otherwise the message and the status to answer with."""
    locked = limits.locked_for(request)
    if locked:
        return _locked_message(locked), 429
    if not limits.allow_lookup(request):
        return _too_many_message(), 429
    return None


def _lookup(request, typed: str) -> Voucher:
    """The voucher of ``typed``, counting a code that does not exist towards the lock; raises VoucherProblem."""
    try:
        return services.find_voucher(typed)
    except services.VoucherProblem as problem:
        if problem.kind == "unknown" and limits.record_wrong_code(request):
            raise services.VoucherProblem("locked", _locked_message(limits.locked_for(request))) from None
        raise


def _work_links(user) -> dict:
    """What the index page links to for a person who works with vouchers."""
    venue_list = list(selectors.venues_of(user))
    return {"venues": bool(venue_list), "venue_list": venue_list,
            "refers": user.has_perm("vouchers.use_referrals"),
            "staff_screens": user.has_perm("vouchers.use_staff_screens")}


@require_safe
def index(request):
    return render(request, "vouchers/index.html", {
        "programmes": selectors.open_programmes(), "form": CodeForm(),
        **_work_links(request.user),
    })


@require_safe
def offers(request):
    form = ProgrammeFilterForm(request.GET or None)
    programme = None
    if form.is_valid() and form.cleaned_data["programme"]:
        programme = VoucherProgramme.objects.public().filter(slug=form.cleaned_data["programme"]).first()
        if programme is None:
            raise Http404(_("No such voucher programme."))
    return render(request, "vouchers/offers.html", {
        "offers": selectors.public_offers(programme), "programme": programme,
        "programmes": selectors.open_programmes().filter(status=ProgrammeStatus.OPEN),
    })


@require_POST
def check(request):
    """The box on the index page: a typed code goes to its page (mistakes are shown here)."""
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            code = codes.normalise(form.cleaned_data["code"])
        except codes.CodeError:
            try:
                services.find_voucher(form.cleaned_data["code"])
            except services.VoucherProblem as problem:
                form.add_error("code", problem.messages[0])
        else:
            return redirect("vouchers:mine", code=code)
    return render(request, "vouchers/index.html", {
        "programmes": selectors.open_programmes(), "form": form,
        **_work_links(request.user)}, status=400)


def _refused_page(request, message, status):
    return _private(render(request, "vouchers/refused.html", {"message": message}, status=status))


@never_cache
@require_safe
def mine(request, code):
    refused = _guard(request)
    if refused is not None:
        return _refused_page(request, *refused)
    try:
        found = _lookup(request, code)
    except services.VoucherProblem as problem:
        return _refused_page(request, problem.messages[0], 429 if problem.kind == "locked" else 404)
    voucher = selectors.voucher_page(found.code)
    return _private(render(request, "vouchers/mine.html", {
        "voucher": voucher, "programme": voucher.programme, "problem": services.problem_for(voucher),
        "offers": selectors.offers_for(voucher.programme), "qr": cards.qr_svg(voucher),
        "redeems_here": selectors.venues_of(request.user).filter(programmes=voucher.programme).exists(),
    }))


@never_cache
@require_safe
def card(request, code):
    refused = _guard(request)
    if refused is not None:
        return _refused_page(request, *refused)
    try:
        voucher = _lookup(request, code)
    except services.VoucherProblem as problem:
        return _refused_page(request, problem.messages[0], 429 if problem.kind == "locked" else 404)
    problem = services.problem_for(voucher)
    if problem is not None and problem.kind in {"cancelled", "replaced"}:
        return _refused_page(request, problem.messages[0], 410)
    return _private(pdf_response(request, name="vouchers.card", html=cards.card_html(voucher),
                                 filename=f"voucher-{voucher.code[:4]}.pdf"))


@never_cache
@login_required
def redeem(request):
    """The venue staff's phone page: check a code, then redeem it for an offer."""
    if not request.user.has_perm("vouchers.use_redeem_page"):
        raise PermissionDenied(_("Only the staff of a partner venue redeem vouchers. Ask the programme's staff to "
                                 "add you to your venue."))
    venues = selectors.venues_of(request.user)
    status = 200
    if request.method == "POST" and request.POST.get("action") == "redeem":
        form = RedeemForm(request.POST, venues=venues, offers=Offer.objects.filter(venue__in=venues))
        if form.is_valid():
            refused = _guard(request)
            if refused is not None:
                messages.error(request, refused[0])
                return redirect("vouchers:redeem")
            data = form.cleaned_data
            voucher = None
            try:
                voucher = _lookup(request, data["code"])
                redemption = services.voucher_redeem(voucher=voucher, venue=data["venue"], offer=data["offer"],
                                                     amount=data["amount"], by=request.user)
            except (ValidationError, PermissionDenied) as error:
                refusals.show_refusal(request, error)
                # Back to the page with the code typed in again when it was a code, so staff check it anew.
                again = f"?{urlencode({'code': voucher.code})}" if voucher is not None else ""
                return redirect(reverse("vouchers:redeem") + again)
            unit = voucher.programme.unit
            messages.success(request, _("Redeemed %(amount)s for “%(offer)s”. Left on the voucher: %(balance)s.") % {
                "amount": amount_text(redemption.amount, unit), "offer": redemption.offer.translated("title"),
                "balance": amount_text(redemption.voucher.balance, unit)})
            return redirect("vouchers:redeem")
        venue_list = list(venues)
        single = venue_list[0] if len(venue_list) == 1 else None
        context = {"venue_list": venue_list, "redeem_form": form,
                   "code_form": VenueCodeForm(venues=venues, single=single)}
        return render(request, "vouchers/redeem.html", context, status=400)
    venue_list = list(venues)
    single = venue_list[0] if len(venue_list) == 1 else None
    context = {"venue_list": venue_list}
    if request.method == "POST":
        form = VenueCodeForm(request.POST, venues=venues, single=single)
        if form.is_valid():
            refused = _guard(request)
            if refused is not None:
                form.add_error("code", refused[0])
                status = refused[1]
            else:
                venue = form.cleaned_data["venue"]
                try:
                    voucher = _lookup(request, form.cleaned_data["code"])
                except services.VoucherProblem as problem:
                    form.add_error("code", problem.messages[0])
                    status = 429 if problem.kind == "locked" else 400
                else:
                    context.update(_checked(voucher, venue, venues))
        else:
            status = 400
    else:
        initial = {}
        if request.GET.get("code"):
            initial["code"] = request.GET["code"][:40]
        form = VenueCodeForm(initial=initial, venues=venues, single=single)
    context["code_form"] = form
    return render(request, "vouchers/redeem.html", context, status=status)


def _checked(voucher, venue, venues):
    """What the staff see once a code is found: validity, balance, and the form to redeem it here."""
    problem = services.problem_for(voucher)
    offers = selectors.offers_for(voucher.programme).filter(venue=venue)
    context = {"voucher": voucher, "venue": venue, "problem": problem}
    if problem is None and not offers:
        context["problem"] = services.VoucherProblem("not_accepted", _(
            "This voucher's programme accepts no offer of %(venue)s today. Do not accept it here.") % {"venue": venue})
    elif problem is None:
        first = offers[0]
        context["redeem_form"] = RedeemForm(venues=venues, offers=offers, initial={
            "code": voucher.code, "venue": venue.pk, "offer": first.pk, "amount": min(first.price, voucher.balance)})
    return context


@login_required
def referrals(request):
    if not request.user.has_perm("vouchers.use_referrals"):
        raise PermissionDenied(_("Beneficiaries are registered by the programmes' referring partners and staff."))
    programmes = selectors.programmes_for_referrer(request.user)
    register_form = RegisterForm(request.POST or None, programmes=programmes,
                                 initial={"language": request.LANGUAGE_CODE})
    status = 200
    if request.method == "POST":
        if register_form.is_valid():
            data = register_form.cleaned_data
            try:
                voucher = services.beneficiary_register(programme=data["programme"], alias=data["alias"],
                                                        language=data["language"], email=data["email"],
                                                        by=request.user)
            except (ValidationError, PermissionDenied) as error:
                refusals.add_to_form(register_form, error)
            else:
                messages.success(request, _("Registered as %(reference)s, with a voucher. Print the card and give it "
                                            "to them.") % {"reference": voucher.beneficiary.reference})
                return redirect("vouchers:beneficiary", reference=voucher.beneficiary.reference)
        status = 400
    find_form = FindForm(request.GET or None)
    query = find_form.cleaned_data["q"] if find_form.is_valid() else ""
    return render(request, "vouchers/referrals.html", {
        "register_form": register_form, "find_form": find_form, "query": query,
        "beneficiaries": selectors.referrals(request.user, query), "programmes": programmes,
        "staff_programmes": selectors.staff_programmes(request.user),
    }, status=status)


@login_required
def beneficiary(request, reference):
    found = selectors.beneficiary_detail(request.user, reference)
    if found is None or not request.user.has_perm("vouchers.see_beneficiary", found):
        raise Http404(_("No beneficiary of yours has this reference."))
    return render(request, "vouchers/beneficiary.html", {
        "beneficiary": found, "programme": found.programme,
        "manages": request.user.has_perm("vouchers.manage_voucher", found), "reverse_form": ReverseForm(),
    })


def _voucher_for_staff(request, pk) -> Voucher:
    voucher = get_object_or_404(Voucher.objects.select_related("programme", "beneficiary"), pk=pk)
    if voucher.beneficiary is None or not request.user.has_perm("vouchers.see_beneficiary", voucher.beneficiary):
        raise Http404
    return voucher


@require_POST
@login_required
def voucher_cancel(request, pk):
    voucher = _voucher_for_staff(request, pk)
    try:
        services.voucher_cancel(voucher=voucher, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        refusals.show_refusal(request, error)
    else:
        messages.success(request, _("The voucher is cancelled: its code no longer works."))
    return redirect("vouchers:beneficiary", reference=voucher.beneficiary.reference)


@require_POST
@login_required
def voucher_reissue(request, pk):
    voucher = _voucher_for_staff(request, pk)
    try:
        services.voucher_reissue(voucher=voucher, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        refusals.show_refusal(request, error)
    else:
        messages.success(request, _("A new card is issued with the same balance; the old code no longer works. "
                                    "Print the new card."))
    return redirect("vouchers:beneficiary", reference=voucher.beneficiary.reference)


@require_POST
@login_required
def redemption_reverse(request, pk):
    redemption = get_object_or_404(Redemption.objects.select_related("voucher__beneficiary", "voucher__programme"),
                                   pk=pk)
    if not request.user.has_perm("vouchers.run_programme", redemption.voucher.programme) and not (
            redemption.voucher.beneficiary and request.user.has_perm("vouchers.see_beneficiary",
                                                                     redemption.voucher.beneficiary)):
        raise Http404
    form = ReverseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the redemption is reversed."))
    else:
        try:
            services.redemption_reverse(redemption=redemption, reason=form.cleaned_data["reason"], by=request.user)
        except (ValidationError, PermissionDenied) as error:
            refusals.show_refusal(request, error)
        else:
            messages.success(request, _("The redemption is reversed and recorded."))
    if request.POST.get("next") == "manage":
        return redirect("vouchers:manage", slug=redemption.voucher.programme.slug)
    if redemption.voucher.beneficiary is None:
        return redirect("vouchers:manage", slug=redemption.voucher.programme.slug)
    return redirect("vouchers:beneficiary", reference=redemption.voucher.beneficiary.reference)


@login_required
def manage(request, slug):
    programme = get_object_or_404(VoucherProgramme.objects.select_related("programme"), slug=slug)
    if not request.user.has_perm("vouchers.run_programme", programme):
        raise PermissionDenied(_("Only the centre's editors and the programme's staff run a voucher programme."))
    if request.method == "POST":
        to = request.POST.get("to", "")
        if to not in {ProgrammeStatus.OPEN, ProgrammeStatus.CLOSED}:
            messages.error(request, _("Choose to open or to close the programme."))
        else:
            try:
                services.programme_move(programme=programme, to=to, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                refusals.show_refusal(request, error)
            else:
                messages.success(request, _("The programme's status is changed."))
        return redirect("vouchers:manage", slug=slug)
    staff = request.user.has_perm("vouchers.manage_voucher", programme)
    return render(request, "vouchers/manage.html", {
        "programme": programme, "summary": selectors.programme_summary(programme),
        "redemptions": selectors.recent_redemptions(programme) if staff else None, "staff": staff,
        "reverse_form": ReverseForm(),
    })
