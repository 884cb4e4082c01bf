from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "civica.participation"
    label = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from django.db.models.signals import post_delete, pre_save

        from civica.core.uploads import delete_replaced_files, delete_stored_files, keep_renditions

        from . import (
            parts,  # noqa: F401 -- registers the personal parts of its pages
            programme_section,  # noqa: F401 -- registers the programme page's section
        )
        from .models import Idea, Process

        # An idea or consultation deleted takes its stored image and document with it, after commit;
        # one replaced or cleared in an edit goes too.
        post_delete.connect(delete_stored_files("image", "attachment"), sender=Idea, weak=False,
                            dispatch_uid="participation.idea.files")
        post_delete.connect(delete_stored_files("hero_image"), sender=Process, weak=False,
                            dispatch_uid="participation.process.files")
        pre_save.connect(delete_replaced_files("image", "attachment"), sender=Idea, weak=False,
                         dispatch_uid="participation.idea.replaced_files")
        pre_save.connect(delete_replaced_files("hero_image"), sender=Process, weak=False,
                         dispatch_uid="participation.process.replaced_files")
        # Images shown on pages get their smaller copies and their size when uploaded.
        keep_renditions(Idea, "image")
        keep_renditions(Process, "hero_image")
