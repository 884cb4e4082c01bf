"""The vouchers' demo (issue 22, point 8), after network's (its programmes and organisations).

From the seeds (000, Plan 2021): Spațiu Interior's "Proiect pilot: Program de vouchere culturale pentru
well-being" (Art & Well-being, with Academia Schimbării; launch in June, running June–December 2021) and
Jivipen's "Acces cultural și participare la viața orașului pentru oamenii din Pata Rât: Voucher cultural"
(April–November 2021); Academia Schimbării's agenda names "voucherul cultural – o inițiativă menită să
crească accesul la cultură", and the Muzeul Etnografic al Transilvaniei is a partner of Jivipen.
The seeds give no budget, value, validity, venue list or offer: those are fictional and said to be, as are
every other venue, every offer, the demo's referrer, programme staff and venue staff accounts (password as
the other demo accounts), and every beneficiary, voucher and redemption (``is_fictional``). Both
programmes ended in 2021: they are closed, and their vouchers expired. So that the demo can be tried, a
third programme, wholly fictional and marked so, is open around today (Academia Schimbării's voucher
"initiative", whose figures the plan does not give); the log prints one of its codes. The fictional
redemptions are settled month by month (``services.statements_prepare``): the statements of months past
are approved and paid, the current month's is left a draft, all marked fictional. Idempotent (run twice,
the same rows)."""

import datetime
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.utils import timezone

from civica.accounts.demo import demo_accounts
from civica.accounts.models import User
from civica.network.models import Organisation, Programme

from . import codes, services
from .models import (
    Beneficiary,
    Offer,
    OfferKind,
    ProgrammeRole,
    ProgrammeRoleKind,
    ProgrammeStatus,
    Redemption,
    Statement,
    StatementStatus,
    Unit,
    Venue,
    VenueStaff,
    Voucher,
    VoucherProgramme,
)

BUCHAREST = ZoneInfo("Europe/Bucharest")
FICTIONAL_FIGURES_RO = ("Valoarea, bugetul și valabilitatea de aici sunt fictive (date demonstrative): planul "
                        "din 2021 nu le precizează.")
FICTIONAL_FIGURES_EN = ("The value, budget and validity here are fictional (demo data): the 2021 plan does not "
                        "give them.")

PROGRAMMES = [
    {
        "slug": "vouchere-well-being-2021", "programme": "spatiu-interior",
        "name_ro": "Vouchere culturale pentru well-being (Art & Well-being)",
        "name_en": "Cultural vouchers for well-being (Art & Well-being)",
        "purpose_ro": "„Proiect pilot: Program de vouchere culturale pentru well-being” al proiectului Art & "
                      "Well-being, cu Academia Schimbării: participarea culturală pentru bunăstarea locuitorilor, "
                      "alături de „prescripții culturale”. Dezvoltare: martie – mai; lansare: iunie; funcționare: "
                      "iunie – decembrie 2021. " + FICTIONAL_FIGURES_RO,
        "purpose_en": "The Art & Well-being project's pilot programme of cultural vouchers for well-being, with the "
                      "Academy of Change: cultural participation for residents' well-being, alongside \"cultural "
                      "prescriptions\". Development March–May, launch in June, running June–December 2021. "
                      + FICTIONAL_FIGURES_EN,
        "eligibility_ro": "Persoane îndrumate de partenerii programului (fictiv, pentru demonstrație).",
        "eligibility_en": "People referred by the programme's partners (fictional, for the demo).",
        "starts_on": datetime.date(2021, 6, 1), "ends_on": datetime.date(2021, 12, 31),
        "unit": Unit.LEI, "voucher_value": Decimal("150"), "validity_days": 120, "budget": Decimal("6000"),
    },
    {
        "slug": "voucher-cultural-pata-rat-2021", "programme": "jivipen",
        "name_ro": "Voucher cultural pentru oamenii din Pata Rât",
        "name_en": "Cultural voucher for the people of Pata Rât",
        "purpose_ro": "„Acces cultural și participare la viața orașului pentru oamenii din Pata Rât: Voucher "
                      "cultural” (Jivipen, cu Academia Schimbării), aprilie – noiembrie 2021. "
                      + FICTIONAL_FIGURES_RO,
        "purpose_en": "Cultural access and participation in the life of the city for the people of Pata Rât: a "
                      "cultural voucher (Jivipen, with the Academy of Change), April–November 2021. "
                      + FICTIONAL_FIGURES_EN,
        "eligibility_ro": "Locuitorii din Pata Rât, înregistrați de facilitatorul comunitar.",
        "eligibility_en": "Residents of Pata Rât, registered by the community facilitator.",
        "starts_on": datetime.date(2021, 4, 1), "ends_on": datetime.date(2021, 11, 30),
        "unit": Unit.ENTRIES, "voucher_value": Decimal("4"), "validity_days": 180, "budget": Decimal("200"),
    },
]

