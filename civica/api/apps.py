"""The public REST API (issue 20), ``/api/v1/`` with django-ninja: read endpoints for what the pages
publish, answered as the pages answer a visitor, in Romanian or English, with one error shape."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "civica.api"
    label = "api"
    verbose_name = _("API")
