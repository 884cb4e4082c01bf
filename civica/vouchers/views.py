"""The vouchers' pages. Thin: a form parses what was sent, a selector reads, a service writes.

- Public: ``index`` (the programmes, and a box to type one's code), ``offers`` (what a voucher buys today).
- The holder (no account): ``mine`` (``v/<code>/``: balance, validity, offers, what was redeemed, the QR
  code) and ``card`` (the A6 card as a PDF). The code is the key: these pages are never cached, never
  indexed and send no referrer; each look-up counts against the rate limits, and a code that does not
  exist towards the lock (limits.py).
- Venue staff: ``redeem``, a phone-sized page: type (or scan to ``mine``, which links here) the code, see
  validity and balance, choose the offer and the amount, confirm. Same limits and lock. Its forms post
  with htmx and get back the page's panel alone (``_redeem_panel.html``: the outcome, the voucher, the
  next form; one request a redemption, no message cookie); without JavaScript they are plain forms.
- Referrers and programme staff: ``referrals`` (register a beneficiary, find them again), ``beneficiary``
  (their vouchers, cards, redemptions; cancel, re-issue, reverse for the staff), ``manage`` (a programme's
  figures, open/close, recent redemptions).
- Settlement (issue 22, point 7): ``statements`` (the statements a person sees; the programme's staff
  prepare a month's there), ``statement`` (its lines and totals; approve, mark paid), ``statement_pdf`` and
  ``statement_xlsx``. ``dashboard``: a programme's figures for its staff, charts each with its table.
- Public: ``programme`` (a programme's page with its published figures, never fewer than three
  beneficiaries in a cell) and ``figures_download`` (the same as open data, CSV or XLSX).
- A venue's API tokens: ``venue_tokens`` (its staff and the staff of a programme that accepts it make one,
  shown once, and revoke them).
- Programme staff: ``bulk`` (issue N vouchers at once; each issue's cards, rendered by the task queue in
  parts, with how far it is) and ``bulk_part`` (one part's PDF of many cards)."""

from functools import lru_cache
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from civica.core import personal_parts, refusals
from civica.queue.responses import pdf_response, stored_pdf_response

from . import cards, codes, exports, figures, limits, predicates, selectors, services, tasks
from .amounts import amount_text
from .forms import (
    BulkIssueForm,
    CodeForm,
    FindForm,
    PrepareStatementsForm,
    ProgrammeFilterForm,
    RedeemForm,
    RegisterForm,
    ReverseForm,
    StatementMoveForm,
    VenueCodeForm,
    VenueTokenForm,
)
from .models import (
    BulkIssue,
    ProgrammeStatus,
    Redemption,
    StatementStatus,
    Venue,
    VenueToken,
    Voucher,
    VoucherProgramme,
)


