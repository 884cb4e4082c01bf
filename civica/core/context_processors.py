"""Template context every page gets: the site's name."""

from django.conf import settings


def site(request):
    return {"site_name": settings.CIVICA_SITE_NAME}
