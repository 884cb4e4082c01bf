"""Demo data of the ECCA art archive (issue 23, point 5). Real, from the 2021 plan (seed 000): ECCA, the
Arhiva ECCA programme ("documentare, conservare și valorificare a operelor de artă create de generații
recente de artiști clujeni"), its symposium on 22 October 2021 and the launch of the temporary ECCA
pavilion on 21 October 2021. Everything else — the artists, their works, the collection's contents, the
events' programmes — is invented and marked fictional (``is_fictional``: the pages say so). The images are
the abstract illustrations of ``core.illustrations``, described as such. Loading again changes nothing
(rows by slug and inventory number; images only once)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from civica.core.illustrations import draw
from civica.core.maps import DEFAULT_CENTRE
from civica.core.uploads import random_name

from .models import (
    Artist,
    Collection,
    CollectionItem,
    Condition,
    Event,
    EventKind,
    Licence,
    Medium,
    Tag,
    Work,
    WorkImage,
    WorkStatus,
)
from .services import refresh_derived, sync_public_copy

MEDIA = [("pictura", "Pictură", "Painting"), ("fotografie", "Fotografie", "Photography"),
         ("sculptura", "Sculptură", "Sculpture"), ("instalatie", "Instalație", "Installation"),
         ("grafica", "Grafică", "Drawing and print"), ("video", "Artă video", "Video art")]
TAGS = [("portret", "Portret", "Portrait"), ("oras", "Oraș", "City"), ("abstract", "Abstract", "Abstract"),
        ("memorie", "Memorie", "Memory"), ("peisaj", "Peisaj", "Landscape")]
ARTISTS = [
    ("ilinca-varga", "Ilinca Varga", 1979, "Pictoriță clujeană (personaj fictiv, pentru demonstrație).",
     "A Cluj painter (a fictional person, for the demonstration)."),
    ("serban-moldovan", "Șerban Moldovan", 1984, "Fotograf al orașului (personaj fictiv).",
     "A photographer of the city (a fictional person)."),
    ("teodora-campean", "Teodora Câmpean", 1988, "Sculptoriță și autoare de instalații (personaj fictiv).",
     "A sculptor and installation artist (a fictional person)."),
    ("andrei-szabo", "Andrei Szabó", 1975, "Grafician (personaj fictiv).", "A printmaker (a fictional person)."),
]
# (inventory, slug, title ro, title en, artist, years, medium, technique ro, technique en, dimensions, tags, licence)
WORKS = [
    ("ECCA-2021-001", "casa-cu-ferestre-albastre", "Casa cu ferestre albastre", "House with blue windows",
     "ilinca-varga", (2006, None), "pictura", "ulei pe pânză", "oil on canvas", "80 × 100", ["oras"], Licence.CC_BY),
    ("ECCA-2021-002", "autoportret-in-atelier", "Autoportret în atelier", "Self-portrait in the studio",
     "ilinca-varga", (2011, None), "pictura", "acrilic pe pânză", "acrylic on canvas", "120 × 90", ["portret"],
     Licence.PERMISSION),
    ("ECCA-2021-003", "strada-memorandumului-noaptea", "Strada Memorandumului, noaptea",
     "Memorandumului Street at night",
     "serban-moldovan", (2009, None), "fotografie", "print pigment pe hârtie baritată", "pigment print on baryta paper",
     "50 × 70", ["oras", "memorie"], Licence.CC_BY_SA),
    ("ECCA-2021-004", "blocuri-in-ceata", "Blocuri în ceață", "Blocks in the fog", "serban-moldovan", (2014, None),
     "fotografie", "fotografie digitală", "digital photograph", "40 × 60", ["oras", "peisaj"], Licence.CC_BY),
    ("ECCA-2021-005", "forma-de-asteptare", "Formă de așteptare", "A shape of waiting", "teodora-campean",
     (2016, 2017), "sculptura", "lemn de tei și ceară", "lime wood and wax", "45 × 30 × 30", ["abstract"],
     Licence.CC_BY_NC_ND),
    ("ECCA-2021-006", "camera-cu-ecouri", "Camera cu ecouri", "The room of echoes", "teodora-campean", (2019, None),
     "instalatie", "textile, sunet, lumină", "textiles, sound, light", "dimensiuni variabile", ["memorie"],
     Licence.STAFF_ONLY),
    ("ECCA-2021-007", "harta-unui-cartier", "Harta unui cartier", "Map of a neighbourhood", "andrei-szabo",
     (1998, 2001), "grafica", "linogravură", "linocut", "35 × 50", ["oras"], Licence.CC0),
    ("ECCA-2021-008", "semne-pe-zapada", "Semne pe zăpadă", "Signs in the snow", "andrei-szabo", (2003, None),
     "grafica", "acvaforte", "etching", "30 × 40", ["peisaj", "abstract"], Licence.CC_BY),
]


def _labels(model, rows):
    return {slug: model.objects.update_or_create(slug=slug, defaults={"name_ro": ro, "name_en": en})[0]
            for slug, ro, en in rows}


def load(log):
    media, tags = _labels(Medium, MEDIA), _labels(Tag, TAGS)
    artists = {}
    for slug, name, born, bio_ro, bio_en in ARTISTS:
        artists[slug], _created = Artist.objects.update_or_create(slug=slug, defaults={
            "name": name, "birth_year": born, "bio_ro": bio_ro, "bio_en": bio_en, "is_fictional": True})
    collection, _created = Collection.objects.update_or_create(slug="arhiva-ecca-prima-colectie", defaults={
        "title_ro": "Arhiva ECCA: prima colecție", "title_en": "The ECCA archive: the first collection",
        "description_ro": "Prima selecție a Arhivei ECCA, programul de documentare, conservare și valorificare a "
        "operelor de artă create de generații recente de artiști clujeni. *Lucrările și artiștii de aici sunt "
        "fictivi, pentru demonstrație.*",
        "description_en": "The first selection of the ECCA Archive, the programme documenting, conserving and "
        "promoting artworks by recent generations of Cluj artists. *The works and artists here are fictional, "
        "for the demonstration.*",
        "is_published": True, "is_fictional": True})
    now = timezone.now()
    for position, (inventory, slug, title_ro, title_en, artist, years, medium, technique_ro, technique_en,
                   dimensions, tag_slugs, licence) in enumerate(WORKS):
        work = Work.objects.filter(inventory_number=inventory).first() or Work(inventory_number=inventory, slug=slug)
        work.title_ro, work.title_en, work.artist = title_ro, title_en, artists[artist]
        work.year_from, work.year_to = years
        work.medium, work.technique_ro, work.technique_en = media[medium], technique_ro, technique_en or ""
        work.dimensions = dimensions
        work.location = "Depozitul ECCA, Cluj-Napoca (fictiv)"
        # The fictional depot's point: Cluj-Napoca's centre (so the maps have the works to show).
        work.latitude, work.longitude = DEFAULT_CENTRE
        work.provenance_ro = "Donația artistului, 2021 (fictiv)."
        work.provenance_en = "Gift of the artist, 2021 (fictional)."
        work.description_ro = (f"*Lucrare fictivă, pentru demonstrație.* {title_ro}: o lucrare din prima colecție "
                               "a Arhivei ECCA.")
        work.description_en = (f"*Fictional work, for the demonstration.* {title_en}: a work of the ECCA Archive's "
                               "first collection.")
        work.condition = Condition.GOOD if position % 3 else Condition.FAIR
        work.conservation_notes = "Verificat la preluare (notă fictivă, vizibilă doar personalului)."
        work.is_fictional = True
        work._tags = [tags[tag] for tag in tag_slugs]
        if work.status != WorkStatus.PUBLISHED:
            work.status = WorkStatus.PUBLISHED
            work.published_at = datetime.datetime(2021, 10, 22, 12, tzinfo=datetime.UTC)
        refresh_derived(work)
        work.save()
        work.tags.set(work._tags)
        if not work.images.exists():
            image = WorkImage.objects.create(
                work=work, original=ContentFile(draw(f"archive:{inventory}", width=1400, height=1050),
                                                name=random_name("png")),
                alt_ro="Ilustrație abstractă în locul fotografiei lucrării (imagine de demonstrație).",
                alt_en="Abstract illustration standing for the work's photograph (demonstration image).",
                rights_holder=f"{artists[artist].name} (fictiv)", photographer="Echipa ECCA (fictiv)",
                licence=licence)
            sync_public_copy(image)
        CollectionItem.objects.get_or_create(collection=collection, work=work, defaults={"position": position})
    draft, _created = Work.objects.get_or_create(inventory_number="ECCA-2021-009", defaults={
        "slug": "fara-titlu-in-lucru", "title_ro": "Fără titlu (fișă în lucru)", "is_fictional": True,
        "artist": artists["andrei-szabo"], "updated_at": now})
    symposium, _created = Event.objects.update_or_create(slug="simpozionul-arhivei-ecca-2021", defaults={
        "kind": EventKind.SYMPOSIUM, "title_ro": "Simpozionul Arhivei de Artă ECCA",
        "title_en": "The ECCA Art Archive symposium", "starts_on": datetime.date(2021, 10, 22),
        "place": "Pavilionul ECCA, Cluj-Napoca",
        "description_ro": "Simpozionul din 22 octombrie 2021 încheie prima etapă a Arhivei de Artă: concept, "
        "activități de documentare și digitalizare (Planul 2021). *Programul de mai jos este fictiv:* "
        "prezentarea primei colecții și o discuție despre licențele imaginilor.",
        "description_en": "The symposium of 22 October 2021 closes the Art Archive's first stage: concept, "
        "documentation and digitisation (the 2021 plan). *The programme below is fictional:* the first "
        "collection presented and a discussion of image licences.",
        "is_published": True, "is_fictional": True})
    symposium.works.set(Work.objects.filter(collections=collection))
    Event.objects.update_or_create(slug="lansarea-pavilionului-ecca-2021", defaults={
        "kind": EventKind.LAUNCH, "title_ro": "Lansarea Pavilionului ECCA", "title_en": "The ECCA pavilion's launch",
        "starts_on": datetime.date(2021, 10, 21), "place": "Cluj-Napoca",
        "description_ro": "Pavilionul temporar ECCA se lansează pe 21 octombrie 2021 (Planul 2021). *Detaliile "
        "evenimentului sunt fictive.*",
        "description_en": "The temporary ECCA pavilion is launched on 21 October 2021 (the 2021 plan). *The "
        "event's details are fictional.*", "is_published": True, "is_fictional": True})
    log(f"{Work.objects.published().count()} published works ({draft.inventory_number} a draft), "
        f"{Artist.objects.count()} artists, {Event.objects.count()} archive events")