VENUES = [
    {"slug": "muzeul-etnografic", "name": "Muzeul Etnografic al Transilvaniei",
     "organisation": "muzeul-etnografic-al-transilvaniei", "is_fictional": False,
     "description_ro": "Partener al programului Jivipen (Plan 2021). Ofertele de aici sunt fictive.",
     "description_en": "A partner of the Jivipen programme (Plan 2021). The offers here are fictional."},
    {"slug": "sala-de-concerte-demo", "name": "Sala de concerte (fictivă)", "organisation": None,
     "is_fictional": True, "description_ro": "Loc partener fictiv, pentru demonstrație.",
     "description_en": "A fictional partner venue, for the demo."},
    {"slug": "atelierul-de-arta-demo", "name": "Atelierul de artă (fictiv)", "organisation": None,
     "is_fictional": True, "description_ro": "Loc partener fictiv, pentru demonstrație.",
     "description_en": "A fictional partner venue, for the demo."},
]

# (venue, kind, title ro, title en, from, until, price, programmes); all fictional.
OFFERS = [
    ("muzeul-etnografic", OfferKind.ENTRY, "Intrare la expoziția permanentă", "Entry to the permanent exhibition",
     datetime.date(2021, 4, 1), datetime.date(2021, 12, 31), Decimal("1"), ["voucher-cultural-pata-rat-2021"]),
    ("muzeul-etnografic", OfferKind.WORKSHOP, "Atelier de meșteșuguri tradiționale", "Traditional crafts workshop",
     datetime.date(2021, 6, 1), datetime.date(2021, 10, 31), Decimal("40"), ["vouchere-well-being-2021"]),
    ("sala-de-concerte-demo", OfferKind.EVENT, "Concert de seară", "Evening concert",
     datetime.date(2021, 6, 15), datetime.date(2021, 12, 15), Decimal("50"), ["vouchere-well-being-2021"]),
    ("sala-de-concerte-demo", OfferKind.EVENT, "Concert pentru familii", "Family concert",
     datetime.date(2021, 5, 1), datetime.date(2021, 11, 30), Decimal("1"), ["voucher-cultural-pata-rat-2021"]),
    ("atelierul-de-arta-demo", OfferKind.WORKSHOP, "Atelier de pictură și bunăstare",
     "Painting and well-being workshop",
     datetime.date(2021, 6, 1), datetime.date(2021, 12, 31), Decimal("35"), ["vouchere-well-being-2021"]),
]

# The open fictional programme's offers (dates around today): (venue, kind, title ro, title en, price).
TRY_IT_OFFERS = [
    ("muzeul-etnografic", OfferKind.ENTRY, "Intrare la muzeu (ofertă demonstrativă)", "Museum entry (demo offer)",
     Decimal("20")),
    ("sala-de-concerte-demo", OfferKind.EVENT, "Concert (ofertă demonstrativă)", "Concert (demo offer)", Decimal("40")),
]

PEOPLE = [
    ("voucher-staff@civica.test", "Vera Vouchere (fictivă)"),
    ("referrer@civica.test", "Radu Facilitator (fictiv)"),
    ("venue@civica.test", "Victor Muzeu (fictiv)"),
]


