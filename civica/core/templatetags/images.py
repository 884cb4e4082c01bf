"""``{% responsive_image field_file sizes=… %}`` (``{% load images %}``): the one way cards and detail
pages show an uploaded image — ``srcset`` of its renditions (core.uploads.make_renditions), ``width`` and
``height`` so the page does not jump while it loads, the alt text kept beside it — or, when there is no
image, a drawn placeholder (CSS, hidden from screen readers: it says nothing)."""

from django import template
from django.template.loader import render_to_string

from civica.core.uploads import rendition_name, rendition_widths

register = template.Library()

PLACEHOLDER_VARIANTS = 4
# How wide the image is drawn, for the browser to choose a copy before the CSS arrives: a card in the
# .cards grid (one column on a phone, two or three beside), or at most the page's width (--wrap) on a
# detail page.
SIZES = {
    "card": "(max-width: 40rem) 100vw, (max-width: 64rem) 50vw, 24rem",
    "detail": "(max-width: 72rem) 100vw, 72rem",
}


@register.simple_tag
def responsive_image(field_file, *, sizes="100vw", css_class="", alt=None, eager=False, placeholder=True):
    """The image stored in ``field_file`` (an ``ImageFieldFile``); its row has ``<field>_alt`` and,
    once renditions are drawn, ``<field>_width``/``<field>_height``. ``alt`` overrides the stored text
    (``alt=""`` for an image that only decorates a link already named); ``sizes`` is "card", "detail" or
    a ``sizes`` attribute of its own."""
    instance = getattr(field_file, "instance", None)
    name = getattr(getattr(field_file, "field", None), "name", "")
    if not field_file:
        if not placeholder:
            return ""
        variant = (getattr(instance, "pk", None) or 0) % PLACEHOLDER_VARIANTS
        return render_to_string("core/_image_placeholder.html", {"css_class": css_class, "variant": variant})
    width = getattr(instance, f"{name}_width", None)
    height = getattr(instance, f"{name}_height", None)
    storage, stored = field_file.storage, field_file.name
    candidates = [(storage.url(rendition_name(stored, w)), w) for w in rendition_widths(width)]
    if width and width not in [drawn for _, drawn in candidates]:
        candidates.append((field_file.url, width))
    context = {
        # The largest copy is the src of browsers without srcset.
        "src": candidates[-1][0] if candidates else field_file.url,
        "srcset": ", ".join(f"{url} {w}w" for url, w in candidates) if len(candidates) > 1 else "",
        "sizes": SIZES.get(sizes, sizes),
        "width": width,
        "height": height,
        "alt": getattr(instance, f"{name}_alt", "") if alt is None else alt,
        "css_class": css_class,
        "eager": eager,
    }
    return render_to_string("core/_responsive_image.html", context)
