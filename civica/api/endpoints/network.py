"""The centre's network: the organisations' directory, the networks it runs, its programmes and its
spaces with the times they are taken, as the network pages show them to a visitor (issue 20, point 1).

The reads are the pages' own (``network.selectors``). An organisation's contact e-mail, its
representatives and its bookings are not read here (the bookings are shown on its page to its
representatives and the staff only). A space's taken times are free/busy, as on its page: a published
meeting is named, any other meeting or booking only takes the time, never saying who booked it."""

import datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from civica.network import selectors
from civica.network.models import (
    Category,
    DuesCategory,
    EntityKind,
    Network,
    Organisation,
    Programme,
    Relationship,
    Space,
    SpaceKind,
    SpaceStatus,
)

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import absolute, next_url

organisations = Router(tags=["network"])
networks = Router(tags=["network"])
programmes = Router(tags=["network"])
spaces = Router(tags=["network"])

CategoryName = Literal[tuple(Category.values)]
RelationshipName = Literal[tuple(Relationship.values)]
SLUG = r"^[-a-zA-Z0-9_]+$"


class Ref(Schema):
    slug: str
    name: str
    url: str


class NetworkRef(Ref):
    kind: str = Field(description="What the organisation is in the network: school, locality, city, partner.")
    kind_label: str


class OrganisationOut(Schema):
    slug: str
    name: str
    category: str
    category_label: str
    relationship: str
    relationship_label: str
    city: str
    website: str
    member_since: datetime.date | None
    dues_category: str | None
    dues_category_label: str | None
    networks: list[NetworkRef]
    url: str = Field(description="The organisation's page in the answer's language.")


class OrganisationDetailOut(OrganisationOut):
    description: str = Field(description="Markdown.")
    programmes: list[Ref] = Field(description="The programmes it runs.")


