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
