"""Photos whose rights holders say what the public may see (moved out of the archive for the heritage
inventory, issue 23): the licences an image may carry, which of them let the public see it, and what is
kept of an upload — the staff's original (re-encoded without metadata, or as uploaded when staff keep
its location) and the public copy (pixels only, upright, at most ``PUBLIC_MAX_SIDE`` px), which an app
makes exactly while the licence is in ``PUBLIC_LICENCES``. The archive's work images and the heritage
inventory's photos both use it."""

import io

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from .uploads import random_name, reencode_image

PUBLIC_MAX_SIDE = 1600  # the public copy's longest side; the original stays whole for staff


class Licence(models.TextChoices):
    """What the rights holder allows; ``PUBLIC_LICENCES`` may be shown to the public."""

    CC0 = "cc0", _("Public domain (CC0 1.0)")
    CC_BY = "cc-by", _("Creative Commons Attribution 4.0 (CC BY)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA)")
    CC_BY_NC_ND = "cc-by-nc-nd", _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 (CC BY-NC-ND)")
    PERMISSION = "permission", _("All rights reserved; shown on this site with the holder's permission")
    STAFF_ONLY = "staff-only", _("All rights reserved; not shown to the public")


PUBLIC_LICENCES = frozenset({Licence.CC0, Licence.CC_BY, Licence.CC_BY_SA, Licence.CC_BY_NC_ND,
                             Licence.PERMISSION})
LICENCE_URLS = {
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC_ND: "https://creativecommons.org/licenses/by-nc-nd/4.0/",
}


class CreditedImage(models.Model):
    """An image with its credit line, kept twice: the staff's ``original`` in private storage and the
    public ``image`` made while the licence allows it. A concrete model declares those two fields (where
    its files go) and what the image belongs to."""

    position = models.PositiveSmallIntegerField(_("position"), default=0)
    keep_location = models.BooleanField(
        _("keep the photo's metadata in the original"), default=False,
        help_text=_("Staff only: the original keeps its EXIF data (place, camera). The public copy never does."))
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt_ro = models.CharField(_("image description (Romanian)"), max_length=250,
                              help_text=_("What the image shows, for people who cannot see it."))
    alt_en = models.CharField(_("image description (English)"), max_length=250, blank=True)
    rights_holder = models.CharField(_("rights holder"), max_length=200)
    photographer = models.CharField(_("photographer"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=16, choices=Licence.choices, default=Licence.STAFF_ONLY)

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.licence in PUBLIC_LICENCES

    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    def alt(self) -> str:
        from .i18n import active_language

        return (self.alt_en if active_language() == "en" and self.alt_en else "") or self.alt_ro


def kept_original(upload, keep_location: bool) -> ContentFile:
    """The staff's original: as uploaded (checked by content already) when staff keep its metadata,
    otherwise re-encoded without any."""
    if not keep_location:
        return reencode_image(upload)
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    with Image.open(io.BytesIO(content)) as opened:
        extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[opened.format]
    return ContentFile(content, name=random_name(extension))


def public_copy(original) -> ContentFile:
    """The public copy of a stored original: pixels only (no EXIF, XMP, ICC), turned upright, at most
    ``PUBLIC_MAX_SIDE`` px on its longest side, as JPEG (or PNG when it has transparency)."""
    with original.open("rb") as handle, Image.open(handle) as opened:
        upright = ImageOps.exif_transpose(opened)
        upright.load()
    upright.thumbnail((PUBLIC_MAX_SIDE, PUBLIC_MAX_SIDE), Image.Resampling.LANCZOS)
    clean = upright.copy()
    clean.info = {}
    buffer = io.BytesIO()
    if clean.mode in ("RGBA", "LA", "P"):
        clean.save(buffer, format="PNG", optimize=True)
        return ContentFile(buffer.getvalue(), name=random_name("png"))
    clean.convert("RGB").save(buffer, format="JPEG", quality=88, optimize=True)
    return ContentFile(buffer.getvalue(), name=random_name("jpg"))


def sync_public_copy(image) -> None:
    """The public copy (``image.image``) exists exactly while the licence lets the public see the image (a
    replaced or removed copy is deleted with its renditions once the save commits: ``keep_public_images``)."""
    if image.is_public and not image.image:
        image.image = public_copy(image.original)
        image.save()
    elif not image.is_public and image.image:
        image.image = ""
        image.image_width = image.image_height = None
        image.save()
