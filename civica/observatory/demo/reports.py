"""Demo of the sector's diagnosis (issue 19, point 7): "Diagnoza sectorului cultural clujean 2021", a
report built from the demo's published indicators (whatever the other demo modules loaded: a section per
dimension, up to four, each showing up to three of its indicators).

The 2021 plan (seeds/000) names the diagnosis among the observatory's works but gives none of its
findings: every sentence of this report is FICTIONAL demo text, written to show what a report looks like,
and the report is marked ``illustrative`` so its page and PDF say it is an illustration. Nothing here is
a fact about Cluj's cultural sector. Safe to run again (the report is found by its slug and rewritten)."""

from django.utils import timezone

from ..models import Indicator, Report, ReportSection, ReportStatus

SLUG = "diagnoza-sectorului-cultural-clujean-2021"
SECTIONS_AT_MOST, INDICATORS_AT_MOST = 4, 3
FICTIONAL_RO = "*Text fictiv de demonstrație: nu descrie sectorul cultural real al Clujului.*"
FICTIONAL_EN = "*Fictional demo text: it does not describe Cluj's actual cultural sector.*"

REPORT = {
    "year": 2021,
    "title_ro": "Diagnoza sectorului cultural clujean 2021",
    "title_en": "Diagnosis of the cultural sector of Cluj 2021",
    "introduction_ro": f"{FICTIONAL_RO}\n\nPlanul pentru 2021 al Centrului Cultural Clujean își propune să pună "
    "bazele unui observator statistic al culturii în Cluj-Napoca, iar diagnoza sectorului cultural este una dintre "
    "lucrările sale. Această pagină arată cum s-ar prezenta o astfel de diagnoză: fiecare capitol pune alături un "
    "text și indicatorii publicați ai unei dimensiuni, cu graficele și tabelele lor.",
    "introduction_en": f"{FICTIONAL_EN}\n\nThe Cluj Cultural Centre's 2021 plan sets out to lay the foundations of a "
    "statistical observatory of culture in Cluj-Napoca, and the diagnosis of the cultural sector is one of its "
    "works. This page shows how such a diagnosis would read: each chapter sets a text beside the published "
    "indicators of one dimension, with their charts and tables.",
    "conclusion_ro": f"{FICTIONAL_RO}\n\nConcluziile unei diagnoze reale vor fi scrise de analiștii observatorului "
    "pe baza datelor colectate de la organizațiile culturale.",
    "conclusion_en": f"{FICTIONAL_EN}\n\nA real diagnosis's conclusions will be written by the observatory's "
    "analysts from the data collected from cultural organisations.",
}


def _section_texts(dimension):
    name_ro = dimension.name_ro if dimension else "Indicatorii centrului"
    name_en = (dimension.name_en or dimension.name_ro) if dimension else "The centre's indicators"
    return {
        "title_ro": name_ro, "title_en": name_en,
        "narrative_ro": f"{FICTIONAL_RO}\n\nAici analiștii ar comenta evoluția indicatorilor dimensiunii „{name_ro}”: "
        "ce arată seriile, ce limite au datele și ce întrebări rămân deschise.",
        "narrative_en": f"{FICTIONAL_EN}\n\nHere the analysts would comment on the indicators of “{name_en}”: what "
        "the series show, the limits of the data and the questions left open.",
    }


def load(log):
    chosen: dict = {}
    for indicator in Indicator.objects.published().select_related("dimension").order_by(
            "framework__position", "dimension__position", "position", "id"):
        key = indicator.dimension_id
        if key not in chosen and len(chosen) >= SECTIONS_AT_MOST:
            continue
        entry = chosen.setdefault(key, {"dimension": indicator.dimension, "indicators": []})
        if len(entry["indicators"]) < INDICATORS_AT_MOST:
            entry["indicators"].append(indicator)
    report, _created = Report.objects.update_or_create(slug=SLUG, defaults={
        **REPORT, "illustrative": True, "status": ReportStatus.PUBLISHED, "published_at": timezone.now()})
    report.sections.all().delete()
    for position, entry in enumerate(chosen.values(), start=1):
        section = ReportSection.objects.create(report=report, position=position, **_section_texts(entry["dimension"]))
        section.indicators.set(entry["indicators"])
    log(f"the diagnosis report 2021 (fictional demo text), {len(chosen)} sections")
    return report
