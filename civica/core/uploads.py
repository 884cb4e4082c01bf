"""Upload checks shared by every form that takes files: size, and the real type of the content;
and what is kept of an upload: images re-encoded without metadata, PDFs without document
metadata, random names, private files in their own storage.

- Every image goes through ``reencode_image`` (no EXIF, XMP or ICC); PDFs of applications through
  ``strip_pdf_metadata`` (pikepdf); stored names are random (``RandomName``).
- Public files are in the default storage (MEDIA_ROOT, served at ``/media/`` by the web server or, with
  ``CIVICA_SERVE_MEDIA``, by ``core.views.media``); private ones in ``STORAGES["private"]``, served only
  by views that check permissions.
- Public images get smaller copies for ``srcset`` (``make_renditions``: WebP 480/960/1600 px wide, never
  wider than the original), stored next to it as ``<its random name>-<width>.webp``; the row keeps the
  original's size in ``<field>_width``/``<field>_height`` so pages reserve the space (no layout shift).
  ``keep_renditions`` connects that to a model; the ``responsive_image`` tag (core/templatetags/images.py)
  renders them.
- ``delete_stored_files`` removes a row's files (and an image's renditions) once its deletion commits;
  ``delete_replaced_files`` a file replaced or cleared on a row once the save commits."""

import io
import uuid
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}


def check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )


def check_image(upload):
    """An ImageField has already opened the file with Pillow; we restrict the formats and size."""
    check_size(upload, MAX_IMAGE_BYTES)
    image_format = getattr(getattr(upload, "image", None), "format", None)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(_("Please upload a JPEG, PNG or WebP image."))
    return upload


def check_new_image(upload):
    """``check_image`` for a file just uploaded through a form's ImageField, then re-encoded without
    its metadata under a random name (``reencode_image``); a file already stored (the form shows it
    again) or none at all passes as it is."""
    if upload and hasattr(upload, "image"):
        check_image(upload)
        return reencode_image(upload)
    return upload


class PublicImageFormMixin:
    """For a ModelForm (a staff screen, an admin) with the ``image`` and ``image_alt`` fields: the
    image checked and re-encoded like every upload (``check_new_image``), and described when there
    is one."""

    def clean_image(self):
        return check_new_image(self.cleaned_data.get("image"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        return cleaned


def check_pdf(upload):
    check_size(upload, MAX_DOCUMENT_BYTES)
    start = upload.read(5)
    upload.seek(0)
    if start != b"%PDF-" or not upload.name.lower().endswith(".pdf"):
        raise ValidationError(_("Please upload a PDF document."))
    return upload


SIGNATURES = {"pdf": (b"%PDF-",), "png": (b"\x89PNG\r\n\x1a\n",), "jpeg": (b"\xff\xd8\xff",)}
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}
EXTENSIONS = {"pdf": "pdf", "png": "png", "jpeg": "jpg"}


def sniff_type(upload) -> str | None:
    """The real type of an uploaded file from its first bytes (never from its name or header)."""
    start = upload.read(16)
    upload.seek(0)
    for kind, signatures in SIGNATURES.items():
        if any(start.startswith(signature) for signature in signatures):
            return kind
    return None


def check_file(upload, *, allowed_types, max_bytes) -> str:
    """Refuse a file of a type not allowed or over the size; return its real type."""
    check_size(upload, max_bytes)
    kind = sniff_type(upload)
    if kind is None or kind not in allowed_types:
        names = ", ".join(sorted(EXTENSIONS[allowed].upper() for allowed in allowed_types))
        raise ValidationError(_("This file is not of an accepted type (%(types)s).") % {"types": names})
    return kind


# --- What is kept of an upload: no metadata, never the uploader's file name ---------------------

def random_name(extension: str) -> str:
    """A file name that says nothing and cannot be guessed: 32 hexadecimal digits."""
    return f"{uuid.uuid4().hex}.{extension.lower().lstrip('.')}"


@deconstructible
class RandomName:
    """``upload_to`` for a folder: every stored file gets a random name, keeping only its extension."""

    def __init__(self, folder):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename):
        extension = PurePosixPath(filename).suffix.lstrip(".") or "bin"
        return f"{self.folder}/{random_name(extension[:5])}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


