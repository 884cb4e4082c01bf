"""Whole pages for visitors who carry no cookie, kept in the shared cache (Redis) until anything changes.

Most requests at city scale are anonymous reads of the same pages; rendering them costs 5–30 ms
of Python, serving them from the cache about 1 ms. A page is kept only when nothing in it can
belong to one person, which is what a request without a session cookie, a CSRF cookie or a
messages cookie gives, and only when the response sets no cookie either (a page with a form sets
the CSRF cookie, so it is never kept). Signed-in people never read from it. A page is kept as it is sent:
gzip-compressed (with GZipMiddleware's random padding, drawn once per render) for a browser that takes gzip, plain
for one that does not, so it is compressed once when kept rather than on every visit.

Signed-in people (and visitors with cookies) are served by ``SharedPageMiddleware`` from the same kind
of kept page, for the views marked ``@shared_page``: the page as a visitor gets it, with its personal
parts marked (personal_parts.py) and filled per request. Nothing of anyone enters what is kept, since
the page is rendered with no user, session or messages at all.

Freshness: every statement that writes to the database (``INSERT``, ``UPDATE``, ``DELETE`` from any
code, ``QuerySet.update()`` and bulk writes included; seen by a database execute wrapper on every
connection) moves a *generation* on, at once and again when its transaction commits; a page kept
under an older generation is never served as current. Writes made by a view marked
``@write_scope(kind, kwarg)`` (a support, a comment in one consultation) move only that scope's
generation and the *spanning* one; any other write moves the site's. A page of a scope (a
consultation and its ideas) is current while the site's and its scope's generations are; a page
without a scope (home, lists, search) while the site's and the spanning one are. So a support in one
consultation leaves every other consultation's pages kept. While one request renders such a page
anew, other visitors are given the page it replaces (if it is under ``STALE_SECONDS`` old), so a
busy page is rendered once per write, not once per visitor waiting; and a kept page younger than
``PAGE_CACHE_REFRESH_SECONDS`` is served stale without a render at all, so a page written to ten times a
second (a consultation in its busiest hour) is rendered at most about once in that time, not ten times
(a person's own write is still shown to them at once, see below). A page lives at most
``PAGE_CACHE_SECONDS`` besides, which bounds what only time changes (a phase that opens at noon); a
view whose page changes with the clock alone (the world-café room screen) says ``never_cache``.
``PAGE_CACHE_SECONDS = 0`` turns it off: the default without ``REDIS_URL``, since a per-process
cache could not tell the other app servers of a write.

A signed-in person's page, once filled, is kept too, for them alone (``PERSONAL_PAGE_SECONDS``): under a
key made from their session's secret key and the address, with the generations it was built under,
their *person generation*, a fingerprint of their session's contents and their CSRF cookie. It is
served again by ``PersonalPageCacheMiddleware`` (right after the visitors' cache: no query, no other
middleware; one cache round trip for the session, the generations and the page once the process knows whose
session it is, stored gzip-compressed as sent to a browser that takes gzip), while all of these are
unchanged, or,
when only the page's generations moved (other people's writes), while it is under
``PERSONAL_PAGE_STALE_SECONDS`` old: a person sees their own writes at once and other people's within
those seconds, as a busy page's visitors do while it renders. Their person generation moves after every
request of theirs that may write (any method but GET and HEAD) and whenever rows about them change
(``person_changed``: their account, roles, e-mail addresses, representations, notifications). A page with
messages to show, a draft, a new cookie or a nonce is never kept.

Targets: a page of one object of its scope (an idea's, ``shared_page(target=("idea", "idea_id"))``) is kept for a
person under their *base* generation (all of the above but their writes to one target) and that target's own
generation for them, moved by their writes through a view marked ``write_scope(..., target=…)`` (a support, a
comment, a follow on that idea). So a person who supports or comments on one idea keeps their kept pages of the
consultation's other ideas (nothing on them is theirs to change), while their pages without a target (the list
of ideas with its "you support it" badges, the consultation's page, home) are stale as before; a page of a
target begun before their last write to it is never handed out stale to them. A write that changes what they
see on the other targets' pages too (a support counted against the consultation's ``supports_per_person``)
says so (``write_reaches_whole_scope``) and moves their base generation. What is kept of who they are (roles,
verified address, represented organisations, unread count: ``_keep_identity``) is kept under the base
generation, so it is not asked again after a support or a comment. Views marked ``@personal_page`` (a
moderator's queue, an evaluator's list) are kept this way without being shared. """

