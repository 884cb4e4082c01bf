"""What the site search (``civica.search``) finds of the news: visible articles (published, or scheduled
and their time come, not hidden), by title, summary and text. On PostgreSQL the stored
``search_vector`` comes from migration 0002."""

from django.utils.translation import gettext_lazy as _

from .models import Article


def searchables():
    return [dict(
        kind="article", label=_("News"), public=Article.objects.visible,
        title=("title_ro", "title_en"), text=("summary_ro", "summary_en"), also=("body_ro", "body_en"),
        only=("slug", "title_ro", "title_en", "summary_ro", "summary_en", "body_ro", "body_en"),
    )]
