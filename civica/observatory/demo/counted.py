"""The demo's counted indicators: what the platform counts from its own rows (people taking part in
consultations, meeting registrations and attendance, applications to calls, confirmed bookings of spaces),
in the centre's own framework, counted from the demo's rows by ``services.refresh_computed``: no figure is
typed, so none is invented. Safe to run again (found by code)."""

from decimal import Decimal

from ..models import Dimension, Framework, Indicator, Unit

DIMENSION = ("platform", "Participarea pe platformă", "Participation on the platform")
# (code, counted from, name ro, name en)
COUNTED = [
    ("own-participants", "participation.participants", "Persoane care participă la consultări",
     "People taking part in consultations"),
    ("own-meeting-registrations", "meetings.registrations", "Înscrieri la întâlniri", "Registrations to meetings"),
    ("own-meeting-attendance", "meetings.attendance", "Persoane prezente la întâlniri",
     "People checked in at meetings"),
    ("own-call-applications", "calls.applications", "Candidaturi depuse la apeluri", "Applications submitted to calls"),
    ("own-space-bookings", "network.bookings", "Rezervări confirmate ale spațiilor", "Confirmed bookings of spaces"),
]


def load(log):
    from .. import services

    framework, _created = Framework.objects.get_or_create(
        slug="own", defaults={"name_ro": "Indicatorii Centrului Cultural Clujean",
                              "name_en": "The Cluj Cultural Centre's indicators", "position": 4})
    slug, name_ro, name_en = DIMENSION
    dimension, _created = Dimension.objects.update_or_create(
        framework=framework, slug=slug, defaults={"name_ro": name_ro, "name_en": name_en, "position": 10})
    for position, (code, counted_from, name_ro, name_en) in enumerate(COUNTED):
        Indicator.objects.update_or_create(code=code, defaults={
            "framework": framework, "dimension": dimension, "position": 100 + position, "name_ro": name_ro,
            "name_en": name_en, "unit": Unit.COUNT, "computed_from": counted_from, "minimum": Decimal(0),
            "is_published": True, "source": "Civica",
            "definition_ro": f"{name_ro}, pe an, numărate de platformă din înregistrările ei.",
            "definition_en": f"{name_en}, by year, counted by the platform from its own records."})
    counted = services.refresh_computed()
    log(f"{len(COUNTED)} counted indicators ({sum(counted.values())} values counted from the demo's rows)")
