"""What the site search (``civica.search``) finds of calls: every call but drafts, by its title and
summary (never its applications). On PostgreSQL the stored ``search_vector`` comes from migration 0004."""

from django.utils.translation import gettext_lazy as _

from .models import Call


def searchables():
    return [dict(
        kind="call", label=_("Call"), public=Call.objects.public,
        title=("title_ro", "title_en"), text=("summary_ro", "summary_en"), image="image",
    )]
