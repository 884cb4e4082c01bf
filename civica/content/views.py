"""The home page. Its numbers are ``network.Figure`` rows; no template holds such a number. (The
accessibility statement and the privacy notice are pages of the pages app.)"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from civica.calls.models import Call
from civica.meetings.models import Meeting
from civica.network.models import Figure, Programme
from civica.news import selectors as news_selectors
from civica.participation.models import Process

HOME_CARDS = 3
HOME_PROGRAMMES = 6


@require_safe
def home(request):
    return render(
        request,
        "content/home.html",
        {
            "open_processes": Process.objects.published().active().order_by("ends_on")[:HOME_CARDS],
            "open_calls": Call.objects.open_now().select_related("programme").order_by("closes_at")[:HOME_CARDS],
            "upcoming_meetings": Meeting.objects.published().not_cancelled().upcoming().select_related("space")
            .order_by("starts_at")[:HOME_CARDS],
            "programmes": Programme.objects.order_by("position", "name_ro")[:HOME_PROGRAMMES],
            "figures": Figure.objects.all(),
            "latest_news": news_selectors.latest(HOME_CARDS),
        },
    )