@deconstructible
class ImagesFolder:
    """``upload_to`` for ``core.models.PublicImage``: a random name in ``images/<model>s/`` (a call's
    image in ``images/calls/``), so one abstract field serves every kind of row."""

    def __call__(self, instance, filename):
        return RandomName(f"images/{instance._meta.model_name}s")(instance, filename)

    def __eq__(self, other):
        return isinstance(other, ImagesFolder)


def private_storage():
    """Files only permission-checked views serve (``STORAGES["private"]``, outside MEDIA_ROOT)."""
    return storages["private"]


IMAGE_SAVE = {"JPEG": ("jpg", {"quality": 90, "optimize": True}), "PNG": ("png", {"optimize": True}),
              "WEBP": ("webp", {"quality": 90})}


def reencode_image(upload) -> ContentFile:
    """The one place every uploaded image goes through: the pixels drawn again, turned the way the
    camera meant, without EXIF (GPS, author, camera), XMP, ICC profile or text chunks, under a random
    name. A file Pillow cannot decode is refused."""
    upload.seek(0)
    try:
        with Image.open(upload) as opened:
            image_format = opened.format
            if image_format not in IMAGE_SAVE:
                raise ValidationError(_("Please upload a JPEG, PNG or WebP image."))
            upright = ImageOps.exif_transpose(opened)
            upright.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This image cannot be read. Please upload a JPEG, PNG or WebP image.")) from error
    finally:
        upload.seek(0)
    clean = upright.copy()
    clean.info = {}  # Pillow would otherwise write the ICC profile and EXIF it read back out
    extension, options = IMAGE_SAVE[image_format]
    if image_format == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    buffer = io.BytesIO()
    clean.save(buffer, format=image_format, **options)
    return ContentFile(buffer.getvalue(), name=random_name(extension))


def strip_pdf_metadata(upload) -> bytes:
    """The PDF without its document information (Author, Title, Creator…) nor any XMP metadata
    stream; a PDF that cannot be opened (damaged, or locked with a password) is refused."""
    import pikepdf

    upload.seek(0)
    try:
        with pikepdf.open(io.BytesIO(upload.read())) as pdf:
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            for item in pdf.objects:
                if isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)) and "/Metadata" in item:
                    del item["/Metadata"]
            buffer = io.BytesIO()
            pdf.save(buffer, fix_metadata_version=False)
    except pikepdf.PdfError as error:  # PasswordError is one
        raise ValidationError(_("This PDF cannot be opened (damaged, or protected by a password). "
                                "Please save it again as a PDF and upload that.")) from error
    finally:
        upload.seek(0)
    return buffer.getvalue()


# --- Renditions: smaller copies of a public image for srcset -------------------------------------

RENDITION_WIDTHS = (480, 960, 1600)
RENDITION_OPTIONS = {"quality": 82, "method": 4}


