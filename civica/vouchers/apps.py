"""Cultural vouchers (issue 22): programmes with a budget, beneficiaries referred by partners, vouchers with
codes and printed cards, partner venues and their offers, redemption by venue staff."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VouchersConfig(AppConfig):
    name = "civica.vouchers"
    label = "vouchers"
    verbose_name = _("Cultural vouchers")

    def ready(self):
        from civica.core.page_cache import watch_person_rows

        from . import (
            programme_section,  # noqa: F401 -- the programme page's section
            rules,  # noqa: F401 -- the vouchers' permissions
        )
        from .models import ProgrammeRole, VenueStaff

        # A role on a programme or a venue changes what its holder may do (core.page_cache keeps their pages).
        watch_person_rows(ProgrammeRole, VenueStaff)

        # The programmes' figures as plan KPI actuals and as the observatory's counted indicators (issue 22,
        # point 7): both registries sit below or beside this app, which fills them (feeds.py).
        from . import feeds

        feeds.register()
