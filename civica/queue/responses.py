"""Serving a stored PDF (documents.py), or saying it is being prepared.

``stored_pdf_response(request, name=, version=, filename=, render=)`` is for a document whose version its
app knows without rendering it (the plan's: its change stamp): one query says whether it is stored. When
it is, the PDF is sent from the private storage. When it is not, the first request claims that version
(``documents.claim``) and calls ``render()``, which queues the app's task; every request meanwhile, and
every other request at once, gets a short page, status 202 with ``Retry-After`` and a refresh, saying the
document is being prepared: never a second rendering of the same version. Without a broker the task runs
at once, so the claimant gets the PDF in the same request.

``pdf_response(request, name=, html=, filename=)`` does the same for a document whose version is the hash
of its HTML (a receipt, a workshop report: rendered by the view, then hashed).

Whoever may see a document is checked by the view before it calls either."""

from django.http import FileResponse
from django.shortcuts import render as render_page

from . import documents
from .tasks import render_document

RETRY_AFTER_SECONDS = 5


def stored_pdf_response(request, *, name: str, version: str, filename: str, render):
    """The stored PDF of ``name`` at ``version``, or the "being prepared" page (module docstring)."""
    document = documents.find(name, version)
    if document is None and documents.claim(name, version):
        try:
            render()
        except Exception:
            documents.release(name, version)
            raise
        document = documents.find(name, version)  # without a broker it was rendered just now
    if document is None:
        response = render_page(request, "queue/preparing.html", {"retry_after": RETRY_AFTER_SECONDS}, status=202)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    response = FileResponse(documents.open_file(document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def pdf_response(request, *, name: str, html: str, filename: str):
    """The stored PDF of ``html`` (see the module's docstring), or the "being prepared" page."""
    version = documents.version_of(html)
    return stored_pdf_response(request, name=name, version=version, filename=filename,
                               render=lambda: render_document.delay(name, html, version))