import contextvars
import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.core.cache import DEFAULT_CACHE_ALIAS, cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from . import personal_parts, write_watch
from .redis_cache import serialized, single_server_client

GENERATION_KEY = "page-cache:generation"  # the site's: moved by writes outside any scope
SPANNING_KEY = "page-cache:generation:spanning"  # moved by every scoped write
SCOPE_KEY_PREFIX = "page-cache:generation:scope:"
PERSON_KEY_PREFIX = "page-cache:generation:person:"
PERSON_CHANGED_PREFIX = "page-cache:person-changed:"  # when a person's generation last moved (time.time())
# A person's generation but for their writes to one target (a support, a comment on one idea), and when it moved:
# the pages of a target (an idea's) are kept under it and that target's own counter.
PERSON_BASE_KEY_PREFIX = "page-cache:generation:person-base:"
PERSON_BASE_CHANGED_PREFIX = "page-cache:person-base-changed:"
# (a value never used before, when it was set) for a person's writes to one target; expires, as there is one per
# person and page written to (a lost one is made again with a new value: their pages of it are then stale).
PERSON_TARGET_KEY_PREFIX = "page-cache:generation:person-target:"
PERSON_TARGET_SECONDS = 3600
PAGE_KEY_PREFIX = "page-cache:page:"
PERSONAL_KEY_PREFIX = "page-cache:personal:"
IDENTITY_KEY_PREFIX = "page-cache:identity:"
# What the permission predicates keep on a user object for one request (accounts.predicates.cached_on_user:
# roles, verified address, represented organisations, unread count) is named with this prefix.
IDENTITY_ATTRIBUTE_PREFIX = "_civica_"
SHARED_KEY_PREFIX = "page-cache:shared:"
# Cookies that change nothing in a page: the remembered language only steers the redirect of "/".
NEUTRAL_COOKIES = frozenset({settings.LANGUAGE_COOKIE_NAME})
# Writes to these tables change no page a visitor without cookies can see.
UNSEEN_TABLES = ("django_session",)
# While one request renders a stale page anew, the others get the stale one, if it is this recent:
# under steady writes only one render per page runs at a time, not one per waiting visitor.
STALE_SECONDS = 30
RENDER_LOCK_SECONDS = 10
# Addresses with longer query strings are served but not kept: endless variations of a query
# would only fill the cache.
MAX_QUERY_STRING = 200

_write_scope = contextvars.ContextVar("civica_page_cache_write_scope", default=None)
# A kept page is compressed as GZipMiddleware (further out) would for the browser asking, which then leaves it be.
_compress = GZipMiddleware(lambda request: None).process_response


def page_cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _first_generation() -> int:
    # A counter lost (evicted, Redis restarted) starts again past any value it held: pages kept
    # under the old numbers can never look current.
    return time.time_ns()


def personal_page_seconds() -> int:
    return getattr(settings, "PERSONAL_PAGE_SECONDS", 30) if page_cache_seconds() else 0


def personal_page_stale_seconds() -> float:
    return getattr(settings, "PERSONAL_PAGE_STALE_SECONDS", 2)


def page_refresh_seconds() -> float:
    return getattr(settings, "PAGE_CACHE_REFRESH_SECONDS", 0)


def scope_name(kind: str, key) -> str:
    return f"{kind}:{key}"


def _generation_keys(scope: str | None) -> list[str]:
    return [GENERATION_KEY, SPANNING_KEY if scope is None else SCOPE_KEY_PREFIX + scope]


