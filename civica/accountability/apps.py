from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "civica.accountability"
    label = "accountability"
    verbose_name = _("Plans and results")

    def ready(self):
        from . import (
            programme_section,  # noqa: F401 -- registers the programme page's sections
            versions,
        )

        versions.connect()