def _person(email, name):
    user, created = User.objects.get_or_create(email=email, defaults={"display_name": name})
    if created:
        user.set_password(demo_accounts()["password"])
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _at(day, hour=11):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BUCHAREST)


def _try_it_programme() -> dict:
    """The fictional programme open around today, for trying the pages."""
    today = timezone.localdate()
    return {
        "slug": "vouchere-demonstrative", "programme": "academia-schimbarii",
        "name_ro": "Vouchere culturale demonstrative (fictiv)",
        "name_en": "Demonstration cultural vouchers (fictional)",
        "purpose_ro": "Program fictiv, deschis acum, ca să puteți încerca voucherele: verificarea soldului, "
                      "folosirea la un loc partener, înregistrarea unui beneficiar.",
        "purpose_en": "A fictional programme, open now, so that the vouchers can be tried: checking a balance, "
                      "redeeming at a partner venue, registering a beneficiary.",
        "eligibility_ro": "Oricine încearcă platforma (fictiv).",
        "eligibility_en": "Anyone trying the platform (fictional).",
        "starts_on": today - datetime.timedelta(days=30), "ends_on": today + datetime.timedelta(days=150),
        "unit": Unit.LEI, "voucher_value": Decimal("100"), "validity_days": 120, "budget": Decimal("3000"),
        "is_fictional": True, "status": ProgrammeStatus.OPEN,
    }


def load(log):
    programmes = {}
    for spec in [*PROGRAMMES, _try_it_programme()]:
        fields = {key: value for key, value in spec.items() if key not in {"slug", "programme"}}
        centre_programme = Programme.objects.filter(slug=spec["programme"]).first()
        if centre_programme is None:
            log(f"vouchers: network's programme {spec['programme']} is missing; run network's demo first")
            return
        fields.setdefault("status", ProgrammeStatus.CLOSED)
        programme, _created = VoucherProgramme.objects.update_or_create(
            slug=spec["slug"], defaults={**fields, "programme": centre_programme})
        programmes[spec["slug"]] = programme
    venues = {}
    for spec in VENUES:
        organisation = Organisation.objects.filter(slug=spec["organisation"]).first() if spec["organisation"] else None
        fields = {key: value for key, value in spec.items() if key not in {"slug", "organisation"}}
        venues[spec["slug"]], _created = Venue.objects.update_or_create(
            slug=spec["slug"], defaults={**fields, "organisation": organisation, "address": ""})
    for programme in programmes.values():
        programme.venues.set(venues.values())
    offers = {slug: [] for slug in programmes}
    for venue, kind, title_ro, title_en, starts_on, ends_on, price, accepted in OFFERS:
        offer, _created = Offer.objects.update_or_create(
            venue=venues[venue], title_ro=title_ro, defaults={
                "kind": kind, "title_en": title_en, "starts_on": starts_on, "ends_on": ends_on, "price": price,
                "is_fictional": True, "description_ro": "Ofertă fictivă (date demonstrative).",
                "description_en": "A fictional offer (demo data)."})
        offer.programmes.set([programmes[slug] for slug in accepted])
        for slug in accepted:
            offers[slug].append(offer)
    today = timezone.localdate()
    for venue, kind, title_ro, title_en, price in TRY_IT_OFFERS:
        offer, _created = Offer.objects.update_or_create(
            venue=venues[venue], title_ro=title_ro, defaults={
                "kind": kind, "title_en": title_en, "starts_on": today - datetime.timedelta(days=30),
                "ends_on": today + datetime.timedelta(days=150), "price": price, "is_fictional": True,
                "description_ro": "Ofertă fictivă (date demonstrative).",
                "description_en": "A fictional offer (demo data)."})
        offer.programmes.set([programmes["vouchere-demonstrative"]])
        offers["vouchere-demonstrative"].append(offer)
    staff, referrer, venue_person = (_person(email, name) for email, name in PEOPLE)
    for programme in programmes.values():
        ProgrammeRole.objects.get_or_create(user=staff, programme=programme, role=ProgrammeRoleKind.STAFF)
        ProgrammeRole.objects.get_or_create(user=referrer, programme=programme, role=ProgrammeRoleKind.REFERRER)
    VenueStaff.objects.get_or_create(user=venue_person, venue=venues["muzeul-etnografic"])
    made = sum(_beneficiaries(programme, offers[slug], referrer, venue_person)
               for slug, programme in programmes.items())
    statements = sum(_statements(programme, staff) for programme in programmes.values())
    open_voucher = (Voucher.objects.filter(programme=programmes["vouchere-demonstrative"], balance__gt=0)
                    .order_by("pk").first())
    log(f"vouchers: {len(programmes)} programmes (two of 2021, closed; one fictional, open), {len(venues)} venues, "
        f"{len(OFFERS) + len(TRY_IT_OFFERS)} fictional offers, {made} fictional beneficiaries with vouchers, "
        f"{statements} fictional settlement statements; accounts "
        + ", ".join(email for email, _name in PEOPLE)
        + (f"; a code to try: {open_voucher.display_code}" if open_voucher else ""))


