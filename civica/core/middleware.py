from allauth.core import ratelimit
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class RejectNullCharactersMiddleware:
    """A NUL character has no place in a query string and PostgreSQL refuses it: answer 400
    with a clear message instead of failing deep inside a view. (Forms already refuse it
    with a field error: Django's CharField prohibits null characters.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in query or "%00" in query:
            return HttpResponseBadRequest(_("The address contains a character that is not allowed."))
        return self.get_response(request)


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class WriteRateLimitMiddleware:
    """Every write (a form sent, an API call that changes something) counts against the
    ``write_by_address`` and ``write_by_person`` limits of ``ACCOUNT_RATE_LIMITS`` (per client IP,
    and per signed-in person), kept in
    the cache by allauth's rate limiter, answered by the translated 429 page. The account pages
    have allauth's own, stricter limits and are not counted twice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in WRITE_METHODS and not _is_account_page(request.path_info):
            actions = ["write_by_address", "write_by_person"] if request.user.is_authenticated else ["write_by_address"]
            for action in actions:
                refused = ratelimit.consume_or_429(request, action=action)
                if refused is not None:
                    return refused
        return self.get_response(request)


def _is_account_page(path):
    parts = path.strip("/").split("/")
    return len(parts) > 1 and parts[1] == "accounts"