def _private(response):
    """A page reached by a code: not kept by any cache, not indexed, and its address not sent on."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# The look-up's limits and lock are shared with the venues' API (limits.py).
_guard = limits.guard
_lookup = limits.lookup


def _work_links(user) -> dict:
    """What the index page links to for a person who works with vouchers."""
    venue_list = list(selectors.venues_of(user))
    return {"venues": bool(venue_list), "venue_list": venue_list,
            "refers": user.has_perm("vouchers.use_referrals"),
            "staff_screens": user.has_perm("vouchers.use_staff_screens"),
            "statements": user.has_perm("vouchers.use_statements")}


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
    """The venue staff's phone page: check a code, then redeem it for an offer. The page's forms post with
    htmx and get back its panel only (the outcome, the voucher, the next form); without JavaScript they
    post as plain forms (a redemption or its refusal redirects back with a message)."""
    if not request.user.has_perm("vouchers.use_redeem_page"):
        raise PermissionDenied(_("Only the staff of a partner venue redeem vouchers. Ask the programme's staff to "
                                 "add you to your venue."))
    if request.method != "POST":
        initial = {"code": request.GET["code"][:40]} if request.GET.get("code") else {}
        return _redeem_page(request, {"code_form": _code_form(request.user, initial=initial)})
    if request.POST.get("action") == "redeem":
        return _redeem_posted(request)
    return _check_posted(request)


def _redeem_page(request, context, status=200):
    """The page, or for htmx its panel alone, at 200 whatever went wrong (htmx puts in place no other
    answer; the panel says what went wrong, as the page's 4xx does)."""
    if request.htmx:
        return render(request, "vouchers/_redeem_panel.html", context)
    context["venue_list"] = list(selectors.venues_of(request.user))
    return render(request, "vouchers/redeem.html", context, status=status)


def _code_form(user, *args, **kwargs):
    """The code form, its venue hidden for a person of one venue (then no query to show it)."""
    venue_ids = predicates.staff_venue_ids(user)
    single_id = next(iter(venue_ids)) if len(venue_ids) == 1 else None
    return VenueCodeForm(*args, venues=selectors.venues_of(user), single_id=single_id, **kwargs)


def _check_posted(request):
    form = _code_form(request.user, request.POST)
    context, status = {"code_form": form}, 400
    if form.is_valid():
        refused = _guard(request)
        if refused is not None:
            form.add_error("code", refused[0])
            status = refused[1]
        else:
            try:
                voucher = _lookup(request, form.cleaned_data["code"])
            except services.VoucherProblem as problem:
                form.add_error("code", problem.messages[0])
                status = 429 if problem.kind == "locked" else 400
            else:
                context.update(_checked(voucher, form.cleaned_data["venue"]))
                status = 200
    return _redeem_page(request, context, status)


def _redeem_posted(request):
    form = RedeemForm(request.POST, offers=selectors.offers_at_venues_of(request.user))
    if not form.is_valid():
        return _redeem_page(request, {"redeem_form": form}, status=400)
    refused = _guard(request)
    if refused is not None:
        return _redeem_outcome(request, refused[0], refused=True)
    data = form.cleaned_data
    try:
        with limits.counting_wrong_codes(request):
            redemption = services.voucher_redeem(code=data["code"], venue=data["venue"], offer=data["offer"],
                                                 amount=data["amount"], by=request.user)
    except refusals.REFUSALS as error:
        # Back to the code form with the code typed in again when it was a voucher's, so staff check it anew.
        of_a_voucher = getattr(error, "kind", "") not in {"unknown", "mistyped", "locked"}
        return _redeem_outcome(request, refusals.refusal_message(error), refused=True,
                               code=data["code"] if of_a_voucher else "")
    unit = redemption.voucher.programme.unit
    return _redeem_outcome(request, _("Redeemed %(amount)s for “%(offer)s”. Left on the voucher: %(balance)s.") % {
        "amount": amount_text(redemption.amount, unit), "offer": redemption.offer.translated("title"),
        "balance": amount_text(redemption.voucher.balance, unit)})


def _redeem_outcome(request, text, *, refused=False, code=""):
    """A redemption done or refused: for htmx the panel saying so with the code form (the code typed in again
    when given); otherwise a message and a redirect to the page (with the code typed in again)."""
    if request.htmx:
        context = {"outcome": text, "refused": refused}
        venue_ids = predicates.staff_venue_ids(request.user)
        if not code and len(venue_ids) == 1:  # the empty form of a person of one venue: the same for all of them
            context["code_form_html"] = personal_parts.with_csrf_token(
                request, _code_form_html(next(iter(venue_ids)), get_language(), request.path))
        else:
            context["code_form"] = _code_form(request.user, initial={"code": code} if code else {})
        return render(request, "vouchers/_redeem_panel.html", context)
    (messages.error if refused else messages.success)(request, text)
    return redirect(reverse("vouchers:redeem") + (f"?{urlencode({'code': code})}" if code else ""))


@lru_cache(maxsize=1024)
def _code_form_html(venue_id: int, language: str, path: str) -> str:
    """The empty code form of a person of one venue (its venue a hidden field): what every redemption's answer
    ends with, rendered once per venue, language and address (Django's form widgets were a third of the
    answer's CPU); the caller puts the request's CSRF token in."""
    form = VenueCodeForm(venues=Venue.objects.none(), single_id=venue_id)
    return personal_parts.render_for_anyone("vouchers/_redeem_code_form.html", {"code_form": form,
                                                                                "form_path": path})


def _checked(voucher, venue):
    """What the staff see once a code is found: validity, balance, and the form to redeem it here."""
    problem = services.problem_for(voucher)
    offers = selectors.offers_for(voucher.programme).filter(venue=venue)
    context = {"voucher": voucher, "venue": venue, "problem": problem}
    if problem is None and not offers:
        context["problem"] = services.VoucherProblem("not_accepted", _(
            "This voucher's programme accepts no offer of %(venue)s today. Do not accept it here.") % {"venue": venue})
    elif problem is None:
        first = offers[0]
        context["redeem_form"] = RedeemForm(offers=offers, initial={
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
    redemption = get_object_or_404(Redemption.objects.select_related("voucher__beneficiary", "voucher__programme",
                                                                     "statement"), pk=pk)
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
            if redemption.statement_id and not redemption.statement.is_draft:
                messages.success(request, _("The redemption is reversed and recorded. It was in an approved "
                                            "statement: the next statement of the venue deducts it."))
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
        "venues": programme.venues.order_by("name") if staff else None,
        "reverse_form": ReverseForm(),
    })


@login_required
def statements(request):
    """The statements a person sees; the programme's staff prepare a month's here."""
    if not request.user.has_perm("vouchers.use_statements"):
        raise PermissionDenied(_("Settlement statements are for the programmes' staff and the partner venues' staff."))
    programmes = selectors.staff_programmes(request.user)
    form = None
    status = 200
    if programmes.exists():
        form = PrepareStatementsForm(request.POST or None, programmes=programmes)
        if request.method == "POST":
            if form.is_valid():
                try:
                    prepared = services.statements_prepare(programme=form.cleaned_data["programme"],
                                                           month=form.cleaned_data["month"], by=request.user)
                except (ValidationError, PermissionDenied) as error:
                    refusals.add_to_form(form, error)
                else:
                    messages.success(request, ngettext(
                        "%(count)s statement is prepared.", "%(count)s statements are prepared.",
                        len(prepared)) % {"count": len(prepared)} if prepared else
                        _("Nothing to settle up to that month's end: no statement is prepared."))
                    return redirect("vouchers:statements")
            status = 400
    elif request.method == "POST":
        raise PermissionDenied(_("Only the programme's staff prepare its settlement statements."))
    return render(request, "vouchers/statements.html", {
        "statements": selectors.statements_for(request.user), "form": form}, status=status)


def _statement_or_404(request, pk):
    statement = selectors.statement_detail(pk)
    if statement is None or not request.user.has_perm("vouchers.see_statement", statement):
        raise Http404(_("No statement of yours has this number."))
    return statement


@login_required
def statement(request, pk):
    found = _statement_or_404(request, pk)
    if request.method == "POST":
        form = StatementMoveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose to approve the statement or to mark it paid."))
        else:
            try:
                services.statement_move(statement=found, to=form.cleaned_data["to"], by=request.user)
            except (ValidationError, PermissionDenied) as error:
                refusals.show_refusal(request, error)
            else:
                messages.success(request, _("The statement is approved: its lines no longer change.")
                                 if form.cleaned_data["to"] == StatementStatus.APPROVED
                                 else _("The statement is marked paid."))
        return redirect("vouchers:statement", pk=found.pk)
    moves = [(to, label) for to, label in StatementMoveForm.base_fields["to"].choices
             if to in found.next_statuses() and request.user.has_perm(found.permission_to(to), found)]
    return render(request, "vouchers/statement.html", {
        "statement": found, "programme": found.programme, "lines": selectors.statement_lines(found),
        "moves": moves})


def _statement_filename(statement, extension) -> str:
    return f"statement-{statement.venue.slug}-{statement.month:%Y-%m}.{extension}"


@login_required
@require_safe
def statement_pdf(request, pk):
    found = _statement_or_404(request, pk)
    html = exports.statement_html(found, selectors.statement_lines(found))
    return pdf_response(request, name=f"vouchers.statement:{found.pk}:{request.LANGUAGE_CODE}", html=html,
                        filename=_statement_filename(found, "pdf"))


@login_required
@require_safe
def statement_xlsx(request, pk):
    found = _statement_or_404(request, pk)
    response = HttpResponse(exports.statement_xlsx(found, selectors.statement_lines(found)),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{_statement_filename(found, "xlsx")}"'
    return response


@login_required
@require_safe
def dashboard(request, slug):
    programme = get_object_or_404(VoucherProgramme.objects.select_related("programme"), slug=slug)
    if not request.user.has_perm("vouchers.see_dashboard", programme):
        raise PermissionDenied(_("Only the centre's editors and the programme's staff see its dashboard."))
    return render(request, "vouchers/dashboard.html", {
        "programme": programme, "figures": figures.dashboard(programme), "published": figures.published(programme)})


@require_safe
def programme(request, slug):
    found = get_object_or_404(VoucherProgramme.objects.public().select_related("programme"), slug=slug)
    return render(request, "vouchers/programme.html", {
        "programme": found, "published": figures.published(found), "withheld": figures.withheld_text()})


@require_safe
def figures_download(request, slug, fmt):
    found = get_object_or_404(VoucherProgramme.objects.public(), slug=slug)
    if fmt not in {"csv", "xlsx"}:
        raise Http404(_("The figures are given as CSV or XLSX."))
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        exports.figures_csv(found, response)
    else:
        response = HttpResponse(exports.figures_xlsx(found),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="vouchers-{found.slug}.{fmt}"'
    return response
def _venue_for_tokens(request, slug) -> Venue:
    venue = get_object_or_404(Venue, slug=slug)
    refusals.check(request.user, "vouchers.manage_venue_tokens", venue)
    return venue


@never_cache
@login_required
def venue_tokens(request, slug):
    venue = _venue_for_tokens(request, slug)
    form = VenueTokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.venue_token_create(venue=venue, by=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            refusals.add_to_form(form, error)
        else:
            # Shown on this answer only (never stored, never redirected to): the page is not cached.
            created = {"token": token, "secret": secret}
            form = VenueTokenForm()
    return render(request, "vouchers/venue_tokens.html", {
        "venue": venue, "form": form, "created": created,
        "tokens": VenueToken.objects.filter(venue=venue).select_related("created_by"),
    }, status=400 if form.errors else 200)


@require_POST
@login_required
def venue_token_revoke(request, slug, pk):
    venue = _venue_for_tokens(request, slug)
    token = get_object_or_404(VenueToken, pk=pk, venue=venue)
    services.venue_token_revoke(token=token, by=request.user)
    messages.success(request, _("The token “%(name)s” is revoked: it opens nothing any more.") % {"name": token.name})
    return redirect("vouchers:venue_tokens", slug=venue.slug)


def _programme_for_staff(request, slug) -> VoucherProgramme:
    programme = get_object_or_404(VoucherProgramme, slug=slug)
    if not request.user.has_perm("vouchers.manage_voucher", programme):
        raise PermissionDenied(_("Only the programme's staff issue vouchers in bulk."))
    return programme


@login_required
def bulk(request, slug):
    programme = _programme_for_staff(request, slug)
    form = BulkIssueForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.bulk_issue(programme=programme, by=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, ngettext(
                "%(count)s voucher is issued; its card is being rendered.",
                "%(count)s vouchers are issued; their cards are being rendered in %(parts)s parts.",
                batch.count) % {"count": batch.count, "parts": batch.parts})
            return redirect("vouchers:bulk", slug=programme.slug)
    return render(request, "vouchers/bulk.html", {
        "programme": programme, "form": form, "summary": selectors.programme_summary(programme),
        "issues": selectors.bulk_issues(programme),
        "may_issue": request.user.has_perm("vouchers.issue_in_bulk", programme),
    }, status=400 if form.errors else 200)


@never_cache
@login_required
def bulk_part(request, pk, part):
    batch = get_object_or_404(BulkIssue.objects.select_related("programme"), pk=pk)
    _programme_for_staff(request, batch.programme.slug)
    if not 0 <= part < batch.parts:
        raise Http404(_("This bulk issue has no such part."))
    return stored_pdf_response(request, name=batch.part_name(part), version=tasks.PART_VERSION,
                               filename=f"vouchers-{batch.pk}-{part + 1}.pdf",
                               render=lambda: tasks.render_bulk_cards.delay(batch.pk, part))
