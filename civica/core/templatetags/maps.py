"""Map tags (``{% load maps %}``), described in ``civica.core.maps``: ``{% map_assets %}`` in a page's
``extra_head`` block, ``{% place_map places %}`` where the places are listed, ``{% map_picker lat lng %}``
beside a form's coordinate fields."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from civica.core.maps import DEFAULT_CENTRE, DEFAULT_ZOOM, Place, located, plain_coordinate, tiles_configured

register = template.Library()


def _drawable() -> bool:
    """A tile server is configured and Leaflet is among the static files: a site deployed without
    ``npm ci`` (no manifest entry for it) shows the lists, never an error."""
    if not tiles_configured():
        return False
    try:
        static("vendor/leaflet/leaflet.js")
    except ValueError:
        return False
    return True


def _tiles():
    return {
        "tile_url": settings.CIVICA_MAP_TILE_URL,
        "attribution": getattr(settings, "CIVICA_MAP_ATTRIBUTION", ""),
        "icon": static("vendor/leaflet/images/marker-icon.png"),
        "icon_2x": static("vendor/leaflet/images/marker-icon-2x.png"),
        "shadow": static("vendor/leaflet/images/marker-shadow.png"),
    }


@register.simple_tag
def map_assets():
    """Leaflet's stylesheet and script and ours, only when maps can be drawn (no tiles: nothing)."""
    if not _drawable():
        return ""
    return mark_safe(render_to_string("core/_map_assets.html", {}))


@register.filter
def coordinate(value):
    return plain_coordinate(value)


@register.simple_tag
def place_map(places, *, title, heading="h2", map_id="place-map"):
    """The places' list with coordinates, and a map of them when tiles are configured; nothing when no
    place has both coordinates. ``places``: ``civica.core.maps.Place`` items (None ones are skipped), or one
    ``Place`` (a detail page's), or None."""
    places = located([places] if places is None or isinstance(places, Place) else places)
    if not places:
        return ""
    return render_to_string("core/_place_map.html", {
        "places": places, "data": [place.as_data() for place in places], "title": title, "heading": heading,
        "map_id": map_id, "data_id": f"{map_id}-places", **(dict(_tiles(), tiles=True) if _drawable() else {}),
    })


@register.simple_tag
def map_picker(latitude_field, longitude_field):
    """A map beside a form's latitude and longitude fields (bound fields): a click fills them in. Nothing
    without tiles: the fields are then the way to give a point."""
    if not _drawable():
        return ""
    return render_to_string("core/_map_picker.html", {
        "latitude_id": latitude_field.auto_id, "longitude_id": longitude_field.auto_id,
        "centre": ",".join(plain_coordinate(value) for value in DEFAULT_CENTRE), "zoom": DEFAULT_ZOOM, **_tiles(),
    })
