"""allauth's adapter: whether sign-up is open (``CIVICA_SIGNUP_OPEN``), allauth's own e-mails naming
the site as Civica names itself, and the same "check your e-mail" answer for a new account as for
an address that already has one (see signup.py). Log-in, sign-up and reset are rate-limited by
allauth with ``ACCOUNT_RATE_LIMITS``."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return getattr(settings, "CIVICA_SIGNUP_OPEN", True)

    def send_mail(self, template_prefix, email, context):
        # allauth's e-mails greet "from {{ current_site.name }}": without the sites framework that is
        # the request's host and port, so the site is named as Civica names itself, at its public address.
        site = SimpleNamespace(name=settings.CIVICA_SITE_NAME, domain=urlsplit(settings.CIVICA_BASE_URL).netloc)
        context = {"current_site": site, **context}
        super().send_mail(template_prefix, email, context)

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        # A new account sees the same "check your e-mail" answer as an address that already has one.
        if message_template == "account/messages/logged_in.txt" and getattr(request, "civica_signing_up", False):
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def post_login(self, request, user, **kwargs):
        request.civica_signing_up = kwargs.get("signup", False)
        response = super().post_login(request, user, **kwargs)
        # Remember the person's language, so "/" sends them to it next time.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE, httponly=True,
        )
        return response
