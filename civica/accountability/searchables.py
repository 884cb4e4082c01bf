"""What the site search (``civica.search``) finds of plans: approved plans (never a draft), by title
and introduction. On PostgreSQL the stored ``search_vector`` comes from migration 0005."""

from django.utils.translation import gettext_lazy as _

from .models import ADOPTED, Plan


def searchables():
    return [dict(
        kind="plan", label=_("Plan"), public=lambda: Plan.objects.filter(status__in=ADOPTED),
        title=("title_ro", "title_en"), text=("introduction_ro", "introduction_en"),
        only=("year", "end_year", "title_ro", "title_en", "introduction_ro", "introduction_en"),
    )]
