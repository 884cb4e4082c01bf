"""allauth's adapter: whether sign-up is open (``CIVICA_SIGNUP_OPEN``), allauth's own e-mails naming
the site as Civica names itself (written in the request, sent by the task queue), and the same "check
your e-mail" answer for a new account as for an address that already has one (see signup.py). Log-in,
sign-up and reset are rate-limited by allauth with ``ACCOUNT_RATE_LIMITS``.

Coming back where one started: log-in follows its ``next``; sign-up does not (a new account and a taken
address both see "check your e-mail"), but its ``next`` rides in the verification link, and confirming
the address follows it (allauth's confirmation page keeps ``next``). Only a local URL is kept."""

from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.utils.http import url_has_allowed_host_and_scheme

from civica.queue.delivery import event_key
from civica.queue.tasks import message_data, send_prepared_mail


def safe_next(request) -> str | None:
    """The request's ``next``, when it is a URL on this site; None otherwise."""
    if request is None:
        return None
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return None


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return getattr(settings, "CIVICA_SIGNUP_OPEN", True)

    def send_mail(self, template_prefix, email, context):
        # allauth's e-mails greet "from {{ current_site.name }}": without the sites framework that is
        # the request's host and port, so the site is named as Civica names itself, at its public address.
        site = SimpleNamespace(name=settings.CIVICA_SITE_NAME, domain=urlsplit(settings.CIVICA_BASE_URL).netloc)
        context = {"request": allauth_context.request, "email": email, "current_site": site, **context}
        # Written here, in the request's language (allauth's templates), and sent by the queue.
        message = self.render_mail(template_prefix, email, context)
        send_prepared_mail.delay(event_key("accounts." + template_prefix.rsplit("/", 1)[-1]), message_data(message))

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        # A new account sees the same "check your e-mail" answer as an address that already has one.
        if message_template == "account/messages/logged_in.txt" and getattr(request, "civica_signing_up", False):
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def get_email_confirmation_url(self, request, emailconfirmation):
        # The page the person signed up (or asked for a new link) from comes back with the link.
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = safe_next(request)
        return f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else url

    def post_login(self, request, user, **kwargs):
        request.civica_signing_up = kwargs.get("signup", False)
        if request.civica_signing_up:
            # Not yet to ``next``: the verification link brings the person there.
            kwargs["redirect_url"] = self.get_signup_redirect_url(request)
        response = super().post_login(request, user, **kwargs)
        # Remember the person's language, so "/" sends them to it next time.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE, httponly=True,
        )
        return response
