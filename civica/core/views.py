from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.views import static
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
def public_media(request, path):
    """A file of the public media folder (MEDIA_URL from MEDIA_ROOT), only where CIVICA_SERVE_MEDIA allows
    it: development and the demo, which run without a web server in front (DEBUG is off in the demo)."""
    if not settings.CIVICA_SERVE_MEDIA:
        raise Http404
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)
