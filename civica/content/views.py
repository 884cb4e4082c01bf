"""The home page. Its numbers are ``network.Figure`` rows, counted from the records or stated by a source
(``network.selectors.shown_figures``), each linking to where it comes from; no template holds such a number. (The
accessibility statement and the privacy notice are pages of the pages app.)

The page is the same for everyone (``@shared_page``: kept once, for visitors and signed-in people
alike); what differs for a signed-in person, the hero's sign-up button and the account card's link,
are personal parts (``parts.py``), as are the header's account menu and unread count (core's). It
spans the whole site, so it has no scope: any write elsewhere makes it stale."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from civica.calls.models import Call
from civica.core.page_cache import shared_page
from civica.meetings.models import Meeting
from civica.network import selectors as network_selectors
from civica.network.models import Programme
from civica.news import selectors as news_selectors
from civica.participation.models import Process

HOME_CARDS = 3
HOME_PROGRAMMES = 6


@shared_page
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
            "figures": network_selectors.shown_figures(),
            "latest_news": news_selectors.latest(HOME_CARDS),
        },
    )

