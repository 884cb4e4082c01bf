from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView

from civica.accounts.views import switch_language
from civica.api.api import api
from civica.core.views import healthz, media

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers and feed readers that ask for /favicon.ico whatever the page says (base.html links the SVG).
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/favicon.ico"), permanent=True)),
    # Public uploads, only when CIVICA_SERVE_MEDIA is on (README: deploying); 404 otherwise.
    path(settings.MEDIA_URL.strip("/") + "/<path:path>", media, name="media"),
    path("i18n/setlang/", switch_language, name="set_language"),
    # What crawlers may visit (core/templates/robots.txt): everything public.
    # The mail provider's reports of bounces and complaints (django-anymail; civica.newsletter.bounces).
    path("anymail/", include("anymail.urls")),
    # The public API (civica.api): not under a language prefix, its language is ?lang= or Accept-Language.
    path("api/v1/", api.urls),
    # OAI-PMH 2.0 for harvesters (civica.oai): not under a language prefix, answers are XML only.
    path("oai/", include("civica.oai.urls")),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8")),
]

urlpatterns += i18n_patterns(
    path("", include("civica.content.urls")),
    path("", include("civica.pages.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/api-tokens/", include("civica.api.urls")),
    path("account/verification/", include("civica.verification.urls")),
    path("account/", include("civica.accounts.urls")),
    path("network/bodies/", include("civica.governance.urls")),
    path("network/", include("civica.network.urls")),
    path("processes/", include("civica.participation.urls")),
    path("moderation/", include("civica.moderation.urls")),
    path("notifications/", include("civica.notifications.urls")),
    path("search/", include("civica.search.urls")),
    path("comments/", include("civica.comments.urls")),
    path("calls/", include("civica.calls.urls")),
    path("plans/", include("civica.accountability.urls")),
    path("meetings/", include("civica.meetings.urls")),
    path("workshops/", include("civica.workshops.urls")),
    path("staff/audit/", include("civica.audit.urls")),
    path("staff/", include("civica.staff.urls")),
    path("news/", include("civica.news.urls")),
    path("newsletter/", include("civica.newsletter.urls")),
    path("observatory/", include("civica.observatory.urls")),
    path("vouchers/", include("civica.vouchers.urls")),
    path("archive/", include("civica.archive.urls")),
    path("heritage/", include("civica.heritage.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
