from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "civica.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from . import parts  # noqa: F401  (registers a comment section's personal parts)
