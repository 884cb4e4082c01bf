"""The catalogue's demo (issue 19, point 7, the catalogue's part): the structure of the frameworks the
issue names (UNESCO Culture|2030's four dimensions, the Cultural and Creative Cities Monitor's three,
MESOC, the centre's own), a few indicators in each (codes and names written for the demo, marked
fictional), the centre's counted indicators (people taking part in consultations, confirmed newsletter
subscribers, bookings of spaces: counted from the demo's own rows by ``refresh_computed``), and a few
typed values, fictional and marked so. Safe to run again (rows are found by their slug or code)."""

from decimal import Decimal

from .models import Breakdown, Dimension, Framework, Indicator, IndicatorValue, Unit, ValueOrigin, ValueStatus

FRAMEWORKS = [
    ("culture-2030", "Indicatorii UNESCO Cultură|2030", "UNESCO Culture|2030 Indicators",
     "https://whc.unesco.org/en/culture2030indicators/",
     [("environment", "Mediu și reziliență", "Environment & resilience"),
      ("prosperity", "Prosperitate și mijloace de trai", "Prosperity & livelihoods"),
      ("knowledge", "Cunoaștere și competențe", "Knowledge & skills"),
      ("inclusion", "Incluziune și participare", "Inclusion & participation")]),
    ("cities-monitor", "Monitorul orașelor culturale și creative", "Cultural and Creative Cities Monitor",
     "https://composite-indicators.jrc.ec.europa.eu/cultural-creative-cities-monitor/",
     [("vibrancy", "Vitalitate culturală", "Cultural vibrancy"),
      ("creative-economy", "Economie creativă", "Creative economy"),
      ("enabling", "Mediu favorabil", "Enabling environment")]),
    ("mesoc", "MESOC: dimensiunea socială a culturii", "MESOC: the social dimension of culture",
     "https://www.mesoc-project.eu/", [("health", "Sănătate și bunăstare", "Health & well-being")]),
    ("ccc", "Indicatorii Centrului Cultural Clujean", "The Cluj Cultural Centre's indicators", "",
     [("participation", "Participare", "Participation"), ("communication", "Comunicare", "Communication")]),
]

# (code, framework, dimension, name ro, name en, unit, breakdowns, counted from, minimum, maximum)
INDICATORS = [
    ("c2030-inclusion-1", "culture-2030", "inclusion", "Participarea la activități culturale",
     "Participation in cultural activities", Unit.PERCENT, [Breakdown.AGE], "", Decimal(0), Decimal(100)),
    ("c2030-prosperity-1", "culture-2030", "prosperity", "Ocupare în sectorul cultural",
     "Cultural employment", Unit.COUNT, [Breakdown.DOMAIN], "", Decimal(0), None),
    ("ccm-vibrancy-1", "cities-monitor", "vibrancy", "Locuri în săli de spectacol la 1.000 de locuitori",
     "Theatre seats per 1,000 inhabitants", Unit.PER_THOUSAND, [], "", Decimal(0), None),
    ("mesoc-health-1", "mesoc", "health", "Bunăstare declarată după participarea culturală",
     "Reported well-being after cultural participation", Unit.SCORE, [], "", Decimal(0), Decimal(10)),
    ("ccc-participants", "ccc", "participation", "Persoane care participă la consultări",
     "People taking part in consultations", Unit.COUNT, [], "participation.participants", Decimal(0), None),
    ("ccc-subscribers", "ccc", "communication", "Abonați confirmați la newsletter",
     "Confirmed newsletter subscribers", Unit.COUNT, [], "newsletter.subscribers", Decimal(0), None),
    ("ccc-bookings", "ccc", "participation", "Rezervări confirmate ale spațiilor",
     "Confirmed bookings of spaces", Unit.COUNT, [], "network.bookings", Decimal(0), None),
]

# Fictional values, for the demo's tables: (code, year, breakdown, group, value)
VALUES = [
    ("c2030-inclusion-1", 2019, "", "", Decimal("41.5")), ("c2030-inclusion-1", 2021, "", "", Decimal("38.2")),
    ("c2030-inclusion-1", 2021, Breakdown.AGE, "15-24", Decimal("52.7")),
    ("c2030-inclusion-1", 2021, Breakdown.AGE, "65+", Decimal("21.4")),
    ("c2030-prosperity-1", 2021, "", "", Decimal(9850)),
    ("c2030-prosperity-1", 2021, Breakdown.DOMAIN, "performing_arts", Decimal(1730)),
    ("ccm-vibrancy-1", 2021, "", "", Decimal("14.2")),
]


def load(log):
    from . import services

    frameworks, dimensions = {}, {}
    for position, (slug, name_ro, name_en, url, parts) in enumerate(FRAMEWORKS):
        frameworks[slug], _created = Framework.objects.update_or_create(
            slug=slug, defaults={"name_ro": name_ro, "name_en": name_en, "url": url, "position": position})
        for number, (dimension_slug, dimension_ro, dimension_en) in enumerate(parts):
            dimensions[slug, dimension_slug], _created = Dimension.objects.update_or_create(
                framework=frameworks[slug], slug=dimension_slug,
                defaults={"name_ro": dimension_ro, "name_en": dimension_en, "position": number})
    indicators = {}
    for position, (code, framework, dimension, name_ro, name_en, unit, breakdowns, counted, low, high) in enumerate(
            INDICATORS):
        indicators[code], _created = Indicator.objects.update_or_create(code=code, defaults={
            "framework": frameworks[framework], "dimension": dimensions[framework, dimension], "position": position,
            "name_ro": name_ro, "name_en": name_en, "unit": unit, "breakdowns": breakdowns, "computed_from": counted,
            "minimum": low, "maximum": high, "illustrative": not counted, "is_published": True,
            "decimals": 1 if unit in (Unit.PERCENT, Unit.PER_THOUSAND, Unit.SCORE) else 0,
            "definition_ro": f"{name_ro} (definiție scrisă pentru demonstrație).",
            "definition_en": f"{name_en} (a definition written for the demo).",
            "source": "Civica" if counted else "Date fictive pentru demonstrație"})
    for code, year, breakdown, group, value in VALUES:
        IndicatorValue.objects.update_or_create(
            indicator=indicators[code], year=year, breakdown=breakdown, group=group, organisation=None,
            defaults={"value": value, "status": ValueStatus.FINAL, "origin": ValueOrigin.TYPED, "illustrative": True,
                      "note": "Valoare fictivă, pentru demonstrație."})
    counted = services.refresh_computed()
    log(f"{len(frameworks)} frameworks of indicators, {len(dimensions)} dimensions, {len(indicators)} indicators "
        f"({len(VALUES)} fictional values; {sum(counted.values())} counted values)")
