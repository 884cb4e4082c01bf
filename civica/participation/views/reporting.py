"""Reporting and moderating an idea, a debate or a conversation's statement at /processes/<slug>/<kind>/<id>/report/ and
/moderate/: found in its consultation here, then handed to the moderation app's forms."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from civica.moderation.views import moderate_target, report_target

from ..lookups import moderated_or_404, process_or_404


@login_required
@require_POST
def report(request, slug, kind, pk):
    process = process_or_404(slug, request.user)
    return report_target(request, moderated_or_404(process, kind, pk))


@login_required
@require_POST
def moderate(request, slug, kind, pk):
    process = process_or_404(slug, request.user)
    return moderate_target(request, moderated_or_404(process, kind, pk))
