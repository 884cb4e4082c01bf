"""The voucher programmes' figures where the centre's plan and the observatory read them (issue 22, point 7).

- Plan KPIs (``accountability.registry``): a provider of live sources, one per published programme and
  figure, keyed ``vouchers.<slug>.<figure>`` (``issued``, ``redeemed``, ``beneficiaries``, ``used``); a plan
  indicator that names one shows that figure up to the plan's date (``figures.totals_at``), or its typed
  values while fewer than three beneficiaries are counted.
- The observatory (``observatory.computed.counts``): four counted indicators across every published
  programme, by calendar year (``figures.by_year``): ``vouchers.issued``, ``vouchers.redeemed``,
  ``vouchers.beneficiaries``, ``vouchers.lei_used``.

Registered once, from ``apps.ready``; neither registry knows this app."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civica.accountability.registry import LiveSource, register_live_source_provider
from civica.observatory.computed import Count, counts

from . import figures
from .models import VoucherProgramme

PREFIX = "vouchers."
FIGURES = {
    "issued": _("vouchers issued"),
    "redeemed": _("vouchers redeemed"),
    "beneficiaries": _("beneficiaries reached"),
    "used": _("budget used"),
}
COUNTS = (
    ("issued", _("Cultural vouchers issued")),
    ("redeemed", _("Cultural vouchers redeemed")),
    ("beneficiaries", _("Beneficiaries of cultural vouchers reached")),
    ("lei_used", _("Cultural vouchers' budget used (lei)")),
)


def programme_sources() -> dict[str, LiveSource]:
    """``{"vouchers.<slug>.<figure>": LiveSource}`` for every published programme. One query."""
    sources = {}
    for programme in VoucherProgramme.objects.public().only("pk", "slug", "name_ro", "name_en", "unit"):
        for figure, label in FIGURES.items():
            sources[f"{PREFIX}{programme.slug}.{figure}"] = LiveSource(
                gettext("Vouchers: %(name)s, %(figure)s") % {"name": programme.translated("name"), "figure": label},
                lambda day, programme=programme, figure=figure: figures.totals_at(programme, day)[figure])
    return sources


def register() -> None:
    register_live_source_provider(PREFIX, programme_sources)
    for key, label in COUNTS:
        if f"vouchers.{key}" not in counts:
            counts.register(Count(f"vouchers.{key}", label,
                                  lambda years, key=key: figures.by_year(key, years)))
