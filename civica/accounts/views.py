"""The account pages at ``/<lang>/account/`` (allauth's sign-up, log-in and reset are at ``/<lang>/accounts/``):
the profile, download-my-data (a JSON file), delete-my-account (after the password); and the language
switch at ``/i18n/setlang/``, outside the language prefix (a link for visitors, which sets the language
cookie; a form for signed-in people, whose choice is saved on the profile too)."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path, override
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from . import services
from .forms import AccountDeleteForm, ProfileForm
from .selectors import account_overview


def _with_language_cookie(response, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax", secure=settings.SESSION_COOKIE_SECURE, httponly=True,
    )
    return response


@login_required
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=user)
        if form.is_valid():
            services.profile_update(user=user, **form.cleaned_data)
            language = form.cleaned_data["language"]
            with override(language):
                messages.success(request, _("Your profile was saved."))
                url = reverse("accounts:profile")
            return _with_language_cookie(HttpResponseRedirect(url), language)
    else:
        form = ProfileForm(instance=user)
    return render(request, "accounts/profile.html", {"form": form, **account_overview(user)})


@login_required
@require_safe
def export_data(request):
    data = {
        "generated_at": timezone.now().isoformat(),
        "platform": settings.CIVICA_SITE_NAME,
        "data": services.personal_data_export(user=request.user),
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="civica-my-data.json"'
    return response


@login_required
def delete_account(request):
    if request.method == "POST":
        form = AccountDeleteForm(request.POST, user=request.user)
        if form.is_valid():
            services.account_delete(user=request.user)
            logout(request)
            messages.success(request, _("Your account was deleted. Thank you for taking part."))
            return redirect("content:home")
    else:
        form = AccountDeleteForm(user=request.user)
    return render(request, "accounts/delete.html", {"form": form,
                                                    "call_records_years": settings.CIVICA_CALL_RECORDS_YEARS})


@require_http_methods(["GET", "POST"])
def switch_language(request):
    """The same page in another language, remembered in the language cookie. A visitor follows a
    link (GET); a signed-in person sends the header's form (POST), and the choice is saved on the
    profile as well."""
    data = request.POST if request.method == "POST" else request.GET
    language = data.get("language", "")
    next_url = data.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = "/"
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    if request.method == "POST" and request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return _with_language_cookie(HttpResponseRedirect(_in_language(next_url, language)), language)


def _in_language(url, language):
    """``url`` in ``language``. Its path is resolved in its own language (the one its prefix
    names), not the request's: ``/ro/…`` only resolves while Romanian is active."""
    with override(get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE):
        return translate_url(url, language)
