"""Writing the heritage inventory (every function checks its permission itself; the actor is ``by``).

- ``locality_save``, ``object_save``, ``craftsperson_save``, ``site_save``: staff's new records and changes
  (slugs made from the Romanian name; ``updated_at``, the OAI-PMH datestamp, moved; audited).
- ``object_propose``: a Roots youth's proposal, held for review by the shared pre-moderation
  (``moderation.services.review_hold`` / ``review_submitted``); staff approve or reject it in the
  moderation queue's waiting section.
- ``consent_record`` / ``consent_withdraw``: a craftsperson's consent to be listed, recorded with how it was
  given, or withdrawn (by them or staff): the row is locked and its state read again under the lock.
- ``photo_add`` / ``photo_update`` / ``photo_delete``: a photo checked by content (the form's ``core.uploads``
  check), its original kept privately (``core.image_rights``), the public copy made as its licence allows."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from civica.audit import services as audit
from civica.core import refusals
from civica.core.image_rights import kept_original, sync_public_copy
from civica.moderation import services as moderation

from .lmi import normalise_lmi_code
from .models import Craftsperson, HeritageObject, HeritagePhoto, Locality, Site

LOCALITY_FIELDS = frozenset({"name", "county", "commune", "latitude", "longitude", "history_ro", "history_en",
                             "remarkable_ro", "remarkable_en", "contacts", "is_published", "is_fictional"})
OBJECT_FIELDS = frozenset({"locality", "kind", "name_ro", "name_en", "lmi_code", "description_ro", "description_en",
                           "period", "latitude", "longitude", "is_fictional"})
PROPOSAL_FIELDS = OBJECT_FIELDS - {"locality", "is_fictional"}
PERSON_FIELDS = frozenset({"locality", "kind", "name", "makes_ro", "makes_en", "phone", "email", "address", "user",
                           "is_fictional"})
SITE_FIELDS = frozenset({"locality", "heritage_object", "name_ro", "name_en", "description_ro", "description_en",
                         "panel_text_ro", "panel_text_en", "panel_installed_on", "latitude", "longitude",
                         "is_published", "is_fictional"})
PHOTO_FIELDS = frozenset({"heritage_object", "site", "alt_ro", "alt_en", "rights_holder", "photographer", "licence",
                          "position"})


def new_slug(title: str, *, model, fallback: str) -> str:
    base = slugify(title)[:100].strip("-") or fallback
    slug, number = base, 1
    while model.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _fields(allowed, fields):
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"not editable here: {sorted(unknown)}")


def _save(*, by, model, instance, fields, allowed, slug_from=None, fallback=""):
    refusals.check(by, "heritage.manage")
    _fields(allowed, fields)
    with transaction.atomic():
        record = model() if instance is None else model.objects.select_for_update().get(pk=instance.pk)
        for name, value in fields.items():
            setattr(record, name, value.strip() if isinstance(value, str) else value)
        if slug_from and not record.slug:
            record.slug = new_slug(getattr(record, slug_from), model=model, fallback=fallback)
        if hasattr(record, "updated_at"):
            record.updated_at = timezone.now()
        record.full_clean()
        created = record.pk is None
        record.save()
        audit.record(by=by, action=f"heritage.{model._meta.model_name}.{'create' if created else 'change'}",
                     target=record, summary=", ".join(sorted(fields)))
    return record


def locality_save(*, by, locality=None, **fields) -> Locality:
    was_published = locality is not None and locality.is_published
    with transaction.atomic():
        saved = _save(by=by, model=Locality, instance=locality, fields=fields, allowed=LOCALITY_FIELDS,
                      slug_from="name", fallback="localitate")
        if saved.is_published != was_published:
            # Its objects appear in (or leave) OAI-PMH with it: their datestamps move.
            HeritageObject.objects.filter(locality=saved).update(updated_at=saved.updated_at)
    return saved


def object_save(*, by, heritage_object=None, **fields) -> HeritageObject:
    if "lmi_code" in fields:
        fields["lmi_code"] = normalise_lmi_code(fields["lmi_code"] or "")
    return _save(by=by, model=HeritageObject, instance=heritage_object, fields=fields, allowed=OBJECT_FIELDS,
                 slug_from="name_ro", fallback="obiectiv")


def craftsperson_save(*, by, person=None, **fields) -> Craftsperson:
    return _save(by=by, model=Craftsperson, instance=person, fields=fields, allowed=PERSON_FIELDS)


def site_save(*, by, site=None, **fields) -> Site:
    return _save(by=by, model=Site, instance=site, fields=fields, allowed=SITE_FIELDS, slug_from="name_ro",
                 fallback="loc")


def object_propose(*, by, locality, **fields) -> HeritageObject:
    """A Roots youth's (or staff's) proposal: it waits, hidden, until a moderator of the locality approves it."""
    refusals.check(by, "heritage.propose", locality)
    _fields(PROPOSAL_FIELDS, fields)
    if "lmi_code" in fields:
        fields["lmi_code"] = normalise_lmi_code(fields["lmi_code"] or "")
    with transaction.atomic():
        proposal = HeritageObject(locality=locality, proposed_by=by,
                                  **{name: value.strip() if isinstance(value, str) else value
                                     for name, value in fields.items()})
        proposal.slug = new_slug(proposal.name_ro, model=HeritageObject, fallback="obiectiv")
        proposal.full_clean()
        moderation.review_hold(proposal)
        proposal.save()
        moderation.review_submitted(proposal)
    return proposal


def consent_record(*, person, by, how: str) -> Craftsperson:
    """``how``: the signed form, the e-mail, "given in their account"… kept with who recorded it and when."""
    how = (how or "").strip()
    if not how:
        raise ValidationError({"how": _("Say how the consent was given (a signed form, an e-mail…).")})
    with transaction.atomic():
        locked = Craftsperson.objects.select_for_update().select_related("locality").get(pk=person.pk)
        refusals.check(by, "heritage.give_consent", locked)
        locked.consent_at = timezone.now()
        locked.consent_how = how[:200]
        locked.consent_recorded_by = by
        locked.withdrawn_at = None
        locked.save(update_fields=["consent_at", "consent_how", "consent_recorded_by", "withdrawn_at"])
        audit.record(by=by, action="heritage.craftsperson.consent", target=locked, summary=locked.consent_how)
    return locked


def consent_withdraw(*, person, by) -> Craftsperson:
    """From now on the public sees nothing of them; when it happened is kept."""
    with transaction.atomic():
        locked = Craftsperson.objects.select_for_update().select_related("locality").get(pk=person.pk)
        refusals.check(by, "heritage.withdraw_consent", locked)
        locked.consent_at = None
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["consent_at", "withdrawn_at"])
        audit.record(by=by, action="heritage.craftsperson.withdraw", target=locked)
    return locked


def photo_add(*, locality, by, upload, keep_location=False, **fields) -> HeritagePhoto:
    """``upload``: a file the form's ImageField opened and ``core.uploads.check_image`` accepted."""
    refusals.check(by, "heritage.manage")
    _fields(PHOTO_FIELDS, fields)
    with transaction.atomic():
        Locality.objects.select_for_update().filter(pk=locality.pk).first()
        photo = HeritagePhoto(locality=locality, keep_location=keep_location, **fields)
        for related in (photo.heritage_object, photo.site):
            if related is not None and related.locality_id != locality.pk:
                raise ValidationError(_("The photo's object or site must be of the same locality."))
        if "position" not in fields:
            photo.position = locality.photos.count()
        photo.original = kept_original(upload, keep_location)
        photo.full_clean(exclude=["original"])
        photo.save()
        sync_public_copy(photo)
        Locality.objects.filter(pk=locality.pk).update(updated_at=timezone.now())
        audit.record(by=by, action="heritage.photo.add", target=locality, summary=photo.get_licence_display())
    return photo


def photo_update(*, photo, by, **fields) -> HeritagePhoto:
    """New credits, description or licence: the public copy appears or goes with the licence."""
    refusals.check(by, "heritage.manage")
    _fields(PHOTO_FIELDS, fields)
    with transaction.atomic():
        locked = HeritagePhoto.objects.select_for_update().get(pk=photo.pk)
        for name, value in fields.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        for related in (locked.heritage_object, locked.site):
            if related is not None and related.locality_id != locked.locality_id:
                raise ValidationError(_("The photo's object or site must be of the same locality."))
        locked.full_clean(exclude=["original"])
        locked.save()
        sync_public_copy(locked)
        Locality.objects.filter(pk=locked.locality_id).update(updated_at=timezone.now())
        audit.record(by=by, action="heritage.photo.change", target=locked.locality, summary=", ".join(sorted(fields)))
    return locked


def photo_delete(*, photo, by) -> None:
    refusals.check(by, "heritage.manage")
    with transaction.atomic():
        locality = photo.locality
        photo.delete()  # the public copy and the original go with it (the app's post_delete receivers)
        audit.record(by=by, action="heritage.photo.delete", target=locality)