def _move_counters(keys, *, also_set=None, expiring=None, expiring_seconds=None) -> None:
    """Each counter one up; one that is missing (never made, evicted, Redis restarted) starts again past any
    value it held (``_first_generation``). On one Redis server: one round trip for all of them (``SET NX``
    then ``INCR`` each, pipelined, with the values of ``also_set`` stored for good in the same trip), where
    Django's ``incr`` takes two a counter (it asks first whether the key exists), and a write moves two or
    three counters, now and again at its commit. ``expiring``: values stored in the same trip for
    ``expiring_seconds``."""
    client = single_server_client(cache)
    if client is not None:
        first = _first_generation()
        with client.pipeline(transaction=False) as pipe:
            for key, value in (also_set or {}).items():
                pipe.set(cache.make_and_validate_key(key), serialized(cache, value))
            for key, value in (expiring or {}).items():
                pipe.set(cache.make_and_validate_key(key), serialized(cache, value), ex=expiring_seconds)
            for key in keys:
                name = cache.make_and_validate_key(key)
                pipe.set(name, first, nx=True)
                pipe.incr(name)
            pipe.execute()
        return
    if also_set:
        cache.set_many(also_set, None)
    if expiring:
        cache.set_many(expiring, expiring_seconds)
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:  # no counter yet, or evicted
            cache.add(key, _first_generation(), timeout=None)


def bump_generation(scope: str | None = None) -> None:
    """Pages kept so far (of ``scope``, or all) are stale. Called for every write; one counter or two."""
    _move_counters([GENERATION_KEY] if scope is None else [SCOPE_KEY_PREFIX + scope, SPANNING_KEY])


def person_changed(*user_ids) -> None:
    """The pages kept for these people are stale (something about them changed): at once, and again
    when the transaction commits, as for the generations."""
    if not personal_page_seconds():
        return
    people = {user_id for user_id in user_ids if user_id is not None}
    if people:
        _bump_people(people)
        if transaction.get_connection().in_atomic_block:  # (outside one, "at commit" would be now again)
            transaction.on_commit(partial(_bump_people, people))


def _bump_people(user_ids) -> None:
    # A counter lost starts past any value it held: no page of theirs can be current under it.
    now = time.time()
    _move_counters([prefix + str(user_id) for user_id in user_ids
                    for prefix in (PERSON_KEY_PREFIX, PERSON_BASE_KEY_PREFIX)],
                   also_set={prefix + str(user_id): now for user_id in user_ids
                             for prefix in (PERSON_CHANGED_PREFIX, PERSON_BASE_CHANGED_PREFIX)})


def person_wrote(user_id, *, target: str) -> None:
    """This person wrote to ``target`` (``write_scope(..., target=…)``: a support on one idea): their pages
    of that target and their pages without one (lists, the consultation's page, home) are stale, at once
    and again at commit; their pages of other targets (the other ideas' pages) stay kept."""
    if not personal_page_seconds() or user_id is None:
        return
    _bump_person_target(user_id, target)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(_bump_person_target, user_id, target))


def _bump_person_target(user_id, target) -> None:
    now = time.time()
    _move_counters([PERSON_KEY_PREFIX + str(user_id)], also_set={PERSON_CHANGED_PREFIX + str(user_id): now},
                   expiring={_person_target_key(user_id, target): (_new_token(), now)},
                   expiring_seconds=PERSON_TARGET_SECONDS)


def _person_target_key(user_id, target: str) -> str:
    return f"{PERSON_TARGET_KEY_PREFIX}{user_id}:{hashlib.sha256(target.encode()).hexdigest()[:32]}"


def _new_token():
    # Never a value an earlier write or another server gave (time alone could meet on two servers).
    return (time.time_ns(), secrets.randbits(64))


def _written(connection) -> None:
    """After every write statement but the sessions' (``core.write_watch``)."""
    if page_cache_seconds():
        scope = _write_scope.get()
        # Now, so a page rendered from this transaction's own reads is not kept as current, and
        # after commit, so a page another request rendered from the old rows meanwhile is not either.
        bump_generation(scope)
        # In autocommit the statement is committed already: once is enough. In a transaction, one move of a
        # scope at its commit is enough however many of its statements wrote to it.
        if connection.in_atomic_block and not _moves_at_commit(connection, scope):
            transaction.on_commit(partial(bump_generation, scope), using=connection.alias)


def _moves_at_commit(connection, scope) -> bool:
    """Whether the transaction under way will move ``scope``'s generation when it commits: a move registered
    by an earlier statement and still pending (Django drops those of a savepoint rolled back)."""
    return any(isinstance(callback, partial) and callback.func is bump_generation and callback.args == (scope,)
               for _savepoints, callback, _robust in connection.run_on_commit)


def watch_writes() -> None:
    """Every write moves the generation on (``CoreConfig.ready``)."""
    write_watch.on_write(_written, ignore=UNSEEN_TABLES)


