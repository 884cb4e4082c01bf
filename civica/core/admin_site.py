"""Civica's admin site, kept for what has no public screen yet. It opens to the ``core.access_admin``
permission (editors and administrators, see accounts' rules), not to Django's ``is_staff`` flag;
each model's admin permissions come from ``core.permissions.add_admin_perms``."""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class CivicaAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Civica administration")
    site_title = gettext_lazy("Civica administration")
    index_title = gettext_lazy("What has no public screen yet")

    def has_permission(self, request):
        # Roles, not the is_staff flag, open the admin: see civica.accounts.rules.
        return request.user.is_active and request.user.has_perm("core.access_admin")

    def login(self, request, extra_context=None):
        """One log-in page for everybody (allauth's, with its rate limits)."""
        index = reverse("admin:index", current_app=self.name)
        if self.has_permission(request):
            return redirect(index)
        if request.user.is_authenticated:
            raise PermissionDenied(_("The administration is open to the centre's editors and administrators."))
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or index
        return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
