from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritageConfig(AppConfig):
    name = "civica.heritage"
    label = "heritage"
    verbose_name = _("România Remarcabilă heritage inventory")

    def ready(self):
        from django.db.models.signals import post_delete

        from civica.core.uploads import delete_stored_files, keep_public_images

        from .models import HeritagePhoto

        # The public copy: renditions on upload, deleted with its row or when the licence withdraws it.
        keep_public_images(HeritagePhoto, "image")
        # The private original goes with its row, however the row goes.
        post_delete.connect(delete_stored_files("original"), sender=HeritagePhoto, weak=False,
                            dispatch_uid="heritage.photo.original.delete")
