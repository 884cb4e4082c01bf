"""The cultural observatory (issue 19): indicators and their values over the years, the data the centre
collects from cultural organisations, what each organisation sees of its own figures beside the sector's,
and what is published (dashboards, the sector's diagnosis, open data), never revealing one organisation."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "civica.observatory"
    label = "observatory"
    verbose_name = _("Observatory")

    def ready(self):
        from django.db.models.signals import post_delete

        from civica.accountability.registry import register_live_source_provider
        from civica.core.uploads import delete_stored_files

        from . import rules  # noqa: F401 -- the observatory's permissions
        from .live_sources import PREFIX, indicator_sources
        from .models import AnswerFile
        from .points_cache import watch_writes

        # Every write to the indicators' values moves their audits' generation on (points_cache).
        watch_writes()

        # Campaigns (issue 19, point 2): an answer's files go with their row.
        post_delete.connect(delete_stored_files("file"), sender=AnswerFile, weak=False,
                            dispatch_uid="observatory_answer_file_delete")
        # Plan KPIs may take their actual values from a published indicator (issue 19, point 5).
        register_live_source_provider(PREFIX, indicator_sources)
