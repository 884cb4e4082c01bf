from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "civica.staff"
    label = "staff"
    verbose_name = _("Staff dashboard")

    def ready(self):
        from . import rules  # noqa: F401
