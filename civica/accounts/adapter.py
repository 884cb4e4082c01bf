from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return getattr(settings, "CIVICA_SIGNUP_OPEN", True)

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        # Remember the person's language, so "/" sends them to it next time.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE, samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE, httponly=True,
        )
        return response
