from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "civica.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from django.db.models.signals import post_delete

        from civica.core.uploads import delete_stored_files, keep_public_images

        from . import (
            organisation_section,  # noqa: F401 -- registers the organisation page's section
            parts,  # noqa: F401 -- registers the personal parts of its pages
            programme_section,  # noqa: F401 -- registers the programme page's section
        )
        from .models import Meeting, MeetingDocument

        # Public images: renditions on upload, deleted with their row or when replaced.
        keep_public_images(Meeting, "image")
        # A document's file goes with its row, removed alone or with its meeting.
        post_delete.connect(delete_stored_files("file"), sender=MeetingDocument, weak=False,
                            dispatch_uid="meetings.meetingdocument.delete_file")