class OrganisationPage(Schema):
    results: list[OrganisationOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")


def _ref(request, item, name, url_name) -> dict:
    return {"slug": item.slug, "name": name, "url": absolute(request, reverse(url_name, args=[item.slug]))}


def _organisation(request, organisation) -> dict:
    membership = getattr(organisation, "membership", None)
    return {
        "slug": organisation.slug, "name": organisation.name, "category": organisation.category,
        "category_label": str(Category(organisation.category).label), "relationship": organisation.relationship,
        "relationship_label": str(Relationship(organisation.relationship).label), "city": organisation.city,
        "website": organisation.website,
        "member_since": membership.since if membership else None,
        "dues_category": membership.dues_category if membership else None,
        "dues_category_label": str(DuesCategory(membership.dues_category).label) if membership else None,
        "networks": [{**_ref(request, entity.network, entity.network.translated("name"), "network:network_detail"),
                      "kind": entity.kind, "kind_label": str(EntityKind(entity.kind).label)}
                     for entity in organisation.network_entities.all()],
        "url": absolute(request, reverse("network:organisation_detail", args=[organisation.slug])),
    }


class OrganisationFilters(Schema):
    category: CategoryName | None = None
    relationship: RelationshipName | None = Field(None, description="Members, partners, or who runs the platform.")
    network: str | None = Field(None, max_length=80, pattern=SLUG, description="In this network (its short name).")
    programme: str | None = Field(None, max_length=80, pattern=SLUG,
                                  description="Running this programme or in one of its networks.")
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


@organisations.get("", response=OrganisationPage, url_name="organisation_list",
            summary="The organisations' directory")
def organisation_list(request, filters: Query[OrganisationFilters]):
    """By name, as the directory lists them, with its filters. An unknown network or programme lists nothing."""
    network = Network.objects.filter(slug=filters.network).first() if filters.network else None
    programme = Programme.objects.filter(slug=filters.programme).first() if filters.programme else None
    if (filters.network and network is None) or (filters.programme and programme is None):
        organisations = Organisation.objects.none()
    else:
        organisations = selectors.organisation_directory(category=filters.category,
                                                         relationship=filters.relationship,
                                                         network=network, programme=programme)
    page = keyset_page(organisations, ordering=("name", "id"),
                       list_key=f"organisations:{filters.category}:{filters.relationship}:{filters.network}:"
                                f"{filters.programme}", cursor=filters.cursor, size=filters.page_size)
    return {"results": [_organisation(request, item) for item in page.rows],
            "next": next_url(request, page.next_cursor)}


@organisations.get("/{slug}", response=OrganisationDetailOut, url_name="organisation_detail",
            summary="One organisation")
def organisation_detail(request, slug: str):
    organisation = get_object_or_404(selectors.organisation_directory(), slug=slug)
    return {
        **_organisation(request, organisation), "description": organisation.translated("description"),
        "programmes": [_ref(request, item, item.translated("name"), "network:programme_detail")
                       for item in organisation.programmes.order_by("position", "name_ro")],
    }


class KindCount(Schema):
    kind: str
    count: int


class NetworkOut(Schema):
    slug: str
    name: str
    description: str = Field(description="Markdown.")
    programme: Ref | None
    source: str
    source_url: str
    entity_count: int
    url: str


class NetworkListOut(NetworkOut):
    kinds: list[KindCount] = Field(description="How many entities of each kind it holds (kind's label).")


class EntityOut(Schema):
    kind: str
    kind_label: str
    name: str
    locality: str
    county: str
    country: str
    organisation: Ref | None
    is_fictional: bool = Field(description="Demonstration data, as the page marks it.")


class NetworkDetailOut(NetworkOut):
    entities: list[EntityOut]


class NetworkList(Schema):
    results: list[NetworkListOut]
    next: str | None = Field(description="Always null: every network is in one answer (a handful).")


def _network(request, network, entity_count) -> dict:
    return {
        "slug": network.slug, "name": network.translated("name"), "description": network.translated("description"),
        "programme": (_ref(request, network.programme, network.programme.translated("name"),
                           "network:programme_detail") if network.programme else None),
        "source": network.translated("source"), "source_url": network.source_url, "entity_count": entity_count,
        "url": absolute(request, reverse("network:network_detail", args=[network.slug])),
    }


@networks.get("", response=NetworkList, url_name="network_list", summary="Networks")
def network_list(request):
    return {"results": [{**_network(request, item, item.entity_count),
                         "kinds": [{"kind": str(label), "count": count} for label, count in item.kind_counts]}
                        for item in selectors.network_list()], "next": None}


@networks.get("/{slug}", response=NetworkDetailOut, url_name="network_detail", summary="One network")
def network_detail(request, slug: str):
    network = get_object_or_404(Network.objects.select_related("programme"), slug=slug)
    entities = [entity for _label, group in selectors.network_entities_by_kind(network) for entity in group]
    return {**_network(request, network, len(entities)), "entities": [
        {"kind": entity.kind, "kind_label": str(EntityKind(entity.kind).label), "name": entity.name,
         "locality": entity.locality, "county": entity.county, "country": entity.country,
         "is_fictional": entity.is_fictional,
         "organisation": (_ref(request, entity.organisation, entity.organisation.name, "network:organisation_detail")
                          if entity.organisation else None)} for entity in entities]}


class ProgrammeOut(Schema):
    slug: str
    name: str
    summary: str
    organisation: Ref | None = Field(description="Who runs it.")
    websites: list[str]
    url: str


class ProgrammeDetailOut(ProgrammeOut):
    spaces: list[Ref]


class ProgrammeList(Schema):
    results: list[ProgrammeOut]
    next: str | None = Field(description="Always null: every programme is in one answer (a handful).")


def _programme(request, programme) -> dict:
    return {
        "slug": programme.slug, "name": programme.translated("name"), "summary": programme.translated("summary"),
        "organisation": (_ref(request, programme.organisation, programme.organisation.name,
                              "network:organisation_detail") if programme.organisation else None),
        "websites": [str(site) for site in programme.websites or []],
        "url": absolute(request, reverse("network:programme_detail", args=[programme.slug])),
    }


@programmes.get("", response=ProgrammeList, url_name="programme_list", summary="Programmes")
def programme_list(request):
    return {"results": [_programme(request, item) for item in selectors.programme_list()], "next": None}


@programmes.get("/{slug}", response=ProgrammeDetailOut, url_name="programme_detail", summary="One programme")
def programme_detail(request, slug: str):
    programme = get_object_or_404(Programme.objects.select_related("organisation"), slug=slug)
    return {**_programme(request, programme), "spaces": [
        _ref(request, space, space.translated("name"), "network:space_detail")
        for space in programme.spaces.order_by("position", "name_ro")]}


class SpaceOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    status: str = Field(description="Its opening status: open, preparing (not open yet) or closed.")
    status_label: str
    address: str
    latitude: float | None
    longitude: float | None
    coordinates_approximate: bool
    capacity: int | None
    is_bookable: bool = Field(description="Representatives of member organisations may book it.")
    programme: Ref | None
    url: str


class TakenOut(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    kind: Literal["meeting", "booking"]
    label: str = Field(description="As the page says it: the meeting's title, or that the time is booked.")
    meeting_url: str | None = Field(description="The meeting's page when it is published.")


class SpaceDetailOut(SpaceOut):
    description: str = Field(description="Markdown.")
    accessibility: str = Field(description="Markdown.")
    equipment: str = Field(description="What it offers, Markdown.")
    status_note: str
    booking_terms: str = Field(description="Markdown.")
    taken_from: datetime.date
    taken_until: datetime.date = Field(description="The last day the taken times cover.")
    taken: list[TakenOut] = Field(description="What takes the space on those days; any time not listed is free.")


class SpaceList(Schema):
    results: list[SpaceOut]
    next: str | None = Field(description="Always null: every space is in one answer (a handful).")


def _space(request, space) -> dict:
    return {
        "slug": space.slug, "name": space.translated("name"), "kind": space.kind,
        "kind_label": str(SpaceKind(space.kind).label), "status": space.status,
        "status_label": str(SpaceStatus(space.status).label), "address": space.address,
        "latitude": float(space.latitude) if space.latitude is not None else None,
        "longitude": float(space.longitude) if space.longitude is not None else None,
        "coordinates_approximate": space.coordinates_approximate, "capacity": space.capacity,
        "is_bookable": space.is_bookable,
        "programme": (_ref(request, space.programme, space.programme.translated("name"), "network:programme_detail")
                      if space.programme else None),
        "url": absolute(request, reverse("network:space_detail", args=[space.slug])),
    }


def _taken(request, row) -> dict:
    meeting = row.get("meeting")
    if meeting is not None:
        label, url = meeting.translated("title"), absolute(request, reverse("meetings:detail", args=[meeting.slug]))
    elif row["kind"] == "meeting":
        label, url = _("A meeting of the centre"), None
    elif row.get("status") == "requested":
        label, url = _("Booked, awaiting confirmation"), None
    else:
        label, url = _("Booked"), None
    return {"starts_at": row["starts_at"], "ends_at": row["ends_at"], "kind": row["kind"], "label": label,
            "meeting_url": url}


@spaces.get("", response=SpaceList, url_name="space_list", summary="Spaces")
def space_list(request):
    return {"results": [_space(request, item) for item in selectors.space_list()], "next": None}


class AgendaFilters(Schema):
    first_day: datetime.date | None = Field(None, alias="from", description="The first day of the taken times "
                                            f"(YYYY-MM-DD; today when left out); {selectors.AGENDA_DAYS} days.")


@spaces.get("/{slug}", response=SpaceDetailOut, url_name="space_detail",
            summary="One space, with the times it is taken")
def space_detail(request, slug: str, filters: Query[AgendaFilters]):
    first_day = filters.first_day or timezone.localdate()
    if not 1900 <= first_day.year <= 2200:
        raise ValidationError([{"loc": ("query", "from"), "type": "date_range",
                                "msg": _("Choose a day between the years 1900 and 2200.")}])
    space = get_object_or_404(Space.objects.select_related("programme"), slug=slug)
    days = selectors.AGENDA_DAYS
    return {
        **_space(request, space), "description": space.translated("description"),
        "accessibility": space.translated("accessibility"), "equipment": space.translated("equipment"),
        "status_note": space.translated("status_note"), "booking_terms": space.translated("booking_terms"),
        "taken_from": first_day, "taken_until": first_day + datetime.timedelta(days=days - 1),
        "taken": [_taken(request, row) for row in selectors.space_agenda(space, first_day=first_day, days=days)],
    }

