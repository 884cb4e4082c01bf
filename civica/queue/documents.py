"""PDF documents rendered once per version and stored in the private storage.

A document has a ``name`` (what it is: ``accountability.plan:3:ro``) and a ``version``: the hash of the
HTML it is rendered from (``version_of``), or a cheaper key its app computes without rendering anything
(the plan document's: the plan's change stamp and language), so that asking whether a version is stored
costs one query and no template. ``store_pdf`` renders a version that is not stored yet (WeasyPrint,
PDF/UA; ``store_rendered`` stores a PDF its app draws itself) and deletes the older versions of the same
name; views serve them with ``responses``.

Once per version, also when many ask at once: the first request for a version that is not stored
*claims* it (``claim``: a ``StoredDocument`` row without a file, unique per name and version, so one
``INSERT`` wins however many processes or servers try) and queues its rendering; the others see the
claim and say it is being prepared. A claim whose rendering never finished (a worker gone for good, the
broker down) may be taken again after ``CLAIM_SECONDS``.
"""

import datetime
import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import StoredDocument

logger = logging.getLogger(__name__)

# A claim older than this is taken to be lost (the plan PDF takes 2-18 s; a busy queue, minutes).
CLAIM_SECONDS = 600


def version_of(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def version_key(*parts) -> str:
    """A version made of plain values (a change stamp, a language, a template version): its hash, which
    fits ``StoredDocument.version``."""
    return hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()


def _storage():
    return storages["private"]


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=settings.CIVICA_BASE_URL).write_pdf(pdf_variant="pdf/ua-1")


def find(name: str, version: str) -> StoredDocument | None:
    """The stored PDF of this version, if it is there (not a claim)."""
    return StoredDocument.objects.filter(name=name, version=version).exclude(file="").first()


def stored(name: str, html: str) -> StoredDocument | None:
    return find(name, version_of(html))


def claim(name: str, version: str) -> bool:
    """True when the caller is the one to render this version (see the module's docstring): no one had
    claimed it, or a claim was lost. False when it is stored or being rendered."""
    try:
        with transaction.atomic():
            StoredDocument.objects.create(name=name, version=version)
        return True
    except IntegrityError:
        pass
    lost = timezone.now() - datetime.timedelta(seconds=CLAIM_SECONDS)
    row = StoredDocument.objects.filter(name=name, version=version, file="").values("pk", "created_at").first()
    if row is None or row["created_at"] > lost:
        return False
    # Only one of those taking a lost claim at once changes its time.
    return bool(StoredDocument.objects.filter(pk=row["pk"], file="", created_at=row["created_at"])
                .update(created_at=timezone.now()))


def release(name: str, version: str) -> None:
    """Give a claim back (its rendering could not even be queued)."""
    StoredDocument.objects.filter(name=name, version=version, file="").delete()


def store_pdf(*, name: str, html: str, version: str | None = None) -> StoredDocument:
    """The stored PDF of this version (by default the hash of ``html``), rendering ``html`` and storing it
    if it is not there yet."""
    return store_rendered(name=name, version=version or version_of(html), render=lambda: render_pdf(html))


def store_rendered(*, name: str, version: str, render: Callable[[], bytes]) -> StoredDocument:
    """``store_pdf`` for a PDF its app draws itself (``render()``, called only when this version is not
    stored yet): a voucher print run's part."""
    existing = find(name, version)
    if existing is not None:
        return existing
    storage = _storage()
    started = time.perf_counter()
    path = storage.save(f"documents/{version[:2]}/{version}.pdf", ContentFile(render()))
    logger.info("rendered %s (%s) in %.1f s", name, version[:12], time.perf_counter() - started)
    with transaction.atomic():
        try:
            with transaction.atomic():
                document, _ = StoredDocument.objects.get_or_create(name=name, version=version)
        except IntegrityError:  # claimed meanwhile by another run
            document = StoredDocument.objects.get(name=name, version=version)
        # Fill the claim unless another run stored the same version meanwhile.
        if not StoredDocument.objects.filter(pk=document.pk, file="").update(file=path):
            transaction.on_commit(lambda: storage.delete(path))
            return StoredDocument.objects.get(pk=document.pk)
        document.refresh_from_db()
        for old in StoredDocument.objects.filter(name=name, created_at__lte=document.created_at).exclude(
                pk=document.pk):
            if old.file:
                transaction.on_commit(lambda old_path=old.file: storage.delete(old_path))
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
        if document.file:
            transaction.on_commit(lambda path=document.file: storage.delete(path))
        document.delete()
        count += 1
    return count
