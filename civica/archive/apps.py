from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "civica.archive"
    label = "archive"
    verbose_name = _("ECCA art archive")

    def ready(self):
        from civica.core.uploads import delete_stored_files, keep_public_images

        from .models import Document, WorkImage

        # The public copy: renditions on upload, deleted with its row or when the licence withdraws it.
        keep_public_images(WorkImage, "image")
        from django.db.models.signals import post_delete

        post_delete.connect(delete_stored_files("file"), sender=Document, weak=False,
                            dispatch_uid="archive.document.delete")
