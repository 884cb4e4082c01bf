"""The home page, the accessibility statement and the privacy notice. The home page's numbers are
``network.Figure`` rows; no template holds such a number."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from civica.network.models import Figure, Programme
from civica.news import selectors as news_selectors
from civica.participation.models import Process


@require_safe
def home(request):
    return render(
        request,
        "content/home.html",
        {
            "open_processes": Process.objects.published().active().order_by("ends_on")[:3],
            "programmes": Programme.objects.order_by("position", "name_ro")[:12],
            "figures": Figure.objects.all(),
            "latest_news": news_selectors.latest(3),
        },
    )


@require_safe
def accessibility(request):
    return render(request, "content/accessibility.html")


@require_safe
def privacy(request):
    return render(request, "content/privacy.html")
