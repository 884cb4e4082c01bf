from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from civica.core.params import page_param

from . import selectors
from .forms import AuditFilterForm


@login_required
@require_safe
def audit_log(request):
    if not request.user.has_perm("audit.read_log"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.entries(action=filters.get("action", ""), actor=filters.get("actor", ""))
    page = Paginator(queryset, 50).get_page(page_param(request.GET))
    return render(request, "audit/audit_log.html", {
        "form": form, "page": page, "areas": selectors.action_prefixes(),
        "query": urlencode({name: value for name, value in filters.items() if value}),
    })
