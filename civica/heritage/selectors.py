"""Reading the heritage inventory: what the public pages, the downloads and the staff screens show, each a
fixed number of queries whatever the number of rows."""

from django.db.models import Count, Prefetch, Q

from civica.core.maps import located, place_of
from civica.moderation.models import UNPUBLISHED

from .models import Craftsperson, HeritageObject, HeritagePhoto, Locality, Site

PUBLIC_OBJECT = Q(heritage_objects__is_hidden=False) & ~Q(heritage_objects__review_state__in=UNPUBLISHED)


def public_photos():
    return HeritagePhoto.objects.exclude(image="").order_by("position", "id")


def localities_for_list():
    return list(Locality.objects.published().annotate(
        object_count=Count("heritage_objects", filter=PUBLIC_OBJECT, distinct=True),
        site_count=Count("sites", filter=Q(sites__is_published=True), distinct=True),
    ).order_by("county", "name", "id"))


def locality_places(localities) -> list:
    return located(place_of(locality.name, locality.latitude, locality.longitude, url=locality.get_absolute_url(),
                            address=", ".join(part for part in (locality.commune, locality.county) if part))
                   for locality in localities)


def locality_for_page(slug, user):
    locality = Locality.objects.filter(slug=slug).prefetch_related(
        Prefetch("heritage_objects", HeritageObject.objects.public().order_by("kind", "name_ro", "id"),
                 to_attr="public_objects"),
        Prefetch("sites", Site.objects.filter(is_published=True).order_by("name_ro", "id"), to_attr="public_sites"),
        Prefetch("craftspeople", Craftsperson.objects.filter(consent_at__isnull=False).order_by("name", "id"),
                 to_attr="listed_people"),
        Prefetch("photos", public_photos().filter(heritage_object=None, site=None), to_attr="public_photos"),
    ).first()
    if locality is None or not user.has_perm("heritage.read_locality", locality):
        return None
    return locality


def object_for_page(slug, user):
    heritage_object = HeritageObject.objects.filter(slug=slug).select_related("locality").prefetch_related(
        Prefetch("photos", public_photos(), to_attr="public_photos"),
        Prefetch("sites", Site.objects.filter(is_published=True), to_attr="public_sites"),
    ).first()
    if heritage_object is None or not user.has_perm("heritage.read_object", heritage_object):
        return None
    return heritage_object


def site_for_page(slug, user=None):
    site = Site.objects.filter(slug=slug).select_related("locality", "heritage_object").prefetch_related(
        Prefetch("photos", public_photos(), to_attr="public_photos")).first()
    if site is None:
        return None
    if not (site.is_published and site.locality.is_published) and not (user and user.has_perm("heritage.manage")):
        return None
    return site


def person_for_page(pk, user):
    person = Craftsperson.objects.filter(pk=pk).select_related("locality").first()
    if person is None or not user.has_perm("heritage.read_person", person):
        return None
    return person


def staff_overview():
    return list(Locality.objects.annotate(
        object_count=Count("heritage_objects", distinct=True),
        waiting_count=Count("heritage_objects", filter=Q(heritage_objects__review_state="waiting"), distinct=True),
        people_count=Count("craftspeople", distinct=True), site_count=Count("sites", distinct=True),
        photo_count=Count("photos", distinct=True),
    ).order_by("name", "id"))


def staff_locality(pk):
    return Locality.objects.filter(pk=pk).prefetch_related(
        Prefetch("heritage_objects", HeritageObject.objects.order_by("name_ro", "id")),
        Prefetch("craftspeople", Craftsperson.objects.order_by("name", "id")),
        Prefetch("sites", Site.objects.order_by("name_ro", "id")),
        Prefetch("photos", HeritagePhoto.objects.select_related("heritage_object", "site")),
    ).first()


# --- Open data ---------------------------------------------------------------------------------------

EXPORT_COLUMNS = ["id", "name_ro", "name_en", "kind", "lmi_code", "period", "locality", "county", "commune",
                  "latitude", "longitude", "url", "fictional"]


def export_objects():
    """Every public object with its locality's place when it has none of its own."""
    return (HeritageObject.objects.public().select_related("locality")
            .only("id", "slug", "name_ro", "name_en", "kind", "lmi_code", "period", "latitude", "longitude",
                  "is_fictional", "locality__name", "locality__county", "locality__commune",
                  "locality__latitude", "locality__longitude", "locality__is_fictional")
            .order_by("locality__name", "name_ro", "id"))


def export_row(heritage_object, *, base_url) -> dict:
    from django.utils import translation

    locality = heritage_object.locality
    latitude = heritage_object.latitude if heritage_object.latitude is not None else locality.latitude
    longitude = heritage_object.longitude if heritage_object.longitude is not None else locality.longitude
    with translation.override("ro"):
        url = base_url + heritage_object.get_absolute_url()
    return {"id": heritage_object.pk, "name_ro": heritage_object.name_ro, "name_en": heritage_object.name_en,
            "kind": heritage_object.kind, "lmi_code": heritage_object.lmi_code, "period": heritage_object.period,
            "locality": locality.name, "county": locality.county, "commune": locality.commune,
            "latitude": float(latitude) if latitude is not None else None,
            "longitude": float(longitude) if longitude is not None else None, "url": url,
            "fictional": heritage_object.is_fictional or locality.is_fictional}
