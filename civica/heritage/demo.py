"""Demo data of the România Remarcabilă heritage inventory (issue 23, point 5). Real, from the 2021 plan
(seed 000): the network and its programme ("Repertorierea patrimoniului localităților din rețea – fișe de
localitate"), the panels on remarkable sites (in situ events 3 July – 11 September 2021) and the Roots group.
The seed names none of the network's 11 communes, so every locality here, its sheet, its heritage (the LMI
codes too: well formed, numbers no real monument of Cluj county has), its craftspeople and its sites are
invented and marked fictional (``is_fictional``: the pages say so). The photos are the abstract
illustrations of ``core.illustrations``, described as such. Loading again changes nothing (rows by slug)."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from civica.core.illustrations import draw
from civica.core.image_rights import Licence, sync_public_copy
from civica.core.uploads import random_name

from .models import Craftsperson, HeritageObject, HeritagePhoto, Locality, ObjectKind, Site

FICTIONAL_RO = "*Localitate fictivă, pentru demonstrație: rețeaua România Remarcabilă există, această fișă nu.*"
FICTIONAL_EN = ("*A fictional locality, for the demonstration: the România Remarcabilă network exists, this sheet "
                "does not.*")

LOCALITIES = [
    ("valea-frasinului-demo", "Valea Frasinului (demo)", "Cluj", "Comuna Frasinu (fictivă)", "46.812000", "23.312000",
     "Sat de pe valea unui pârâu, cu case de lemn din secolul al XIX-lea și o biserică de lemn.",
     "A village along a brook, with 19th-century wooden houses and a wooden church.",
     "Sat menționat documentar în secolul al XIV-lea; școala confesională din 1890 a devenit casă memorială.",
     "First recorded in the 14th century; the parish school of 1890 is now a memorial house."),
    ("dealu-morii-demo", "Dealu Morii (demo)", "Cluj", "", "46.640000", "23.860000",
     "Morile de apă de pe Someș și târgul anual al olarilor.",
     "The water mills on the Someș and the potters' yearly fair.",
     "Comună de olari și morari; trei mori de apă funcționau încă în 1960.",
     "A commune of potters and millers; three water mills still worked in 1960."),
    ("piatra-alba-demo", "Piatra Albă (demo)", "Cluj", "Comuna Muntele Mic (fictivă)", "46.553000", "23.101000",
     "Pajiștile de pe culme, stâna și colecția sătească de port popular.",
     "The ridge meadows, the sheepfold and the village's folk-costume collection.",
     "Așezare de păstori pe culmea muntelui, locuită permanent din secolul al XVIII-lea.",
     "A shepherds' settlement on the ridge, lived in all year since the 18th century."),
]
OBJECTS = [
    ("valea-frasinului-demo", "biserica-de-lemn-valea-frasinului-demo", ObjectKind.MONUMENT,
     "Biserica de lemn „Sfinții Arhangheli”", "The wooden church of the Holy Archangels", "CJ-II-m-A-09991",
     "1761", "46.812400", "23.312600"),
    ("valea-frasinului-demo", "casa-memoriala-valea-frasinului-demo", ObjectKind.BUILDING,
     "Casa memorială a școlii confesionale", "The parish school's memorial house", "", "1890", None, None),
    ("valea-frasinului-demo", "colindul-cetelor-de-feciori-demo", ObjectKind.PRACTICE,
     "Colindul cetelor de feciori", "The young men's carolling groups", "", "", None, None),
    ("dealu-morii-demo", "morile-de-apa-dealu-morii-demo", ObjectKind.MONUMENT, "Ansamblul morilor de apă",
     "The water mills", "CJ-II-a-B-09992", "sec. XIX", "46.641100", "23.861900"),
    ("dealu-morii-demo", "olaritul-din-dealu-morii-demo", ObjectKind.PRACTICE, "Olăritul cu smalț verde",
     "Green-glazed pottery", "", "", None, None),
    ("piatra-alba-demo", "pajistile-de-culme-piatra-alba-demo", ObjectKind.LANDSCAPE, "Pajiștile de culme",
     "The ridge meadows", "", "", "46.556000", "23.098000"),
    ("piatra-alba-demo", "colectia-de-port-piatra-alba-demo", ObjectKind.COLLECTION,
     "Colecția sătească de port popular", "The village's folk-costume collection", "", "sec. XIX–XX", None, None),
]
PEOPLE = [
    ("valea-frasinului-demo", "Ana Lemnaru (fictivă)", Craftsperson.Kind.CRAFTSPERSON, "Linguri și blide sculptate",
     "Carved spoons and bowls", True),
    ("dealu-morii-demo", "Ioan Olaru (fictiv)", Craftsperson.Kind.CRAFTSPERSON, "Oale și străchini smălțuite",
     "Glazed pots and plates", True),
    ("dealu-morii-demo", "Maria Pop (fictivă)", Craftsperson.Kind.PRODUCER, "Brânză de burduf", "Bark-cured cheese",
     False),
    ("piatra-alba-demo", "Gheorghe Stan (fictiv)", Craftsperson.Kind.PRODUCER, "Miere de munte", "Mountain honey",
     True),
]
SITES = [
    ("valea-frasinului-demo", "biserica-de-lemn-valea-frasinului-demo", "panou-biserica-de-lemn-demo",
     "Biserica de lemn", "The wooden church",
     "Ridicată în 1761 din bârne de stejar, biserica păstrează picturi murale pe lemn. (Text fictiv.)",
     "Built in 1761 of oak beams, the church keeps its murals painted on wood. (Fictional text.)",
     datetime.date(2021, 7, 3), "46.812400", "23.312600"),
    ("dealu-morii-demo", "morile-de-apa-dealu-morii-demo", "panou-morile-de-apa-demo", "Morile de apă",
     "The water mills",
     "Trei mori pe același canal, restaurate de comunitate; una macină și azi. (Text fictiv.)",
     "Three mills on one channel, restored by the community; one still grinds today. (Fictional text.)",
     datetime.date(2021, 9, 11), "46.641100", "23.861900"),
]


def load(log):
    localities = {}
    for slug, name, county, commune, lat, lng, remarkable_ro, remarkable_en, history_ro, history_en in LOCALITIES:
        localities[slug], _created = Locality.objects.update_or_create(slug=slug, defaults={
            "name": name, "county": county, "commune": commune, "latitude": Decimal(lat), "longitude": Decimal(lng),
            "remarkable_ro": f"{FICTIONAL_RO}\n\n{remarkable_ro}",
            "remarkable_en": f"{FICTIONAL_EN}\n\n{remarkable_en}",
            "history_ro": history_ro, "history_en": history_en,
            "contacts": "Primăria (fictivă): 0264 000 000\nCentrul Cultural Clujean — România Remarcabilă",
            "is_published": True, "is_fictional": True})
    objects = {}
    for locality, slug, kind, name_ro, name_en, code, period, lat, lng in OBJECTS:
        objects[slug], _created = HeritageObject.objects.update_or_create(slug=slug, defaults={
            "locality": localities[locality], "kind": kind, "name_ro": name_ro, "name_en": name_en, "lmi_code": code,
            "period": period, "latitude": Decimal(lat) if lat else None, "longitude": Decimal(lng) if lng else None,
            "description_ro": f"*Obiectiv fictiv, pentru demonstrație.* {name_ro}.",
            "description_en": f"*A fictional object, for the demonstration.* {name_en}.",
            "is_fictional": True, "updated_at": timezone.now()})
    for locality, name, kind, makes_ro, makes_en, consented in PEOPLE:
        person, created = Craftsperson.objects.get_or_create(locality=localities[locality], name=name, defaults={
            "kind": kind, "makes_ro": makes_ro, "makes_en": makes_en, "phone": "0700 000 000 (fictiv)",
            "is_fictional": True})
        if created and consented:
            Craftsperson.objects.filter(pk=person.pk).update(
                consent_at=timezone.now(), consent_how="Formular semnat (fictiv, pentru demonstrație)")
    for locality, heritage_object, slug, name_ro, name_en, text_ro, text_en, installed, lat, lng in SITES:
        Site.objects.update_or_create(slug=slug, defaults={
            "locality": localities[locality], "heritage_object": objects[heritage_object], "name_ro": name_ro,
            "name_en": name_en, "panel_text_ro": text_ro, "panel_text_en": text_en, "panel_installed_on": installed,
            "latitude": Decimal(lat), "longitude": Decimal(lng), "is_published": True, "is_fictional": True})
    for slug, locality in localities.items():
        if not locality.photos.exists():
            photo = HeritagePhoto.objects.create(
                locality=locality, original=ContentFile(draw(f"heritage:{slug}", width=1400, height=900),
                                                        name=random_name("png")),
                alt_ro="Ilustrație abstractă în locul fotografiei localității (imagine de demonstrație).",
                alt_en="Abstract illustration standing for the locality's photograph (demonstration image).",
                rights_holder="Centrul Cultural Clujean (fictiv)", photographer="Grupul Roots (fictiv)",
                licence=Licence.CC_BY)
            sync_public_copy(photo)
    log(f"{Locality.objects.count()} heritage localities, {HeritageObject.objects.count()} heritage objects, "
        f"{Site.objects.count()} remarkable sites with panels")