def shared_page(view=None, *, scope: tuple[str, str] | None = None, target: tuple[str, str] | None = None,
                personal_when=None):
    """Marks a view whose page is the same for everyone but its ``{% personal %}`` parts, so it may be
    kept for signed-in people too. ``scope=("process", "slug")``: the page belongs to the scope named
    by that URL argument; its writes (POST to the same view) move only that scope's generation.
    ``target=("idea", "idea_id")``: the page is that one object's of its scope, and a person's kept copy
    of it is made stale by their writes to it (``write_scope(..., target=…)``) and by their untargeted
    writes, not by their writes to other objects (the module's docstring).
    ``personal_when(request, **url_kwargs)``: true when this person gets a page of their own (an editor
    who sees drafts, "only my ideas"): it is rendered for them and never kept."""
    def mark(function):
        function.shared_page = True
        function.page_scope = scope
        function.page_target = target
        function.personal_when = personal_when
        return function
    return mark(view) if view is not None else mark


def personal_page(view=None, *, scope: tuple[str, str] | None = None):
    """Marks a view whose page belongs to the person asking (a moderator's queue): never shared, but
    kept for them as their filled shared pages are (the module's docstring). ``scope`` as for
    ``shared_page``: which writes make it stale."""
    def mark(function):
        function.personal_page = True
        function.page_scope = scope
        return function
    return mark(view) if view is not None else mark


def write_scope(kind: str, kwarg: str, *, target: tuple[str, str] | None = None):
    """Marks a view whose writes belong to the scope named by the URL argument ``kwarg``; with ``target``
    (as for ``shared_page``), to that one object of it, as far as the writer's own kept pages go. A view
    whose write changes more of the person's pages than its target's calls ``write_reaches_whole_scope``."""
    def mark(function):
        function.page_scope = (kind, kwarg)
        function.page_target = target
        return function
    return mark


def write_reaches_whole_scope(request) -> None:
    """This request's write changes what the person sees on other pages than its target's (a support
    counted against a consultation's ``supports_per_person``: every idea's button says how many are
    left): all of their kept pages are made stale, as by an untargeted write."""
    request._civica_write_target = None


def _scope_of(view, kwargs) -> str | None:
    declared = getattr(view, "page_scope", None)
    if not declared or declared[1] not in kwargs:
        return None
    return scope_name(declared[0], kwargs[declared[1]])


def _target_of(view, kwargs) -> str | None:
    """The scope's object a page or a write is of (``"process:parc/idea:12"``), or None."""
    declared, scope = getattr(view, "page_target", None), _scope_of(view, kwargs)
    if not declared or scope is None or declared[1] not in kwargs:
        return None
    return f"{scope}/{scope_name(declared[0], kwargs[declared[1]])}"


def _scope_of_path(path: str) -> str | None:
    language = translation.get_language_from_path(path)
    try:
        with translation.override(language):
            match = resolve(path)
    except Resolver404:
        return None
    return _scope_of(match.func, match.kwargs) if getattr(match.func, "shared_page", False) else None


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or "HTTP_HX_REQUEST" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    if "HTTP_AUTHORIZATION" in request.META:  # an API token: the answer may be its owner's
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


def _accepted_encoding(request) -> str:
    return "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"


def _visitor_page_key(request) -> str | None:
    # Kept compressed for a browser that takes gzip, as it is sent: compressed once, not on every visit.
    return _page_key(request, encoding=_accepted_encoding(request))


def _page_key(request, prefix=PAGE_KEY_PREFIX, encoding="") -> str | None:
    try:
        host = request.get_host()
    except Exception:  # a disallowed host: Django answers 400 further in; nothing to keep
        return None
    # A page's language is its address's (/ro/, /en/); an address without one (the API's) answers in
    # the language the request asks for (Accept-Language), so that language is part of the key.
    path = request.path_info
    language = translation.get_language_from_path(path) or translation.get_language_from_request(request)
    digest = hashlib.sha256(f"{host}\n{language}\n{encoding}\n{request.get_full_path()}".encode()).hexdigest()
    return prefix + digest


def _current_generation(key: str, scope: str | None):
    """(the generation pages of ``scope`` are current under, the page kept under ``key`` or None)."""
    generation_keys = _generation_keys(scope)
    found = cache.get_many([*generation_keys, key])
    for missing in (name for name in generation_keys if name not in found):
        cache.add(missing, _first_generation(), timeout=None)
        found[missing] = cache.get(missing)
    return tuple(found[name] for name in generation_keys), found.get(key)


