"""The bodies' public pages: the list (each body's role, rules, current seats and vacancies) and a page per
body (the history of each seat, its meetings with agenda and minutes, its decisions and objectives).
Holders are shown by their public name, on behalf of their organisation when they hold the seat for one."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors
from .seat_calls import selectors as seat_call_selectors


@require_safe
def body_list(request):
    return render(request, "governance/body_list.html", {"bodies": selectors.body_list()})


@require_safe
def body_detail(request, slug):
    body = selectors.body_detail(slug)
    if body is None:
        raise Http404
    return render(request, "governance/body_detail.html",
                  {"body": body, "open_seat_calls": seat_call_selectors.open_seat_calls(body)})
