"""Core's request guards, before any view runs.

- ``RejectNullCharactersMiddleware``: a NUL character in the path (also percent-decoded), the query string
  or any posted name or value gets a readable 400 page, so no view or form needs to strip NULs.
- ``WriteRateLimitMiddleware``: every write outside the account pages counts against ``write_by_address``
  and ``write_by_person`` in ``ACCOUNT_RATE_LIMITS`` (the account pages have allauth's own limits), all of a
  write's limits in one cache round trip on Redis (``write_limits``)."""

from urllib.parse import unquote

from django.shortcuts import render
from django.utils.translation import gettext as _

from . import write_limits

NUL = "\x00"


class RejectNullCharactersMiddleware:
    """A NUL character has no place in an address, a query string or a form, and PostgreSQL refuses
    it: answer 400 with a readable page instead of failing deep inside a view. Checked: the path
    (also once more percent-decoded), the query string and every value and name sent by a POST (or
    any write), with uploaded files' names."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _nul_in_address(request):
            return _refuse(request, _("The address contains a character that is not allowed."))
        if request.method in WRITE_METHODS and _nul_in_body(request):
            return _refuse(request, _("What you sent contains a character that is not allowed (a null "
                                      "character). Go back, remove it from what you typed and send it again."))
        return self.get_response(request)


def _nul_in_address(request) -> bool:
    path = request.path_info
    query = request.META.get("QUERY_STRING", "")
    if NUL in path or NUL in unquote(path) or NUL in query or "%00" in query:
        return True
    return any(NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists())


def _nul_in_body(request) -> bool:
    if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return False
    for key, values in request.POST.lists():
        if NUL in key or any(NUL in value for value in values):
            return True
    return any(NUL in key or NUL in (upload.name or "") for key, uploads in request.FILES.lists() for upload in uploads)


def _refuse(request, reason):
    return render(request, "400.html", {"reason": reason}, status=400)


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class WriteRateLimitMiddleware:
    """Every write (a form sent, an API call that changes something) counts against the
    ``write_by_address`` and ``write_by_person`` limits of ``ACCOUNT_RATE_LIMITS`` (per client IP,
    and per signed-in person), kept in the cache (``write_limits``: one round trip on Redis, else allauth's
    rate limiter), answered by allauth's translated 429 page. The account pages
    have allauth's own, stricter limits and are not counted twice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in WRITE_METHODS and not _is_account_page(request.path_info):
            actions = ["write_by_address", "write_by_person"] if request.user.is_authenticated else ["write_by_address"]
            refusal = write_limits.refused(request, actions)
            if refusal is not None:
                return refusal
        return self.get_response(request)


def _is_account_page(path):
    parts = path.strip("/").split("/")
    return len(parts) > 1 and parts[1] == "accounts"
