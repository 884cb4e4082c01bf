from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    default = True
    name = "civica.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self):
        from . import (
            page_cache,
            parts,  # noqa: F401  (registers the frame's personal parts)
            write_watch,
        )

        # Every write moves the page cache's generation on (see page_cache.py), seen by one execute
        # wrapper on every connection (write_watch.py).
        write_watch.install()
        page_cache.watch_writes()

        from django.core import checks

        from .uploads import check_private_storage

        checks.register(check_private_storage)


class CivicaAdminConfig(admin_apps.AdminConfig):
    """Django admin, opened to editors and administrators by role (see core.admin_site)."""

    default = False
    default_site = "civica.core.admin_site.CivicaAdminSite"
