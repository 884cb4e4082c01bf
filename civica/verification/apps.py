from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "civica.verification"
    label = "verification"
    verbose_name = _("Verification")

    def ready(self):
        from civica.core.page_cache import watch_person_rows

        from . import rules  # noqa: F401
        from .models import Verification

        # A person's kept pages (core.page_cache) say what they may do, which their levels decide.
        watch_person_rows(Verification)
