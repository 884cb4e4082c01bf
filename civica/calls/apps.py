from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "civica.calls"
    label = "calls"
    verbose_name = _("Calls and competitions")

    def ready(self):
        from django.db.models.signals import post_delete

        from civica.core.uploads import delete_stored_files, keep_public_images

        from . import (
            organisation_section,  # noqa: F401 -- registers the organisation page's section
            parts,  # noqa: F401 -- registers the personal parts of its pages
            programme_section,  # noqa: F401 -- registers the programme page's section
        )
        from .models import ApplicationFile, Call, CallDocument

        # A file deleted or replaced, or an application deleted: the stored file goes too, after commit.
        post_delete.connect(delete_stored_files("file"), sender=ApplicationFile, weak=False,
                            dispatch_uid="calls.applicationfile.files")
        post_delete.connect(delete_stored_files("file"), sender=CallDocument, weak=False,
                            dispatch_uid="calls.calldocument.files")
        # A call's image: renditions on upload, deleted with the call or when replaced.
        keep_public_images(Call, "image")
