"""Reads of the archive's pages, each in a fixed number of queries (tests/test_catalogue.py).

- ``catalogue(filters)``: the published works matching a text (every word, accents and case ignored, in
  ``search_text``) and the facets chosen (artist, period, medium, collection, tag), with each facet's
  values and how many of the matching works have each (one GROUP BY a facet: five queries whatever the
  number of works), the ``FACET_LIMIT`` most frequent shown (and the one chosen); the artist is found
  by the search box beyond those, and how many works match, counted up to ``COUNT_CAP + 1`` only. The
  counts are kept in the cache per filters and language until a write changes anything they count (a
  generation number bumped by signals, ``catalogue_changed``), so a facet view asked again costs the page's
  queries only; after a change, a background task counts the unfiltered catalogue again before its first
  visitor (``prepare_unfiltered_facets``).
- ``works_on_map``: the matching works that have coordinates, as the catalogue map's places (at most
  ``MAP_LIMIT``, one query); ``work_place``: a work's point on its page.
- ``work_for_page``: a published work with its artist, medium, tags, published collections, events and
  only the images its licences let the public see; ``work_for_staff``: any work with every image.
- ``staff_*`` and ``*_for_staff``: the staff screens' lists and records (artists, collections, events with
  their documents), each list in a fixed number of queries.
- ``export_rows``: what the CSV/JSON/GeoJSON downloads hold, public fields only (the place's coordinates
  among them), read in chunks."""

import copy
import hashlib
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q, Value
from django.db.models.functions import Concat

from .models import (
    PUBLIC_LICENCES,
    Artist,
    Collection,
    CollectionItem,
    Document,
    Event,
    Work,
    WorkImage,
)
from .text import words

FACETS = ("artist", "period", "medium", "collection", "tag")
FACET_LIMIT = 12  # values shown a facet, the most frequent first (the one chosen always among them)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    chosen: bool = False


@dataclass
class Catalogue:
    works: object  # a queryset, paginated by the view
    facets: dict = field(default_factory=dict)  # name: [FacetValue]
    total: int = 0


def public_images():
    return WorkImage.objects.filter(licence__in=PUBLIC_LICENCES).exclude(image="").order_by("position", "id")


def matching(*, q="", artist=None, period=None, medium=None, collection=None, tag=None, exclude=""):
    """Published works matching the text and every facet chosen except ``exclude``."""
    works = Work.objects.published()
    for word in words(q):
        works = works.filter(search_text__contains=word)
    if artist and exclude != "artist":
        works = works.filter(artist__slug=artist)
    if period is not None and exclude != "period":
        works = works.filter(decade=period)
    if medium and exclude != "medium":
        works = works.filter(medium__slug=medium)
    if collection and exclude != "collection":
        works = works.filter(pk__in=CollectionItem.objects.filter(
            collection__slug=collection, collection__is_published=True).values("work_id"))
    if tag and exclude != "tag":
        works = works.filter(pk__in=Work.tags.through.objects.filter(tag__slug=tag).values("work_id"))
    return works


def _facet(filters, name, key, label_of, rows_for):
    """A facet's values among the works matching every other choice (so a facet offers its alternatives):
    one GROUP BY over those works joined to the facet's table (a work has a tag or a collection once, so
    counting rows counts works)."""
    works = matching(**filters, exclude=name).order_by()
    chosen = filters.get(name)
    values = [FacetValue(str(value), label, count, str(value) == str(chosen)) for value, label, count
              in ((key(row), label_of(row), row["n"]) for row in rows_for(works))]
    values.sort(key=lambda value: (-value.count, value.label))
    shown = values[:FACET_LIMIT]
    shown += [value for value in values[FACET_LIMIT:] if value.chosen]
    return shown


GENERATION_KEY = "archive:catalogue-generation"
FACETS_SECONDS = 3600  # at most; CIVICA_ARCHIVE_FACETS_SECONDS = 0 turns the keeping off


