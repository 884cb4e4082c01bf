"""A person's access tokens on their account: made (shown once), listed with their last use, revoked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from civica.core import refusals

from . import services
from .forms import TokenForm
from .models import AccessToken


@never_cache
@login_required
def tokens(request):
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.token_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            refusals.add_to_form(form, error)
        else:
            # Shown on this answer only (never stored, never redirected to): the page is not cached.
            created = {"token": token, "secret": secret}
            form = TokenForm()
    return render(request, "api/tokens.html", {
        "form": form, "created": created,
        "tokens": AccessToken.objects.filter(user=request.user).order_by("-created_at", "-id"),
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(AccessToken, pk=pk, user=request.user)
    services.token_revoke(token=token, by=request.user)
    messages.success(request, _("The token “%(name)s” is revoked: it opens nothing any more.") % {"name": token.name})
    return redirect("api:tokens")