def _kept_or_rendered(key, scope, render, keep_if, person_changed_at=None):
    """The page kept under ``key`` if current; else ``render()``, kept when ``keep_if(response)``.
    While one request renders a stale page anew, the others are given the stale one.

    For a signed-in person (``person_changed_at``: when something of theirs last changed), a page
    begun after that change and under ``PERSONAL_PAGE_STALE_SECONDS`` old is good enough (it holds all
    of their own writes); one begun before it is never handed out stale to them."""
    generation, kept = _current_generation(key, scope)
    if kept is not None and kept[0] == generation:
        return kept, None
    lock, locked = key + ":rendering", False
    if kept is not None and person_changed_at is not None and kept[1] <= person_changed_at:
        kept = None  # it may miss their own latest write: rendered for them, whoever else renders it
    if kept is not None and person_changed_at is not None and time.time() - kept[1] < personal_page_stale_seconds():
        return kept, None
    if kept is not None and time.time() - kept[1] < page_refresh_seconds():
        return kept, None  # a page written to ten times a second is still rendered at most once in this time
    if kept is not None and time.time() - kept[1] < STALE_SECONDS:
        locked = cache.add(lock, 1, RENDER_LOCK_SECONDS)
        if not locked:  # another request renders this page anew: meanwhile, the page it replaces
            return kept, None
    try:
        begun = time.time()  # what it reads is at least this recent
        response = render()
        if response is not None and keep_if(response):
            cache.set(key, (generation, begun, response.status_code, list(response.items()),
                            response.content), page_cache_seconds())
    finally:
        if locked:
            cache.delete(lock)
    return None, response


class AnonymousPageCacheMiddleware:
    """Serves and keeps whole pages for cookieless GET requests (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache_seconds() or not _cacheable_request(request):
            return self.get_response(request)
        key = _visitor_page_key(request)
        if key is None:
            return self.get_response(request)
        head = request.method == "HEAD"
        kept, response = _kept_or_rendered(
            key, _scope_of_path(request.path_info), lambda: _compress(request, self.get_response(request)),
            keep_if=lambda response: not head and _cacheable_response(response))
        if kept is None:
            return response
        response = _replay(kept, head)
        if response.has_header("ETag"):
            # A kept answer that has its ETag (the API's) still says 304 to a client that holds it.
            response = get_conditional_response(request, etag=response["ETag"], response=response)
        return response


class SharedPageMiddleware:
    """The pages of ``@shared_page`` views for everyone the anonymous cache does not serve: kept as a
    visitor's render with the personal parts marked, filled for the person on every request; and the
    scope of writes made by views that declare one. Last in ``MIDDLEWARE``: it needs the user, and
    the CSRF middleware must see the token the parts use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = request.__dict__.pop("_civica_write_scope_token", None)
        if token is not None:
            _write_scope.reset(token)
        if (not response.streaming and response.get("Content-Type", "").startswith("text/html")
                and (personal_parts.MARK_PREFIX.encode() in response.content
                     or personal_parts.CSRF_PLACEHOLDER.encode() in response.content)):
            html = response.content.decode()
            # An error page (a database gone away) must not fail again filling parts: it shows none.
            html = personal_parts.strip(html) if response.status_code >= 500 else personal_parts.fill(request, html)
            response.content = html.encode()
            if "Content-Length" in response:
                response["Content-Length"] = str(len(response.content))
        if request.method not in ("GET", "HEAD"):
            # After the response, so a page of theirs rendered meanwhile from the old rows is stale too.
            user = getattr(request, "user", None)
            target = request.__dict__.pop("_civica_write_target", None)
            if user is not None and user.is_authenticated:
                if target is not None:
                    person_wrote(user.pk, target=target)
                else:
                    person_changed(user.pk)
        else:
            _keep_identity(request)
        return response

    def process_view(self, request, view, args, kwargs):
        scope = _scope_of(view, kwargs)
        if request.method not in ("GET", "HEAD"):
            if scope is not None:
                request._civica_write_scope_token = _write_scope.set(scope)
            request._civica_write_target = _target_of(view, kwargs)
            return None
        kept_for_person = getattr(view, "shared_page", False) or getattr(view, "personal_page", False)
        if not kept_for_person or not page_cache_seconds() or _cacheable_request(request):
            return None  # (a visitor without cookies: the anonymous page cache keeps the whole page)
        if "HTTP_HX_REQUEST" in request.META or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            return None
        _recall_identity(request)
        if not getattr(view, "shared_page", False):
            return None
        personal_when = getattr(view, "personal_when", None)
        if personal_when is not None and personal_when(request, **kwargs):
            return None
        key = _page_key(request, SHARED_KEY_PREFIX)
        if key is None:
            return None
        kept, response = _kept_or_rendered(key, scope, lambda: _render_as_visitor(request, view, args, kwargs),
                                           keep_if=_cacheable_response,
                                           person_changed_at=_person_changed_at(request))
        if kept is not None:
            response = _replay(kept, request.method == "HEAD")
        if response is None or response.status_code != 200:
            return None  # not a page everyone sees alike (a hidden idea, a redirect): the person's own
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, private=True)
        return response


