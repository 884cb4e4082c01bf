from django.conf import settings


def site(request):
    return {"site_name": settings.CIVICA_SITE_NAME}
