"""Core's own pages: ``/healthz`` (liveness and database reachability, outside the language prefix)
and ``media`` (public uploads when ``CIVICA_SERVE_MEDIA`` lets Civica serve them itself)."""

import mimetypes

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """Liveness and database reachability, for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def media(request, path):
    """Public uploads (MEDIA_ROOT, the default storage) when Civica serves them itself
    (``CIVICA_SERVE_MEDIA``: development, the demo, a small site without a web server in front).
    Private files are in another storage and never reachable here."""
    if not settings.CIVICA_SERVE_MEDIA:
        raise Http404
    try:
        if not path or path.endswith("/") or not default_storage.exists(path):
            raise Http404
        handle = default_storage.open(path, "rb")
    except (SuspiciousFileOperation, OSError, ValueError) as error:
        raise Http404 from error
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
