from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class CivicaAdminSite(admin.AdminSite):
    site_header = _("Civica administration")
    site_title = _("Civica administration")
    index_title = _("What has no public screen yet")

    def has_permission(self, request):
        # Roles, not the is_staff flag, open the admin: see civica.accounts.rules.
        return request.user.is_active and request.user.has_perm("core.access_admin")