def _render_as_visitor(request, view, args, kwargs):
    with personal_parts.rendered_as_visitor(request):
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
        except Exception:  # a visitor may not see it (404, 403…): the person's own render decides
            return None
    return response


def _replay(kept, head):
    _generation, _stored_at, status, headers, content = kept
    response = HttpResponse(b"" if head else content, status=status)
    for name, value in headers:
        response[name] = value
    return response


# The person's own kept pages (module docstring).


@dataclass
class _PersonLookup:
    """What ``PersonalPageCacheMiddleware`` read for a signed-in person's request, for the rest of it."""

    key: str
    user_id: str
    generation: tuple
    person_generation: object  # their generation, or for a target's page (their base generation, the target's)
    base_generation: int  # what is kept of who they are (roles, address…) is current under it
    changed_at: float
    fingerprint: str
    csrf_cookie: str | None


class PersonalPageCacheMiddleware:
    """Serves a signed-in person's kept page of a ``@shared_page`` or ``@personal_page`` view before the
    rest of the stack runs (its own read of their session, then one cache read), as the visitors' cache
    does; placed right after it. On the way out, with every header the inner middleware added, it keeps
    the page when nothing in it was for this request alone (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup, kept = _person_lookup(request)
        if kept is not None:
            return kept
        request._civica_person_lookup = lookup
        response = self.get_response(request)
        if lookup is not None:
            _keep_for_person(request, response, lookup)
        return response


@lru_cache(maxsize=4096)
def _kept_view_scope_in(path: str, urlconf: str):
    language = translation.get_language_from_path(path)
    try:
        with translation.override(language):
            match = resolve(path, urlconf)
    except Resolver404:
        return False, None, None
    kept = getattr(match.func, "shared_page", False) or getattr(match.func, "personal_page", False)
    if not kept:
        return False, None, None
    return True, _scope_of(match.func, match.kwargs), _target_of(match.func, match.kwargs)


def _kept_view_scope(path: str):
    """(whether the view at ``path`` is kept for a person, its scope, its target): resolved once per address
    and process (the URLs and their views' marks do not change while it runs)."""
    return _kept_view_scope_in(path, get_urlconf() or settings.ROOT_URLCONF)


def _session_fingerprint(session) -> str:
    """What the session holds (a kept draft, the random order's seed, messages), in a few bytes."""
    return hashlib.sha256(repr(sorted(session.items())).encode()).hexdigest()[:32]


# Whose each session is, as this process has read it: a session key belongs to one person for its life
# (Django gives a session a new key at sign-in and a new session at sign-out), so knowing it lets the
# session's own cache entry be read in the same round trip as the page and the generations, and checked.
_session_people: OrderedDict = OrderedDict()
_session_people_lock = threading.Lock()  # gthread workers: one process, several requests at once
SESSION_PEOPLE_KEPT = 10_000


def _session_cache_key(session_key) -> str | None:
    """The cache key under which the ``cached_db`` session engine keeps this session (None for any other
    engine, another cache or a malformed key: the session is then read by its engine)."""
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore(session_key)
    if (getattr(store, "cache_key_prefix", None) != cached_db.KEY_PREFIX or not store.session_key
            or settings.SESSION_CACHE_ALIAS != DEFAULT_CACHE_ALIAS):
        return None
    return cached_db.KEY_PREFIX + store.session_key


def _session_data(session_key, found, session_cache_key):
    """The session's contents: from ``found`` (read with the rest) or else through its engine."""
    if session_cache_key is not None and session_cache_key in found:
        return found[session_cache_key]
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key).load()