def rendition_name(name: str, width: int) -> str:
    """Where the ``width`` px copy of the stored image ``name`` lives: next to it, same random stem."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{width}.webp"))


def rendition_widths(original_width: int | None) -> list[int]:
    """The widths made for an image this wide: never wider than the original itself."""
    return [width for width in RENDITION_WIDTHS if original_width and width <= original_width]


def make_renditions(stored) -> tuple[int, int]:
    """Draw the WebP copies of a stored image (an ``ImageFieldFile``) and return its size; a copy
    already there is replaced. Pixels only, like ``reencode_image``: no metadata is carried over."""
    storage = stored.storage
    with storage.open(stored.name, "rb") as handle, Image.open(handle) as opened:
        opened.load()
        original = opened.convert("RGBA" if opened.mode in ("RGBA", "LA", "P") else "RGB")
    width, height = original.size
    for target in rendition_widths(width):
        copy = original if target == width else original.resize(
            (target, max(1, round(height * target / width))), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, format="WEBP", **RENDITION_OPTIONS)
        name = rendition_name(stored.name, target)
        storage.delete(name)
        storage.save(name, ContentFile(buffer.getvalue()))
    return width, height


def delete_with_renditions(storage, path):
    storage.delete(path)
    if PurePosixPath(path).suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"):
        for width in RENDITION_WIDTHS:
            storage.delete(rendition_name(path, width))


def keep_renditions(model, *field_names):
    """Connect to ``model``: an image newly stored in one of ``field_names`` gets its renditions and
    its size in ``<field>_width``/``<field>_height`` once saved (one UPDATE, on uploads only)."""
    from django.db.models.signals import post_save, pre_save

    def note_new(sender, instance, raw=False, **kwargs):
        if raw:
            return
        instance._new_images = [name for name in field_names
                                if getattr(instance, name) and not getattr(instance, name)._committed]

    def draw(sender, instance, raw=False, **kwargs):
        for name in getattr(instance, "_new_images", ()):
            width, height = make_renditions(getattr(instance, name))
            size = {f"{name}_width": width, f"{name}_height": height}
            sender._base_manager.filter(pk=instance.pk).update(**size)
            for attribute, value in size.items():
                setattr(instance, attribute, value)
        instance._new_images = []

    uid = f"{model._meta.label_lower}.renditions"
    pre_save.connect(note_new, sender=model, weak=False, dispatch_uid=f"{uid}.note")
    post_save.connect(draw, sender=model, weak=False, dispatch_uid=f"{uid}.draw")


def keep_public_images(model, *field_names):
    """Everything a model's public image fields need: renditions and size on upload; the file and
    its renditions deleted with the row, or when replaced or cleared."""
    from django.db.models.signals import post_delete, pre_save

    uid = f"{model._meta.label_lower}.images"
    keep_renditions(model, *field_names)
    post_delete.connect(delete_stored_files(*field_names), sender=model, weak=False, dispatch_uid=f"{uid}.delete")
    pre_save.connect(delete_replaced_files(*field_names), sender=model, weak=False, dispatch_uid=f"{uid}.replace")


def delete_stored_files(*field_names):
    """A ``post_delete`` receiver: the row's stored files go with it, once the deletion is committed."""

    def receiver(sender, instance, **kwargs):
        for name in field_names:
            stored = getattr(instance, name)
            if stored and stored.name:
                storage, path = stored.storage, stored.name
                transaction.on_commit(lambda storage=storage, path=path: delete_with_renditions(storage, path))

    return receiver


def delete_replaced_files(*field_names):
    """A ``pre_save`` receiver: a stored file replaced or cleared on a row is deleted once the save
    commits (an idea's author changing the photo expects the old one gone)."""

    def receiver(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or instance._state.adding or instance.pk is None:
            return
        names = [name for name in field_names if update_fields is None or name in update_fields]
        before = sender._base_manager.filter(pk=instance.pk).values(*names).first() if names else None
        for name in names if before else ():
            stored = getattr(instance, name)
            if before[name] and before[name] != (getattr(stored, "name", None) or ""):
                storage, path = sender._meta.get_field(name).storage, before[name]
                transaction.on_commit(lambda storage=storage, path=path: delete_with_renditions(storage, path))

    return receiver


def overlaps(first, second) -> bool:
    """Whether one folder is inside the other (or they are the same)."""
    first, second = Path(first).resolve(), Path(second).resolve()
    return first.is_relative_to(second) or second.is_relative_to(first)


def check_private_storage(app_configs=None, **kwargs):
    """System check: the private storage is never inside the public media folder (nor the reverse)."""
    from django.conf import settings
    from django.core.checks import Error

    private = settings.STORAGES.get("private")
    if private is None:
        return [Error("STORAGES has no 'private' storage for applications' files.", id="civica.E001")]
    location = private.get("OPTIONS", {}).get("location")
    if "FileSystemStorage" in private.get("BACKEND", "") and location and overlaps(location, settings.MEDIA_ROOT):
        return [Error("The private storage (CIVICA_PRIVATE_ROOT) must be outside MEDIA_ROOT, which is public.",
                      hint="Set CIVICA_PRIVATE_ROOT to a folder the web server does not serve.", id="civica.E002")]
    return []
