from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "civica.content"
    label = "content"
    verbose_name = _("Content")

    def ready(self):
        from . import parts  # noqa: F401 -- registers the home page's personal parts