def catalogue_changed(**kwargs) -> None:
    """Facet counts kept in the cache are stale: a work, its tags or collections, an artist, a medium, a
    tag or a collection changed (connected to their signals in ``apps.py``, with ``tasks.after_change``,
    which has the unfiltered catalogue counted again once the write commits)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


def generation() -> int | None:
    return cache.get(GENERATION_KEY)


def prepare_unfiltered_facets() -> int:
    """The unfiltered catalogue's facet counts and number of works, in both languages, and its collections'
    list, kept for the current generation unless they already are; returns how many languages were counted
    (0, 1 or 2)."""
    from django.conf import settings
    from django.utils import translation

    seconds = getattr(settings, "CIVICA_ARCHIVE_FACETS_SECONDS", FACETS_SECONDS)
    if not seconds:
        return 0
    counted = 0
    for language, _name in settings.LANGUAGES:
        key = f"{_facets_key({}, language)}:{COUNT_CAP}"
        if cache.get(key) is None:
            with translation.override(language):
                cache.set(key, _counted({}, en=language == "en"), seconds)
            counted += 1
    archive_home()  # the collections' list with its counts, kept for the same generation
    return counted


def _facets_key(filters, language) -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    chosen = "&".join(f"{name}={filters[name]}" for name in sorted(filters))
    return f"archive:facets:{generation}:{language}:{hashlib.sha256(chosen.encode()).hexdigest()}"


COUNT_CAP = 5_000  # past this the catalogue says "more than 5,000 works" rather than counting them all


def count_matching(filters, *, cap=None) -> int:
    """How many works match, counted up to ``cap + 1`` (``SELECT COUNT(*) FROM (… LIMIT 5001)``, unordered):
    counting 50,000 works on every page cost more than the page itself."""
    return matching(**filters).order_by()[: (cap or COUNT_CAP) + 1].count()


def _counted(filters, *, en: bool, cap=None) -> dict:
    return {"facets": _count_facets(filters, en=en), "total": count_matching(filters, cap=cap)}


def catalogue(*, cap=None, **filters) -> Catalogue:
    """The works matching ``filters``, how many (up to ``cap + 1``) and the facets' values; the count and the
    facets' five GROUP BYs are kept in the cache per filters and language until anything they count changes
    (``catalogue_changed``)."""
    from django.conf import settings

    from civica.core.i18n import active_language

    language = active_language()
    cap = cap or COUNT_CAP
    seconds = getattr(settings, "CIVICA_ARCHIVE_FACETS_SECONDS", FACETS_SECONDS)
    key = f"{_facets_key(filters, language)}:{cap}" if seconds else None
    counted = cache.get(key) if key else None
    if counted is None:
        counted = _counted(filters, en=language == "en", cap=cap)
        if key:
            cache.set(key, counted, seconds)
    order = "title_ro"
    if filters and counted["total"] <= cap:
        # At most ``cap`` matches: sorting them is cheaper than walking the title index until the page's works
        # turn up (a word in one work of ten whose titles sort together made PostgreSQL read 45,000 rows for
        # 24). The same order, written so that no index serves it; past the cap the index walk stays.
        order = Concat("title_ro", Value(""))
    works = (matching(**filters).select_related("artist", "medium")
             .prefetch_related(Prefetch("images", public_images(), to_attr="public_images"))
             .order_by(order, "id"))
    return Catalogue(works=works, facets=copy.deepcopy(counted["facets"]), total=counted["total"])


def _count_facets(filters, *, en: bool) -> dict:

    def name_of(prefix):
        return lambda row: (row.get(f"{prefix}name_en") if en else "") or row[f"{prefix}name_ro"]

    def grouped(*columns, **condition):
        return lambda works: works.filter(**condition).values(*columns).annotate(n=Count("pk"))

    facets = {
        "artist": _facet(filters, "artist", lambda row: row["artist__slug"], lambda row: row["artist__name"],
                         grouped("artist__slug", "artist__name", artist__isnull=False)),
        "period": _facet(filters, "period", lambda row: row["decade"],
                         lambda row: f"{row['decade']}–{row['decade'] + 9}",
                         grouped("decade", decade__isnull=False)),
        "medium": _facet(filters, "medium", lambda row: row["medium__slug"], name_of("medium__"),
                         grouped("medium__slug", "medium__name_ro", "medium__name_en", medium__isnull=False)),
        "collection": _facet(filters, "collection", lambda row: row["collection_items__collection__slug"],
                             lambda row: (row.get("collection_items__collection__title_en") if en else "")
                             or row["collection_items__collection__title_ro"],
                             grouped("collection_items__collection__slug", "collection_items__collection__title_ro",
                                     "collection_items__collection__title_en",
                                     collection_items__collection__is_published=True)),
        "tag": _facet(filters, "tag", lambda row: row["tags__slug"], name_of("tags__"),
                      grouped("tags__slug", "tags__name_ro", "tags__name_en", tags__isnull=False)),
    }
    return facets


MAP_LIMIT = 500  # markers on the catalogue's map at most; a narrower search shows the rest


def work_place(work):
    """The work's point on its page's map, or None when it has no coordinates."""
    from civica.core.maps import place_of

    return place_of(work.translated("title"), work.latitude, work.longitude, url=work.get_absolute_url(),
                    address=work.location)


def works_on_map(filters, *, limit=MAP_LIMIT):
    """The published works matching ``filters`` that have a place, as map places (the first ``limit`` in the
    catalogue's order, one query that reads only what a marker shows), and whether there were more."""
    from django.urls import reverse

    from civica.core.i18n import active_language
    from civica.core.maps import Place

    en = active_language() == "en"
    rows = list(matching(**filters).filter(latitude__isnull=False, longitude__isnull=False)
                .order_by("title_ro", "id")
                .values("slug", "title_ro", "title_en", "location", "latitude", "longitude")[:limit + 1])
    places = [Place(name=(row["title_en"] if en else "") or row["title_ro"], latitude=row["latitude"],
                    longitude=row["longitude"], url=reverse("archive:work", args=[row["slug"]]),
                    address=row["location"]) for row in rows[:limit]]
    return places, len(rows) > limit


def work_for_page(slug):
    return (Work.objects.published().filter(slug=slug).select_related("artist", "medium")
            .prefetch_related("tags", Prefetch("images", public_images(), to_attr="public_images"),
                              Prefetch("collections", Collection.objects.filter(is_published=True)),
                              Prefetch("events", Event.objects.filter(is_published=True)))
            .first())


def work_for_staff(pk):
    return (Work.objects.filter(pk=pk).select_related("artist", "medium")
            .prefetch_related("tags", Prefetch("images", WorkImage.objects.order_by("position", "id")))
            .first())


def staff_list():
    return (Work.objects.select_related("artist", "medium").prefetch_related("images")
            .order_by("-updated_at", "-id"))


def artist_for_page(slug):
    return (Artist.objects.filter(slug=slug, works__status="published").distinct()
            .prefetch_related(Prefetch("works", Work.objects.published().select_related("medium")
                                       .prefetch_related(Prefetch("images", public_images(), to_attr="public_images"))
                                       .order_by("year_from", "title_ro"), to_attr="public_works"))
            .first())


def collection_for_page(slug):
    items = (CollectionItem.objects.filter(work__status="published").select_related("work__artist")
             .prefetch_related(Prefetch("work__images", public_images(), to_attr="public_images"))
             .order_by("position", "id"))
    return (Collection.objects.filter(slug=slug, is_published=True)
            .prefetch_related(Prefetch("items", items, to_attr="public_items")).first())


def event_for_page(slug):
    return (Event.objects.filter(slug=slug, is_published=True)
            .prefetch_related(Prefetch("works", Work.objects.published().select_related("artist")),
                              Prefetch("documents", Document.objects.filter(is_published=True),
                                       to_attr="public_documents")).first())


# --- The staff's lists and records (``manage_records``) -------------------------------------------

def _published_works(prefix="works"):
    return Count(prefix, filter=Q(**{f"{prefix}__status": "published"}), distinct=True)


def staff_artists():
    return Artist.objects.annotate(n=Count("works", distinct=True)).order_by("name", "id")


def artist_for_staff(pk):
    return Artist.objects.filter(pk=pk).first()


def staff_collections():
    return (Collection.objects.annotate(n=Count("works", distinct=True), published_works=_published_works())
            .order_by("title_ro", "id"))


def collection_for_staff(pk):
    collection = Collection.objects.annotate(published_works=_published_works()).filter(pk=pk).first()
    if collection is not None:
        collection.listed_works = [item.work for item in collection.items.select_related("work")
                                   .order_by("position", "id")]
    return collection


def staff_events():
    return Event.objects.annotate(n=Count("works", distinct=True), d=Count("documents", distinct=True)).order_by(
        "-starts_on", "id")


def event_for_staff(pk):
    event = (Event.objects.filter(pk=pk)
             .prefetch_related(Prefetch("documents", Document.objects.order_by("title_ro", "id"))).first())
    if event is not None:
        event.listed_works = list(event.works.order_by("inventory_number"))
    return event


def document_for_reading(pk):
    return Document.objects.select_related("event").filter(pk=pk).first()


def archive_home():
    """The catalogue's published collections (with their number of works, kept in the cache with the facets
    until a change: one GROUP BY over every collection's items) and latest events."""
    from django.conf import settings

    seconds = getattr(settings, "CIVICA_ARCHIVE_FACETS_SECONDS", FACETS_SECONDS)
    key = _facets_key({}, "collections") if seconds else None
    collections = cache.get(key) if key else None
    if collections is None:
        collections = list(Collection.objects.filter(is_published=True).annotate(
            n=Count("works", distinct=True)).order_by("title_ro"))
        if key:
            cache.set(key, collections, seconds)
    return {
        "collections": collections,
        "events": list(Event.objects.filter(is_published=True).order_by("-starts_on")[:10]),
    }


EXPORT_COLUMNS = ("inventory_number", "title_ro", "title_en", "artist", "date", "year_from", "year_to", "medium",
                  "technique_ro", "technique_en", "dimensions", "location", "latitude", "longitude", "tags", "url")


def export_rows(works, *, base_url):
    """One dict per work (public fields only), read 500 at a time."""
    from django.utils.translation import override

    works = works.select_related("artist", "medium").prefetch_related("tags").order_by("pk")
    with override("ro"):
        for work in works.iterator(chunk_size=500):
            yield {
                "inventory_number": work.inventory_number, "title_ro": work.title_ro, "title_en": work.title_en,
                "artist": work.artist.name if work.artist_id else "", "date": work.shown_date(),
                "year_from": work.year_from, "year_to": work.year_to,
                "medium": work.medium.name_ro if work.medium_id else "", "technique_ro": work.technique_ro,
                "technique_en": work.technique_en, "dimensions": work.dimensions, "location": work.location,
                "latitude": float(work.latitude) if work.latitude is not None else None,
                "longitude": float(work.longitude) if work.longitude is not None else None,
                "tags": "; ".join(tag.name_ro for tag in work.tags.all()),
                "url": base_url + work.get_absolute_url(),
            }
