"""A page shared by everyone, with the few parts that belong to one person filled in per request.

A signed-in person's page is mostly what a visitor sees: the thread, the cards, the figures. What is
theirs is small: their support, the buttons and forms they may use, their unread count, their draft,
their messages. A template marks each such part with ``{% personal "name" arg … %}`` (``{% load
personal %}``); the page is rendered as a visitor would get it (``rendered_as_visitor``: no user, no
session, no messages, no CSRF token), so the marked page holds nothing of anyone and can be kept
whole in the shared cache (page_cache.SharedPageMiddleware). On the way out, ``fill`` replaces each
mark with the part rendered for the person asking: all the marks of one name in one call to its
renderer, so twenty support buttons cost one query, not twenty.

A renderer is registered under its name by the app that owns the part (``@part("comments.actions")``
in the app's ``parts.py``, imported by its ``AppConfig.ready``); it takes the request and the list of
argument tuples of every mark of that name on the page and returns one HTML string per tuple. Marks
are HTML comments whose arguments are plain ids and slugs, so nothing a participant types can forge one
(text is escaped, Markdown goes through the sanitiser, which drops comments). The CSRF token is a part
too: in a visitor's render the token is a fixed word that ``fill`` replaces with the person's token.
"""

import re
from collections import defaultdict
from contextlib import contextmanager

from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import get_token
from django.template.context_processors import csrf
from django.template.loader import get_template
from django.utils.safestring import mark_safe

MARK_PREFIX = "<!--civica-part:"
_MARK = re.compile(r"<!--civica-part:([a-z_.]+)((?::[\w./-]{0,200})*)-->")
_ARGUMENT = re.compile(r"[\w./-]{0,200}\Z")
# What a visitor's render puts where a form's CSRF token goes; never a valid token (it has dashes).
CSRF_PLACEHOLDER = "civica-part-csrf-token"
# Set on a request while its page is rendered as a visitor's.
SHARED_RENDER_ATTRIBUTE = "_civica_shared_render"

_renderers = {}


def part(name: str):
    """Registers ``renderer(request, calls) -> list[str]`` for the marks named ``name``."""
    def register(renderer):
        if name in _renderers and _renderers[name] is not renderer:
            raise ValueError(f"Two renderers for the personal part {name!r}.")
        _renderers[name] = renderer
        return renderer
    return register


def template_part(name: str, template_name: str, context):
    """A part rendered from a small template, once per mark, with ``context(request, *args)``.

    The template gets ``user``, ``request``, ``csrf_token`` and ``LANGUAGE_CODE`` besides and no
    context processors (they would run once per part). ``context`` returning ``None`` renders nothing."""
    def renderer(request, calls):
        template = get_template(template_name)
        rendered = []
        for args in calls:
            values = context(request, *args)
            rendered.append("" if values is None else template.render({**base_context(request), **values}))
        return rendered
    return part(name)(renderer)


def base_context(request) -> dict:
    # The token only when a part's form asks for it: a visitor's page with no form sets no cookie.
    return {"user": request.user, "request": request, **csrf(request),
            "LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", "ro")}


def once(request, key, load):
    """``load()``, computed once a request for ``key``: the parts of a page that read the same object
    (a consultation, a meeting and the person's registration) share one load."""
    loaded = request.__dict__.setdefault("_civica_part_loads", {})
    if key not in loaded:
        loaded[key] = load()
    return loaded[key]


def remember(request, obj):
    """Keeps ``obj`` for the other parts of this request (an idea loaded for its support box is the
    comment section's target too); ``recall`` gives it back."""
    request.__dict__.setdefault("_civica_part_objects", {})[(obj._meta.label_lower, obj.pk)] = obj
    return obj


def recall(request, model, pk):
    return request.__dict__.get("_civica_part_objects", {}).get((model._meta.label_lower, pk))


def mark(name: str, *args) -> str:
    if name not in _renderers:
        raise ValueError(f"No renderer for the personal part {name!r}.")
    texts = ["" if arg is None else str(arg) for arg in args]
    for text in texts:
        if not _ARGUMENT.match(text):
            raise ValueError(f"A personal part's arguments are ids, slugs or paths, not {text!r}.")
    return mark_safe(MARK_PREFIX + name + "".join(":" + text for text in texts) + "-->")