def _beneficiaries(programme, offers, referrer, venue_person, count=6) -> int:
    """Fictional beneficiaries, each with a voucher issued in the programme's first weeks and a few
    redemptions; the programme's ``committed`` is set from them. Made once (their references are fixed)."""
    rng = random.Random(programme.slug)
    if Beneficiary.objects.filter(programme=programme).exists():
        return 0
    committed = Decimal("0")
    for number in range(count):
        issued_on = programme.starts_on + datetime.timedelta(days=3 * number)
        beneficiary = Beneficiary.objects.create(
            programme=programme, reference=f"B-DEMO{programme.pk}{number:02d}"[:12],
            language="ro", referred_by=referrer, created_at=_at(issued_on, 10), is_fictional=True)
        payload = "".join(rng.choice(codes.ALPHABET) for _ in range(codes.RANDOM_SYMBOLS))
        voucher = Voucher.objects.create(
            programme=programme, beneficiary=beneficiary, code=payload + codes.check_symbol(payload),
            value=programme.voucher_value, balance=programme.voucher_value, issued_at=_at(issued_on, 10),
            issued_by=referrer, expires_on=programme.expiry_for(issued_on), is_fictional=True)
        committed += voucher.value
        for visit in range(rng.randint(0, 3)):
            offer = rng.choice(offers)
            if offer.price > voucher.balance:
                break
            day = max(issued_on, offer.starts_on) + datetime.timedelta(days=7 * (visit + 1))
            if day > min(voucher.expires_on, offer.ends_on, timezone.localdate()):
                break
            voucher.balance -= offer.price
            Redemption.objects.create(voucher=voucher, venue=offer.venue, offer=offer, amount=offer.price,
                                      redeemed_at=_at(day, 17), redeemed_by=venue_person, is_fictional=True)
        voucher.save(update_fields=["balance"])
    programme.committed = committed
    programme.save(update_fields=["committed"])
    return count


def _statements(programme, staff) -> int:
    """The programme's fictional redemptions settled month by month: past months approved and paid. Made
    once (skipped when the programme has statements)."""
    if Statement.objects.filter(programme=programme).exists():
        return 0
    this_month = timezone.localdate().replace(day=1)
    months = sorted({timezone.localtime(moment).date().replace(day=1) for moment in Redemption.objects.filter(
        voucher__programme=programme).values_list("redeemed_at", flat=True)})
    made = 0
    for month in months:
        for statement in services.statements_prepare(programme=programme, month=month, by=staff):
            Statement.objects.filter(pk=statement.pk).update(is_fictional=True)
            if month < this_month and statement.is_draft:
                for to in (StatementStatus.APPROVED, StatementStatus.PAID):
                    services.statement_move(statement=statement, to=to, by=staff)
            made += 1
    return made
