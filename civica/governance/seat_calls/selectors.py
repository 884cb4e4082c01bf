"""Reads of calls for seats."""

from django.utils import timezone

from civica.calls.models import Call

from ..models import SeatCall


def open_seat_calls(body, *, now=None):
    """The calls for seats of ``body`` open now (published, between opening and deadline), soonest
    deadline first, each with its call. One query."""
    return (SeatCall.objects.filter(body=body, call__in=Call.objects.open_now(now or timezone.now()))
            .select_related("call").order_by("call__closes_at", "pk"))


def seat_call_of(call):
    """The ``SeatCall`` of ``call`` (with its body), or None when the call is not a call for seats."""
    return SeatCall.objects.filter(call=call).select_related("body").first()