def _remember_session_person(session_key, user_id) -> None:
    with _session_people_lock:
        _session_people[session_key] = user_id
        _session_people.move_to_end(session_key)
        while len(_session_people) > SESSION_PEOPLE_KEPT:
            _session_people.popitem(last=False)


def _forget_session_person(session_key) -> None:
    with _session_people_lock:
        _session_people.pop(session_key, None)


def _person_lookup(request):
    """(what was read, the person's kept page if still good) for a signed-in person's GET of a kept
    view; (None, None) when nothing may be kept for the request (no one signed in, messages waiting in
    their cookie, an htmx request). Once this process knows whose session it is, one cache round trip:
    the session, the generations, the person's and the page together."""
    if (not personal_page_seconds() or request.method != "GET" or "messages" in request.COOKIES
            or "HTTP_HX_REQUEST" in request.META or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING):
        return None, None
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return None, None
    kept_view, scope, target = _kept_view_scope(request.path_info)
    if not kept_view:
        return None, None
    try:
        host = request.get_host()
    except Exception:  # a disallowed host: Django answers 400 further in
        return None, None
    session_cache_key = _session_cache_key(session_key)
    known_user_id = _session_people.get(session_key) if session_cache_key is not None else None
    if known_user_id is None:
        session = _session_data(session_key, {}, None)
        user_id = session.get(SESSION_KEY)
        if user_id is None:
            return None, None
        user_id = str(user_id)
        if session_cache_key is not None:
            _remember_session_person(session_key, user_id)
    else:
        user_id = known_user_id
    # The session's key is a secret: only its holder can name the copy. A copy is kept compressed for a
    # browser that takes gzip, as it is sent, so it is compressed once when kept, not on every visit.
    key = PERSONAL_KEY_PREFIX + hashlib.sha256(
        f"{session_key}\n{host}\n{_accepted_encoding(request)}\n{request.get_full_path()}".encode()).hexdigest()
    person_key, changed_key = PERSON_KEY_PREFIX + user_id, PERSON_CHANGED_PREFIX + user_id
    base_key, base_changed_key = PERSON_BASE_KEY_PREFIX + user_id, PERSON_BASE_CHANGED_PREFIX + user_id
    target_key = _person_target_key(user_id, target) if target is not None else None
    generation_keys = _generation_keys(scope)
    counters = [*generation_keys, person_key, base_key]
    read = [*counters, changed_key, base_changed_key, key, *([target_key] if target_key else [])]
    found = cache.get_many(read if known_user_id is None else [*read, session_cache_key])
    if known_user_id is not None:
        # Read with the rest; checked as the session engine would have read it (gone once they signed out).
        session = _session_data(session_key, found, session_cache_key)
        if str(session.get(SESSION_KEY)) != user_id:  # signed out (an empty session), or no longer theirs
            _forget_session_person(session_key)
            return None, None
    for missing in (name for name in counters if name not in found):
        cache.add(missing, _first_generation(), timeout=None)
        found[missing] = cache.get(missing)
    for missing in (name for name in (changed_key, base_changed_key) if name not in found):
        # Never changed, or evicted: as if it had changed just now.
        cache.add(missing, time.time(), timeout=None)
        found[missing] = cache.get(missing)
    if target is None:
        person_generation, changed_at = found[person_key], found[changed_key]
    else:
        if target_key not in found:
            # Never written to (or long ago, or evicted): a new value, so no page kept under an older one is
            # current; changed, for all we know, when anything of theirs last did.
            cache.add(target_key, (_new_token(), found[changed_key]), PERSON_TARGET_SECONDS)
            found[target_key] = cache.get(target_key) or (_new_token(), time.time())
        target_token, target_changed_at = found[target_key]
        person_generation = (found[base_key], target_token)
        changed_at = max(found[base_changed_key], target_changed_at)
    lookup = _PersonLookup(key=key, user_id=user_id, generation=tuple(found[name] for name in generation_keys),
                           person_generation=person_generation, base_generation=found[base_key],
                           changed_at=changed_at, fingerprint=_session_fingerprint(session),
                           csrf_cookie=request.COOKIES.get(settings.CSRF_COOKIE_NAME))
    kept = found.get(key)
    if (kept is not None and kept["person"] == lookup.person_generation and kept["session"] == lookup.fingerprint
            and kept["csrf"] == lookup.csrf_cookie
            and (kept["generation"] == lookup.generation
                 or time.time() - kept["at"] < personal_page_stale_seconds())):
        response = HttpResponse(kept["content"], status=kept["status"])
        for name, value in kept["headers"]:
            response[name] = value
        patch_vary_headers(response, ["Cookie"])
        patch_cache_control(response, private=True)
        return lookup, response
    return lookup, None


