from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "civica.workshops"
    label = "workshops"
    verbose_name = _("World-café workshops")