def is_shared_render(request) -> bool:
    return getattr(request, SHARED_RENDER_ATTRIBUTE, False)


# A part may hold parts (the account menu holds the unread count): filled again, this deep at most.
MAX_DEPTH = 3


def fill(request, html: str) -> str:
    """``html`` with every mark replaced by its part for ``request``'s person (module docstring)."""
    for _depth in range(MAX_DEPTH):
        if MARK_PREFIX not in html:
            break
        html = _fill_once(request, html)
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, _request_token(request))
    return html


def render_for_anyone(template_name: str, context: dict) -> str:
    """``template_name`` rendered with no request, its ``{% csrf_token %}`` the placeholder: HTML a view may keep
    (in an ``lru_cache``) and hand to everyone, each request's token put in by ``with_csrf_token``."""
    return get_template(template_name).render({**context, "csrf_token": CSRF_PLACEHOLDER})


def with_csrf_token(request, html: str) -> str:
    """``html`` kept from ``render_for_anyone`` with ``request``'s CSRF token in place of the placeholder."""
    return mark_safe(html.replace(CSRF_PLACEHOLDER, _request_token(request)))


def _request_token(request) -> str:
    """The request's CSRF token, masked once: ``get_token`` masks it anew (32 random characters) at every call,
    and a list of ten kept forms would pay that ten times; one masked token serves every form of a page, as
    ``{% csrf_token %}`` gives all of a template's forms the same. Masked again when the secret changed
    (``rotate_token`` at a sign-in)."""
    secret, token = request.__dict__.get("_civica_csrf_token", (None, None))
    if token is None or secret != request.META.get("CSRF_COOKIE"):
        token = get_token(request)
        request._civica_csrf_token = (request.META.get("CSRF_COOKIE"), token)
    return token


def strip(html: str) -> str:
    """``html`` with its marks and placeholder removed: an error page shows nobody's parts."""
    return _MARK.sub("", html).replace(CSRF_PLACEHOLDER, "")


def _fill_once(request, html: str) -> str:
    found = [(match.group(1), tuple(match.group(2).split(":")[1:])) for match in _MARK.finditer(html)]
    calls_by_name = defaultdict(list)
    for name, args in found:
        if args not in calls_by_name[name]:
            calls_by_name[name].append(args)
    rendered = {}
    for name, calls in calls_by_name.items():
        renderer = _renderers.get(name)
        outputs = renderer(request, calls) if renderer else [""] * len(calls)
        rendered.update({(name, args): str(output) for args, output in zip(calls, outputs, strict=True)})
    return _MARK.sub(lambda match: rendered.get((match.group(1), tuple(match.group(2).split(":")[1:])), ""),
                     html)


class _NoMessages(list):
    """A visitor's render shows no messages: they are the person's, shown by their part."""
    used = False
    level = 0

    def add(self, *args, **kwargs):
        pass

    def update(self, response):
        return []


class _NoSession(dict):
    """Nothing of the person's session enters a visitor's render; writes to it are dropped."""
    session_key = None
    modified = accessed = False

    def is_empty(self):
        return True

    def cycle_key(self):
        pass

    def flush(self):
        self.clear()

    def set_expiry(self, value):
        pass


@contextmanager
def rendered_as_visitor(request):
    """While inside, ``request`` is a visitor's: no user, session, messages or token of anyone."""
    saved = {name: request.__dict__[name] for name in ("user", "session", "_messages") if name in request.__dict__}
    request.user = AnonymousUser()
    request.session = _NoSession()
    request._messages = _NoMessages()
    setattr(request, SHARED_RENDER_ATTRIBUTE, True)
    try:
        yield
    finally:
        for name in ("user", "session", "_messages"):
            request.__dict__.pop(name, None)
        request.__dict__.update(saved)
        setattr(request, SHARED_RENDER_ATTRIBUTE, False)


def context(request):
    """Context processor: a visitor's render carries the placeholder where the CSRF token goes."""
    if is_shared_render(request):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}
