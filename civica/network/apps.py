from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "civica.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self):
        from civica.core.page_cache import watch_person_rows
        from civica.core.uploads import keep_public_images

        from .models import Programme, Representation, Space

        # A person's kept pages (core.page_cache) show the organisations they represent.
        watch_person_rows(Representation)

        # Public images: renditions on upload, deleted with their row or when replaced.
        keep_public_images(Programme, "image")
        keep_public_images(Space, "image")
