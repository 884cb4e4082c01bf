from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "civica.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from civica.core.uploads import keep_public_images

        from . import programme_section  # noqa: F401 -- registers the programme page's section
        from .models import Meeting

        # Public images: renditions on upload, deleted with their row or when replaced.
        keep_public_images(Meeting, "image")
