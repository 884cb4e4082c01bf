"""Pages of verification (issue 21, point 6).

- ``mine``: a signed-in person's levels and the two ways up: the residence form (identifier and birth
  date against the census, ``residence``) and the desk code form (``code``), with where and when the
  centre's desk verifies people (``CIVICA_DESK_ADDRESS``, ``CIVICA_DESK_HOURS``). Both POSTs are
  rate-limited per person and per address (``ACCOUNT_RATE_LIMITS["verification_attempt"]``, a 429), and
  refused attempts show the form again (400) with the reason, never what was typed. A page that refused
  an action for want of a level links here with ``next`` (where the person was, kept only when it is an
  address of this site): the page offers the way back, and a successful check goes back there.
- ``census``: administrators try (dry run) or replace the census from a CSV.
- ``desk``: the centre's editors issue a one-time code (shown once) or find a person by e-mail, see their
  levels and latest attempts (outcomes only), and verify them in person (or withdraw a level)."""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from civica.accounts.adapter import safe_next
from civica.core import refusals

from . import selectors, services
from .forms import CensusForm, CodeForm, DeskPersonForm, DeskPersonIdForm, ResidenceForm
from .levels import Level
from .verifiers import get_verifier


def _mine(request, *, residence_form=None, code_form=None, status=200):
    user = request.user
    return render(request, "verification/mine.html", {
        "levels": selectors.levels_of(user=user),
        "residence_form": residence_form or ResidenceForm(),
        "code_form": code_form or CodeForm(),
        "residence_refusal": refusals.why_not(user, "verification.verify_residence"),
        "code_refusal": refusals.why_not(user, "verification.redeem_code"),
        "census_available": get_verifier().available(),
        "desk": selectors.desk(),
        "next_url": _back_to(request),
    }, status=status)


def _back_to(request) -> str | None:
    """``next``, when it is a path of this site (``/…``, not ``//host``): where the person was refused."""
    url = safe_next(request)
    return url if url and url.startswith("/") and not url.startswith(("//", "/\\")) else None


def _verified(request):
    """Back where the person was refused (``next``), or to their levels."""
    return redirect(_back_to(request) or "verification:mine")


@login_required
@require_http_methods(["GET", "HEAD"])
def mine(request):
    return _mine(request)


def _limited(request):
    return ratelimit.consume_or_429(request, action="verification_attempt")


@login_required
@require_POST
def residence(request):
    refused = _limited(request)
    if refused is not None:
        return refused
    form = ResidenceForm(request.POST)
    if form.is_valid():
        try:
            services.resident_verify(user=request.user, **form.cleaned_data)
        except refusals.REFUSALS as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("Your residence is verified."))
            return _verified(request)
    # What was typed is not sent back: the identifier is not shown again, even to its owner.
    form.data = form.data.copy()
    form.data["identifier"] = ""
    return _mine(request, residence_form=form, status=400)


@login_required
@require_POST
def code(request):
    refused = _limited(request)
    if refused is not None:
        return refused
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            services.code_redeem(user=request.user, code=form.cleaned_data["code"])
        except refusals.REFUSALS as error:
            refusals.add_to_form(form, error)
        else:
            messages.success(request, _("You are verified in person."))
            return _verified(request)
    return _mine(request, code_form=form, status=400)


census_staff = refusals.permission_required("verification.import_census",
                                            _("Only administrators import the census."))
desk_staff = refusals.permission_required("verification.verify_at_desk",
                                          _("Only the centre's staff verify people at the desk."))


@census_staff
@require_http_methods(["GET", "HEAD", "POST"])
def census(request):
    form = CensusForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = services.census_import(data=upload.read(), by=request.user, source_name=upload.name,
                                        dry_run=form.cleaned_data["dry_run"])
        if result.census is not None:
            count = result.census.entries_count
            messages.success(request, ngettext("The census is replaced: %(count)s resident.",
                                               "The census is replaced: %(count)s residents.", count)
                             % {"count": count})
            return redirect("verification:census")
    return render(request, "verification/census.html", {
        "form": form, "result": result, "census": selectors.current_census(),
    }, status=400 if form.errors or (result and result.problem_count) else 200)


@desk_staff
@require_http_methods(["GET", "HEAD", "POST"])
def desk(request):
    """Find a person by e-mail (GET ?email=), then verify them (POST person=)."""
    find = DeskPersonForm(request.GET if "email" in request.GET else None)
    person = find.person if find.is_bound and find.is_valid() else None
    return render(request, "verification/desk.html", {
        "find": find, "person": person,
        "levels": selectors.levels_of(user=person) if person else None,
        "attempts": selectors.recent_attempts(user=person) if person else None,
    }, status=400 if find.errors else 200)


@desk_staff
@require_POST
def desk_verify(request):
    form = DeskPersonIdForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        return redirect("verification:desk")
    person, revoke = form.cleaned_data["person"], form.cleaned_data["revoke"]
    try:
        if revoke:
            services.verification_revoke(user=person, level=revoke, by=request.user)
            messages.success(request, _("The level is withdrawn."))
        else:
            services.desk_verify(user=person, by=request.user)
            messages.success(request, _("The person is verified in person."))
    except refusals.REFUSALS as error:
        refusals.show_refusal(request, error)
    return redirect(f"{reverse('verification:desk')}?{urlencode({'email': person.email})}")


@desk_staff
@require_POST
def desk_code(request):
    code, desk_code = services.code_issue(by=request.user)
    # Shown once, on this response: kept nowhere but as its hash.
    response = render(request, "verification/desk_code.html", {"code": code, "desk_code": desk_code,
                                                               "level": Level.IN_PERSON})
    response["Cache-Control"] = "no-store"
    return response
