"""``{% page_meta %}`` (``{% load seo %}``): what a search engine or a link preview reads of a page —
``<meta name="description">``, Open Graph (title, description, type, absolute address, image, locale and
its alternate), the Twitter card, the canonical address and the ``hreflang`` alternates in each language.

base.html calls it with no arguments inside ``{% block page_meta %}``: the page's title is its ``title``
block (read again here, so no template repeats it), the description the site's, the image the site card
(static/img/og-card.png, drawn by scripts/make_og_card.py). A page with its own text and image fills
the block::

    {% block page_meta %}{% page_meta description=process|translated:"summary" image=process.hero_image %}{% endblock %}

The description is Markdown or plain text, shown as plain text cut at a word near 160 characters; the
image an uploaded ``ImageFieldFile``, whose largest WebP rendition (core.uploads) is the preview.
Addresses are absolute, on ``CIVICA_BASE_URL`` (never the request's Host header)."""

import html

from django import template
from django.conf import settings
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from civica.core.i18n import active_language
from civica.core.markup import markdown_to_text
from civica.core.uploads import rendition_name, rendition_widths

register = template.Library()

DESCRIPTION_CHARS = 160
OG_LOCALES = {"ro": "ro_RO", "en": "en_GB"}
SITE_CARD = ("img/og-card.png", 1200, 630)


def absolute(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.CIVICA_BASE_URL + url


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """``text`` cut at the last word that fits in ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():  # the cut falls inside a word: leave it out
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–—-") + "…"


def rendered_block(context, name: str) -> str:
    """The text of one of the page's blocks (the most derived), rendered again in this context."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    node = blocks.get_block(name) if blocks else None
    if node is None:
        return ""
    # A block renders escaped HTML; the tag's template escapes again, so go back to plain text.
    return " ".join(html.unescape(strip_tags(node.render(context))).split())


def preview_image(field_file):
    """(absolute URL, width, height, alt) of the image a link preview shows: the largest rendition
    of the upload, or the site card."""
    instance = getattr(field_file, "instance", None)
    name = getattr(getattr(field_file, "field", None), "name", "")
    width = getattr(instance, f"{name}_width", None) if field_file else None
    height = getattr(instance, f"{name}_height", None) if field_file else None
    widths = rendition_widths(width) if width and height else []
    if not widths:
        path, card_width, card_height = SITE_CARD
        return absolute(static(path)), card_width, card_height, _("Civica, the participation platform of Cluj")
    largest = widths[-1]
    url = field_file.storage.url(rendition_name(field_file.name, largest))
    alt = getattr(instance, f"{name}_alt", None)
    if alt is None and hasattr(instance, "translated"):  # a description in each language (a news article's)
        alt = instance.translated(f"{name}_alt")
    return absolute(url), largest, round(height * largest / width), alt


@register.inclusion_tag("core/_page_meta.html", takes_context=True)
def page_meta(context, *, description="", image=None, og_type="website"):
    request = context.get("request")
    path = request.path if request is not None else "/"
    language = active_language()
    title = rendered_block(context, "title")
    site_name = settings.CIVICA_SITE_NAME
    text = shorten(markdown_to_text(description or "")) or _(
        "Consultations, ideas, meetings, calls for projects and the plans of the Cluj Cultural Centre and the "
        "Centre for Civic Innovation and Imagination: have your say in the cultural life of Cluj-Napoca."
    )
    image_url, image_width, image_height, image_alt = preview_image(image)
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        "title": title or site_name,
        "site_name": site_name,
        "description": text,
        "og_type": og_type,
        "url": absolute(path),
        "image": image_url,
        "image_width": image_width,
        "image_height": image_height,
        "image_alt": image_alt,
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [OG_LOCALES.get(code, code) for code in languages if code != language],
        "alternates": [(code, absolute(translate_url(path, code))) for code in languages],
        "default_alternate": absolute(translate_url(path, settings.LANGUAGE_CODE)),
    }
