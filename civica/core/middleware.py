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
