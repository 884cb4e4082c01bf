"""The one way user text becomes HTML: Markdown (markdown-it), then the nh3 sanitiser.

Every template shows user-written text through the ``markdown`` filter (or
``sanitize_html`` for HTML from elsewhere); nothing else marks user text safe. Renders are kept in
two per-process LRU caches (short and long texts apart). ``markdown_to_text`` (the ``plaintext``
filter) gives the plain text a reader sees, for cards and search snippets."""

import html
import re
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i",
    "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Raw HTML inside Markdown is parsed, then cleaned by the sanitiser below.
_markdown = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")


def sanitize_html(html: str) -> SafeString:
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above


def _render(text: str) -> str:
    return str(sanitize_html(_markdown.render(text)))


# The same texts are shown again and again (a thread of 50 comments costs ~18 ms to render, which
# was half of the idea page's CPU), and the HTML depends on the text alone: keep recent renders in
# each process. Two sizes so that a few long texts cannot push out many short ones; at most about
# 4,096 × 2,000 and 256 × 30,000 characters of text and HTML, some 40 MB in the worst case.
SHORT_TEXT = 2_000
_render_short = lru_cache(maxsize=4096)(_render)
_render_long = lru_cache(maxsize=256)(_render)


def render_markdown(text: str) -> SafeString:
    if not text:
        return mark_safe("")
    html = _render_short(text) if len(text) <= SHORT_TEXT else _render_long(text)
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 in _render


# An emphasis marker left unpaired: touching text on one side only ("2 * 3" and snake_case stay).
_LEFTOVER_MARKS = re.compile(r"(?<![\w*_])[*_]+(?=[^\s*_])|(?<=[^\s*_])[*_]+(?![\w*_])|`+")


def markdown_to_text(text: str) -> str:
    """Markdown as the plain text a reader sees (for cards, snippets and other short excerpts):
    "*(Sume fictive.)*" → "(Sume fictive.)". Markers left unpaired (an excerpt cut inside an
    emphasis) are dropped too. Whitespace is collapsed; the result is text, to be escaped."""
    if not text:
        return ""
    plain = html.unescape(nh3.clean(_markdown.render(text), tags=set()))
    return " ".join(_LEFTOVER_MARKS.sub("", plain).split())
