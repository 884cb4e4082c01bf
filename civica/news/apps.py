from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "civica.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from civica.core.uploads import keep_public_images

        from . import parts  # noqa: F401 -- registers the article page's personal parts
        from .models import Article

        # Public images: renditions on upload, deleted with their row or when replaced.
        keep_public_images(Article, "image")
