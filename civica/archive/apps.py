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
        # The private original goes with its row too, however the row goes (a work deleted takes its images).
        post_delete.connect(delete_stored_files("original"), sender=WorkImage, weak=False,
                            dispatch_uid="archive.image.original.delete")

        # The catalogue's facet counts kept in the cache go stale with any change of what they count.
        from django.db.models.signals import m2m_changed, post_save

        from .models import Artist, Collection, CollectionItem, Medium, Tag, Work
        from .selectors import catalogue_changed
        from .tasks import after_change

        for model in (Work, Artist, Medium, Tag, Collection, CollectionItem):
            post_save.connect(catalogue_changed, sender=model, weak=False, dispatch_uid=f"archive.facets.save.{model}")
            post_delete.connect(catalogue_changed, sender=model, weak=False,
                                dispatch_uid=f"archive.facets.delete.{model}")
            # Then, once the write commits, the unfiltered catalogue counted again (the queue).
            post_save.connect(after_change, sender=model, weak=False, dispatch_uid=f"archive.prepare.save.{model}")
            post_delete.connect(after_change, sender=model, weak=False, dispatch_uid=f"archive.prepare.delete.{model}")
        from .services import refresh_search_text

        for model in (Artist, Medium, Tag):  # renamed: their works are found by the new name
            post_save.connect(refresh_search_text, sender=model, weak=False,
                              dispatch_uid=f"archive.search_text.{model}")
        for sender in (Work.tags.through, CollectionItem):
            m2m_changed.connect(catalogue_changed, sender=sender, weak=False,
                                dispatch_uid=f"archive.facets.m2m.{sender}")
            m2m_changed.connect(after_change, sender=sender, weak=False, dispatch_uid=f"archive.prepare.m2m.{sender}")
