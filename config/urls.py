from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from civica.accounts.views import switch_language
from civica.core.views import healthz, public_media

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", switch_language, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("", include("civica.content.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("civica.accounts.urls")),
    path("network/", include("civica.network.urls")),
    path("processes/", include("civica.participation.urls")),
    path("moderation/", include("civica.participation.moderation_urls")),
    path("notifications/", include("civica.participation.notification_urls")),
    path("search/", include("civica.participation.search_urls")),
    path("comments/", include("civica.participation.comment_urls")),
    path("calls/", include("civica.calls.urls")),
    path("plans/", include("civica.accountability.urls")),
    path("meetings/", include("civica.meetings.urls")),
    path("workshops/", include("civica.meetings.workshop_urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.MEDIA_URL.startswith("/"):
    # Answers only where settings.CIVICA_SERVE_MEDIA allows it (development, the demo).
    urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", public_media, name="public_media")]
