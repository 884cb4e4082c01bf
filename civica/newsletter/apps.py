from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "civica.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from anymail.signals import tracking

        from civica.accountability.registry import register_live_source

        from .bounces import on_tracking
        from .selectors import confirmed_subscribers_at

        # Bounces and complaints reported by the mail provider mark the address (bounces.py).
        tracking.connect(on_tracking, dispatch_uid="civica.newsletter.bounces")

        # The 2021 plan's KPI "1.000 abonați" reads the subscriber base (issue 15, point 5).
        register_live_source(
            "newsletter.confirmed_subscribers",
            label=_("Confirmed newsletter subscribers"),
            value_at=confirmed_subscribers_at,
        )
