"""The limits on every write (``write_by_address``, ``write_by_person`` in ``ACCOUNT_RATE_LIMITS``), counted in
one cache round trip; and, through ``limited``, on the few reads that cost as much (a whole inventory streamed).

allauth's rate limiter keeps each limit's history as a pickled list of timestamps behind a lock in the cache:
four round trips a limit (take the lock, read, write, free the lock), eight for a signed-in person's write.
On one Redis server the same sliding window is kept here as a sorted set of timestamps, every limit of the
request in one ``MULTI``/``EXEC``: drop what left the window, add this write, count, renew the expiry. As in
allauth, a refused write is not counted by the limit that refused it nor by the ones after it (they are taken
out again: a second round trip, only then), and the limits are read from ``ACCOUNT_RATE_LIMITS`` through
allauth, with its cache keys' parts (the client's address as its adapter sees it, behind
``ALLAUTH_TRUSTED_PROXY_COUNT`` balancers, IPv6 truncated) and its translated 429 page. Without such a server
(the tests' local-memory cache, several Redis servers) allauth's own limiter counts."""

import functools
import math
import secrets
import time

from allauth.core import ratelimit
from allauth.core.internal.ratelimit import get_cache_key, get_rates
from django.core.cache import cache

from .redis_cache import single_server_client

APP = "allauth.account"  # whose settings hold the limits (ACCOUNT_RATE_LIMITS)
KEY_PREFIX = "write-limit:"  # a sorted set, never allauth's pickled list under allauth's own key


def refused(request, actions) -> object | None:
    """The 429 answer if one of ``actions``' limits refuses this write (which then counts where allauth's
    would), else None (the write counted against every limit)."""
    client = single_server_client(cache)
    if client is None:
        for action in actions:
            # limit_get: allauth leaves GETs uncounted unless told; ``limited`` reads count too.
            response = ratelimit.consume_or_429(request, action=action, limit_get=True)
            if response is not None:
                return response
        return None
    limits = [(cache.make_and_validate_key(KEY_PREFIX + get_cache_key(request, app=APP, action=action, rate=rate)),
               rate)
              for action in actions for rate in get_rates(app=APP, action=action)]
    if not limits:
        return None
    now = time.time()
    write = f"{now!r}:{secrets.token_hex(4)}"  # one member a write, even two in the same microsecond
    with client.pipeline(transaction=True) as pipe:
        for key, rate in limits:
            pipe.zremrangebyscore(key, "-inf", now - rate.duration)
            pipe.zadd(key, {write: now})
            pipe.zcard(key)
            pipe.expire(key, math.ceil(rate.duration))
        counts = pipe.execute()[2::4]
    first_refusal = next((index for index, ((_key, rate), count) in enumerate(zip(limits, counts, strict=True))
                          if count > rate.amount), None)
    if first_refusal is None:
        return None
    with client.pipeline(transaction=False) as pipe:
        for key, _rate in limits[first_refusal:]:
            pipe.zrem(key, write)
        pipe.execute()
    return ratelimit.respond_429(request)


def limited(*actions):
    """A view every request of which counts against ``actions``' limits (``ACCOUNT_RATE_LIMITS``), like a write,
    and past them gets the 429 page: for reads that cost what a write does and that no cache keeps (a whole
    inventory streamed as CSV, JSON or GeoJSON to whoever asks)."""
    def decorate(view):
        @functools.wraps(view)
        def counted(request, *args, **kwargs):
            refusal = refused(request, list(actions))
            if refusal is not None:
                return refusal
            return view(request, *args, **kwargs)
        return counted
    return decorate
