"""Serving a stored PDF (documents.py), or saying it is being prepared.

A view renders the document's HTML (quick) and calls ``pdf_response``. When that version is stored, the
PDF is sent from the private storage; otherwise ``tasks.render_document`` is queued (once: a cache key
marks it as under way) and the visitor gets a short page, status 202 with ``Retry-After`` and a
refresh, saying the document is being prepared. Without a broker the task runs at once, so the PDF is
sent in the same request. Whoever may see a document is checked by the view before it calls
``pdf_response``."""

from django.core.cache import cache
from django.http import FileResponse
from django.shortcuts import render

from . import documents
from .tasks import render_document

RETRY_AFTER_SECONDS = 5


def pdf_response(request, *, name: str, html: str, filename: str):
    """The stored PDF of ``html`` (see the module's docstring), or the "being prepared" page."""
    document = documents.stored(name, html)
    if document is None:
        marker = f"civica:rendering:{name}:{documents.version_of(html)}"
        if cache.add(marker, 1, timeout=300):
            try:
                render_document.delay(name, html)
            except Exception:
                cache.delete(marker)
                raise
            document = documents.stored(name, html)  # without a broker it was rendered just now
    if document is None:
        response = render(request, "queue/preparing.html", {"retry_after": RETRY_AFTER_SECONDS}, status=202)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    response = FileResponse(documents.open_file(document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
