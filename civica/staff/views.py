"""The staff dashboard (``/<lang>/staff/``): anonymous visitors log in first, people without staff work
get a 403 that says why; the selector decides what each person sees."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import selectors


@require_safe
def dashboard(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("staff.view_dashboard"):
        raise PermissionDenied(_("The staff dashboard is for the centre's staff, moderators, evaluators, "
                                 "facilitators and the representatives of member organisations."))
    return render(request, "staff/dashboard.html", {"dashboard": selectors.dashboard(request.user)})
