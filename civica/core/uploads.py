"""Upload checks shared by every form that takes files: size, and the real type of the content."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
    """``check_image`` for a file just uploaded through a form's ImageField; a file already
    stored (the form shows it again) or none at all passes as it is."""
    if upload and hasattr(upload, "image"):
        check_image(upload)
    return upload


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
