from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "civica.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import parts  # noqa: F401  (registers the frame's personal parts)
        from .page_cache import install_on

        # Every write moves the page cache's generation on (see page_cache.py).
        connection_created.connect(install_on, dispatch_uid="civica.core.page_cache")

        from django.core import checks

        from .uploads import check_private_storage

        checks.register(check_private_storage)


class CivicaAdminConfig(admin_apps.AdminConfig):
    """Django admin, opened to editors and administrators by role (see core.admin_site)."""

    default = False
    default_site = "civica.core.admin_site.CivicaAdminSite"
