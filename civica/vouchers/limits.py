"""Guessing codes does not work (issue 22, "Rules and bad input").

Every look-up of a code (the venue's redemption page, the beneficiary's page) counts against two rates, per
account when signed in and per client address (allauth's address, behind ``CIVICA_TRUSTED_PROXY_COUNT``
proxies): ``VOUCHER_LOOKUP_LIMITS`` in the settings, ``(requests, seconds)``. A code that does not exist
counts besides: ``wrong_codes`` of them within their window lock the form for that account and that
address for ``lock_seconds``; a code whose check symbol fails is a typing slip, says so, and does not
count towards the lock (it reveals nothing: the check symbol is public arithmetic).

A venue's system calling the API with its token counts as the venue's account (``venue:<id>``, every
token of the venue together, so a new token does not lift a lock) beside its address. ``guard`` and
``lookup`` are what the phone page and the API both call before and while looking a code up.

Counters live in the shared cache (Redis in production), one key per window, made with ``add`` and
``incr`` so app servers agree. On one Redis server ``guard`` reads the locks and moves both counters in
one pipelined round trip (``SET NX`` then ``INCR`` a counter) where the cache's own calls took eight (a
look-up made while locked is counted too: it is refused either way). Plain functions of a request; the
views call them."""

import time
from contextlib import contextmanager

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from civica.core.redis_cache import deserialized, single_server_client

from . import services
from .models import VenueToken

DEFAULTS = {
    "by_person": (60, 60),
    "by_address": (120, 60),
    "wrong_codes": (5, 15 * 60),
    "lock_seconds": 15 * 60,
}


def _limits() -> dict:
    return {**DEFAULTS, **getattr(settings, "VOUCHER_LOOKUP_LIMITS", {})}


def _who(request) -> list[str]:
    keys = [f"address:{get_adapter().get_client_ip(request) or 'unknown'}"]
    token = getattr(request, "auth", None)
    if isinstance(token, VenueToken):
        keys.append(f"venue:{token.venue_id}")
    elif request.user.is_authenticated:
        keys.append(f"person:{request.user.pk}")
    return keys


def _counter_name(key: str, seconds: int) -> str:
    return f"vouchers:limit:{key}:{seconds}:{int(time.time() // seconds)}"


def _rate(limits: dict, key: str) -> tuple[int, int]:
    return limits["by_address" if key.startswith("address:") else "by_person"]


def _count(key: str, seconds: int) -> int:
    name = _counter_name(key, seconds)
    cache.add(name, 0, timeout=seconds + 1)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=seconds + 1)
        return 1


def locked_for(request) -> int:
    """Seconds left of a lock on this account or address (0: not locked)."""
    now = time.time()
    until = max((cache.get(f"vouchers:lock:{key}") or 0) for key in _who(request))
    return max(0, int(until - now + 0.999))


def allow_lookup(request) -> bool:
    """Count one look-up; False when a rate is passed (the caller answers 429)."""
    limits = _limits()
    allowed = True
    for key in _who(request):
        count, seconds = _rate(limits, key)
        if _count(f"lookup:{key}", seconds) > count:
            allowed = False
    return allowed


def record_wrong_code(request) -> bool:
    """Count a code that does not exist; True when this locks the form."""
    limits = _limits()
    count, seconds = limits["wrong_codes"]
    locked = False
    for key in _who(request):
        if _count(f"wrong:{key}", seconds) >= count:
            cache.set(f"vouchers:lock:{key}", time.time() + limits["lock_seconds"], timeout=limits["lock_seconds"])
            locked = True
    return locked


def locked_message(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return ngettext(
        "Too many wrong codes from here: the form is locked for %(minutes)s minute. Check the card meanwhile; "
        "if the code is right and still refused, call the programme's staff.",
        "Too many wrong codes from here: the form is locked for %(minutes)s minutes. Check the card meanwhile; "
        "if the code is right and still refused, call the programme's staff.", minutes) % {"minutes": minutes}


def too_many_message() -> str:
    return _("Too many look-ups in a short time. Wait a minute, then try again.")


def guard(request):
    """None when a look-up may go ahead; otherwise the message and the status to answer with (429)."""
    client = single_server_client(cache)
    if client is not None:
        return _guard_in_one_trip(request, client)
    locked = locked_for(request)
    if locked:
        return locked_message(locked), 429
    if not allow_lookup(request):
        return too_many_message(), 429
    return None


def _guard_in_one_trip(request, client):
    """``guard`` on one Redis server: the locks read and the counters moved in one pipeline."""
    limits, keys = _limits(), _who(request)
    rates = [_rate(limits, key) for key in keys]
    with client.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.get(cache.make_and_validate_key(f"vouchers:lock:{key}"))
        for key, (_count_allowed, seconds) in zip(keys, rates, strict=True):
            name = cache.make_and_validate_key(_counter_name(f"lookup:{key}", seconds))
            pipe.set(name, 0, nx=True, ex=seconds + 1)
            pipe.incr(name)
        replies = pipe.execute()
    until = max((deserialized(cache, raw) for raw in replies[:len(keys)] if raw is not None), default=0)
    locked = max(0, int(until - time.time() + 0.999))
    if locked:
        return locked_message(locked), 429
    counts = replies[len(keys) + 1::2]
    if any(counted > allowed for counted, (allowed, _seconds) in zip(counts, rates, strict=True)):
        return too_many_message(), 429
    return None


def lookup(request, typed: str):
    """The voucher of ``typed``, counting a code that does not exist towards the lock; raises
    ``services.VoucherProblem`` (``kind="locked"`` when this code locked the form)."""
    with counting_wrong_codes(request):
        return services.find_voucher(typed)


@contextmanager
def counting_wrong_codes(request):
    """Around a look-up of a typed code (``lookup``, or a redemption by its code): a code that does not
    exist counts towards the lock, and is refused as ``locked`` when it locks the form."""
    try:
        yield
    except services.VoucherProblem as problem:
        if problem.kind == "unknown" and record_wrong_code(request):
            raise services.VoucherProblem("locked", locked_message(locked_for(request))) from None
        raise
