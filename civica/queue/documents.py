"""PDF documents rendered once per version and stored in the private storage.

A document has a ``name`` (what it is: ``accountability.plan:3:ro``) and a version, the hash of the HTML
it is rendered from. ``store_pdf`` renders a version that is not stored yet (WeasyPrint, PDF/UA) and
deletes the older versions of the same name; views serve them with ``responses.pdf_response``."""

import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, transaction

from .models import StoredDocument

logger = logging.getLogger(__name__)


def version_of(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def _storage():
    return storages["private"]


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=settings.CIVICA_BASE_URL).write_pdf(pdf_variant="pdf/ua-1")


def stored(name: str, html: str) -> StoredDocument | None:
    return StoredDocument.objects.filter(name=name, version=version_of(html)).first()


def store_pdf(*, name: str, html: str) -> StoredDocument:
    """The stored PDF of this version of ``html``, rendering and storing it if it is not there yet."""
    version = version_of(html)
    existing = StoredDocument.objects.filter(name=name, version=version).first()
    if existing is not None:
        return existing
    storage = _storage()
    path = storage.save(f"documents/{version[:2]}/{version}.pdf", ContentFile(render_pdf(html)))
    try:
        with transaction.atomic():
            document = StoredDocument.objects.create(name=name, version=version, file=path)
    except IntegrityError:  # another run stored the same version meanwhile
        storage.delete(path)
        return StoredDocument.objects.get(name=name, version=version)
    for old in StoredDocument.objects.filter(name=name).exclude(pk=document.pk):
        storage.delete(old.file)
        old.delete()
    return document


def read(document: StoredDocument) -> bytes:
    with _storage().open(document.file) as handle:
        return handle.read()


def open_file(document: StoredDocument):
    return _storage().open(document.file)


def forget(name_prefix: str) -> int:
    """Delete every stored version of the documents whose name starts with ``name_prefix`` (a person's
    receipts when their account is deleted); the files go after the transaction commits."""
    storage, count = _storage(), 0
    for document in StoredDocument.objects.filter(name__startswith=name_prefix):
        transaction.on_commit(lambda path=document.file: storage.delete(path))
        document.delete()
        count += 1
    return count
