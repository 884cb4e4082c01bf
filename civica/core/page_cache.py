"""Whole pages for visitors who carry no cookie, kept in the shared cache (Redis) until anything changes.

Most requests at city scale are anonymous reads of the same pages; rendering them costs 5–30 ms
of Python, serving them from the cache about 1 ms. A page is kept only when nothing in it can
belong to one person, which is what a request without a session cookie, a CSRF cookie or a
messages cookie gives, and only when the response sets no cookie either (a page with a form sets
the CSRF cookie, so it is never kept). Signed-in people never read from it.

Freshness: every statement that writes to the database (``INSERT``, ``UPDATE``, ``DELETE`` from any
code, ``QuerySet.update()`` and bulk writes included; seen by a database execute wrapper on every
connection) moves the site's *generation* on, at once and again when its transaction commits; a page
kept under an older generation is never served as current. While one request renders such a page
anew, other visitors are given the page it replaces (if it is under ``STALE_SECONDS`` old), so a
busy page is rendered once per write, not once per visitor waiting. A page lives at most
``PAGE_CACHE_SECONDS`` besides, which bounds what only time changes (a phase that opens at noon); a
view whose page changes with the clock alone (the world-café room screen) says ``never_cache``.
``PAGE_CACHE_SECONDS = 0`` turns it off: the default without ``REDIS_URL``, since a per-process
cache could not tell the other app servers of a write.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"
PAGE_KEY_PREFIX = "page-cache:page:"
# Cookies that change nothing in a page: the remembered language only steers the redirect of "/".
NEUTRAL_COOKIES = frozenset({settings.LANGUAGE_COOKIE_NAME})
# Writes to these tables change no page a visitor without cookies can see.
UNSEEN_TABLES = ("django_session",)
WRITE_VERBS = ("INSERT", "UPDATE", "DELETE")
# While one request renders a stale page anew, the others get the stale one, if it is this recent:
# under steady writes only one render per page runs at a time, not one per waiting visitor.
STALE_SECONDS = 30
RENDER_LOCK_SECONDS = 10
# Addresses with longer query strings are served but not kept: endless variations of a query
# would only fill the cache.
MAX_QUERY_STRING = 200


def page_cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _first_generation() -> int:
    # A counter lost (evicted, Redis restarted) starts again past any value it held: pages kept
    # under the old numbers can never look current.
    return time.time_ns()


def bump_generation() -> None:
    """Pages kept so far are stale. Called for every write; cheap (one counter in the cache)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet, or evicted
        cache.add(GENERATION_KEY, _first_generation(), timeout=None)


def _is_write(sql: str) -> bool:
    statement = sql.lstrip()[:6].upper()
    if not statement.startswith(WRITE_VERBS):
        return False
    head = sql[:120]
    return not any(table in head for table in UNSEEN_TABLES)


def invalidate_on_write(execute, sql, params, many, context):
    """A database execute wrapper (installed on every connection by ``CoreConfig.ready``)."""
    result = execute(sql, params, many, context)
    if page_cache_seconds() and _is_write(sql):
        # Now, so a page rendered from this transaction's own reads is not kept as current, and
        # after commit, so a page another request rendered from the old rows meanwhile is not either.
        bump_generation()
        transaction.on_commit(bump_generation, using=context["connection"].alias)
    return result


def install_on(connection, **kwargs):
    if invalidate_on_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(invalidate_on_write)


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or "HTTP_HX_REQUEST" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    return all(name in NEUTRAL_COOKIES for name in request.COOKIES)


def _cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    # A nonce must be new for every response: a page that uses one is never kept.
    return "'nonce-" not in response.get("Content-Security-Policy", "")


def _page_key(request) -> str | None:
    try:
        host = request.get_host()
    except Exception:  # a disallowed host: Django answers 400 further in; nothing to keep
        return None
    digest = hashlib.sha256(f"{host}\n{request.get_full_path()}".encode()).hexdigest()
    return PAGE_KEY_PREFIX + digest


class AnonymousPageCacheMiddleware:
    """Serves and keeps whole pages for cookieless GET requests (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        if not seconds or not _cacheable_request(request):
            return self.get_response(request)
        key = _page_key(request)
        if key is None:
            return self.get_response(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, _first_generation(), timeout=None)
            generation = cache.get(GENERATION_KEY)
        kept = found.get(key)
        head = request.method == "HEAD"
        if kept is not None and kept[0] == generation:
            return _replay(kept, head)
        lock, locked = key + ":rendering", False
        if kept is not None and time.time() - kept[1] < STALE_SECONDS:
            locked = cache.add(lock, 1, RENDER_LOCK_SECONDS)
            if not locked:  # another request renders this page anew: meanwhile, the page it replaces
                return _replay(kept, head)
        try:
            response = self.get_response(request)
            if not head and _cacheable_response(response):
                cache.set(key, (generation, time.time(), response.status_code, list(response.items()),
                                response.content), seconds)
        finally:
            if locked:
                cache.delete(lock)
        return response


def _replay(kept, head):
    _generation, _stored_at, status, headers, content = kept
    response = HttpResponse(b"" if head else content, status=status)
    for name, value in headers:
        response[name] = value
    return response