def _person_changed_at(request):
    lookup = getattr(request, "_civica_person_lookup", None)
    return None if lookup is None else lookup.changed_at


def _only_renews_the_csrf_cookie(request, response) -> bool:
    """No cookie set, or only the CSRF cookie sent again with the value the browser has (Django renews
    its expiry whenever a form's token is used)."""
    names = set(response.cookies)
    if not names:
        return True
    return (names == {settings.CSRF_COOKIE_NAME}
            and response.cookies[settings.CSRF_COOKIE_NAME].value == request.COOKIES.get(settings.CSRF_COOKIE_NAME))


def _keep_for_person(request, response, lookup) -> None:
    if response.status_code != 200 or response.streaming or not _only_renews_the_csrf_cookie(request, response):
        return
    if any(word in response.get("Cache-Control", "") for word in ("no-store", "no-cache")):
        return
    if isinstance(getattr(request, "_csp_nonce", None), str):  # (django-csp) a nonce is new for every response
        return
    session = getattr(request, "session", None)
    # A page that used up something of the session (a message, a draft) or changed it shows what the
    # next one will not; one rendered under another CSRF secret holds a token that no longer works.
    if (session is None or session.modified or session.session_key is None
            or _session_fingerprint(session) != lookup.fingerprint
            or request.COOKIES.get(settings.CSRF_COOKIE_NAME) != lookup.csrf_cookie
            or (getattr(request, "_messages", None) is not None and request._messages.used)):
        return
    # Compressed here, as GZipMiddleware (further out) would for this browser, which then leaves it be.
    _compress(request, response)
    cache.set(lookup.key, {"generation": lookup.generation, "person": lookup.person_generation,
                           "session": lookup.fingerprint, "csrf": lookup.csrf_cookie, "at": time.time(),
                           "status": response.status_code, "headers": list(response.items()),
                           "content": response.content},
              personal_page_seconds())


def watch_person_rows(*models, field: str = "user") -> None:
    """Rows of these models change what their person's pages show: the person is the row's ``field``
    (a foreign key to the user), or the row itself for the user model."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save

    def changed(sender, instance, **kwargs):
        person_changed(instance.pk if sender is get_user_model() else getattr(instance, f"{field}_id"))

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, weak=False,
                           dispatch_uid=f"person-pages-{signal is post_save}-{model._meta.label}")


# What a person's pages need to know of them (their roles, verified address, represented organisations,
# unread count: the attributes the predicates keep on the user for a request) is kept under their person
# generation too, so filling a page for them asks the database for none of it again.


def _identity_key(request) -> str | None:
    lookup = getattr(request, "_civica_person_lookup", None)
    if lookup is None or str(request.session.get(SESSION_KEY)) != lookup.user_id:
        return None
    return f"{IDENTITY_KEY_PREFIX}{lookup.user_id}:{lookup.base_generation}"


def _user_attributes(request):
    user = request.user
    user.is_authenticated  # noqa: B018 -- a lazy user is loaded here, once
    return vars(getattr(user, "_wrapped", user))


def _recall_identity(request) -> None:
    key = _identity_key(request)
    if key is None:
        return
    known = cache.get(key)
    if known:
        _user_attributes(request).update(known)
        request._civica_identity_recalled = True


def _keep_identity(request) -> None:
    key = _identity_key(request)
    if key is None or getattr(request, "_civica_identity_recalled", False) or "user" not in request.__dict__:
        return
    known = {name: value for name, value in _user_attributes(request).items()
             if name.startswith(IDENTITY_ATTRIBUTE_PREFIX)}
    if known:
        cache.set(key, known, personal_page_seconds())
