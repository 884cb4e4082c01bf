"""Maps: places drawn on a Leaflet map, always listed with their coordinates.

A page gives ``{% place_map places %}`` (``{% load maps %}``) a list of ``Place``: the server renders
the list (name, link, address, latitude and longitude) and, when a tile server is configured
(``CIVICA_MAP_TILE_URL``; OpenStreetMap's by default, empty in the demo and the tests), a container that
``static/js/map.js`` turns into a map with one marker per place. Without tiles, without JavaScript, or when
the tiles fail to load, the list is what the visitor gets, with a note saying why there is no map.
``{% map_picker latitude_field longitude_field %}`` draws a map on a form: a click fills the two
coordinate fields, which stay the way to type a point. ``{% map_assets %}`` in a page's ``extra_head``
block loads Leaflet (``static/vendor/leaflet``, from npm) and ``map.js`` only where a map may be drawn.

``latitude_column`` and ``longitude_column`` are the model fields (decimal degrees, six decimals, null when
not known); ``CoordinateField`` is the form field of a latitude or a longitude: within its range, rounded to
the six decimals the models keep, a decimal comma accepted."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DECIMALS = Decimal("0.000001")
# Where a map with no point yet opens (the picker of a new idea): Cluj-Napoca's centre.
DEFAULT_CENTRE = (Decimal("46.7700"), Decimal("23.5900"))
DEFAULT_ZOOM = 13


def latitude_column(**kwargs) -> models.DecimalField:
    return models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                               validators=[MinValueValidator(-90), MaxValueValidator(90)], **kwargs)


def longitude_column(**kwargs) -> models.DecimalField:
    return models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
                               validators=[MinValueValidator(-180), MaxValueValidator(180)], **kwargs)


@dataclass(frozen=True)
class Place:
    name: str
    latitude: Decimal
    longitude: Decimal
    url: str = ""
    address: str = ""
    # The street's or the city's point rather than the building's: the list and the marker say so.
    approximate: bool = False

    def as_data(self) -> dict:
        """What map.js reads (the JSON beside the map)."""
        return {"name": self.name, "url": self.url, "address": self.address, "approximate": self.approximate,
                "lat": float(self.latitude), "lng": float(self.longitude)}


def place_of(name, latitude, longitude, *, url="", address="", approximate=False) -> Place | None:
    """A ``Place`` when both coordinates are known, else None (nothing to draw)."""
    if latitude is None or longitude is None:
        return None
    return Place(name=name, latitude=latitude, longitude=longitude, url=url, address=address,
                 approximate=approximate)


def located(places) -> list[Place]:
    return [place for place in places if place is not None]


def tiles_configured() -> bool:
    return bool(getattr(settings, "CIVICA_MAP_TILE_URL", ""))


def plain_coordinate(value) -> str:
    """46.778400 → "46.7784": the way coordinates are written in every language (a dot, no grouping)."""
    text = format(Decimal(value).quantize(DECIMALS), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class CoordinateField(forms.DecimalField):
    """A latitude (``limit=90``) or a longitude (``limit=180``), optional; more decimals than six are
    rounded (a point picked on the map, a value pasted from another site) rather than refused."""

    def __init__(self, *, limit, **kwargs):
        self.limit = limit
        kwargs.setdefault("required", False)
        # Text, not a number input: "46,7712" with a Romanian decimal comma is accepted too.
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off",
                                                           "spellcheck": "false"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        if value in self.empty_values:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number.quantize(DECIMALS, rounding=ROUND_HALF_UP) if abs(number) < 1000 else number

    def validate(self, value):
        forms.Field.validate(self, value)
        if value is not None and not -self.limit <= value <= self.limit:
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range")


def latitude_field(**kwargs) -> CoordinateField:
    return CoordinateField(limit=90, label=kwargs.pop("label", _("Latitude")), error_messages={
        "invalid": _("Type the latitude as a number, such as 46.7712."),
        "out_of_range": _("A latitude is between -90 (South Pole) and 90 (North Pole)."),
    }, **kwargs)


def longitude_field(**kwargs) -> CoordinateField:
    return CoordinateField(limit=180, label=kwargs.pop("label", _("Longitude")), error_messages={
        "invalid": _("Type the longitude as a number, such as 23.6236."),
        "out_of_range": _("A longitude is between -180 (west) and 180 (east)."),
    }, **kwargs)


def both_or_neither(form, latitude="latitude", longitude="longitude"):
    """In a form's ``clean``: one coordinate without the other is refused on the missing one."""
    lat, lng = form.cleaned_data.get(latitude), form.cleaned_data.get(longitude)
    if latitude in form.errors or longitude in form.errors:
        return
    if lat is None and lng is not None:
        form.add_error(latitude, _("Give the latitude too, or clear the longitude."))
    elif lng is None and lat is not None:
        form.add_error(longitude, _("Give the longitude too, or clear the latitude."))
