import datetime

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import selectors
from .models import Category, Organisation, Programme, Space


@require_safe
def organisation_list(request):
    category = request.GET.get("category") or None
    return render(
        request,
        "network/organisation_list.html",
        {
            "organisations": selectors.organisation_directory(category=category),
            "categories": Category.choices,
            "selected_category": category if category in Category.values else None,
        },
    )


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "network/organisation_detail.html",
        {"organisation": organisation, "programmes": list(organisation.programmes.order_by("position"))},
    )


@require_safe
def programme_list(request):
    return render(request, "network/programme_list.html", {"programmes": selectors.programme_list()})


@require_safe
def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("organisation"), slug=slug)
    return render(request, "network/programme_detail.html",
                  {"programme": programme, "spaces": list(programme.spaces.order_by("position", "name_ro"))})


@require_safe
def space_list(request):
    return render(request, "network/space_list.html", {"spaces": selectors.space_list()})


def _first_day(value) -> datetime.date:
    """The agenda's first day from ``?from=YYYY-MM-DD``; today when missing or not a date."""
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        return timezone.localdate()
    return day if 1900 <= day.year <= 2200 else timezone.localdate()


@require_safe
def space_detail(request, slug):
    space = get_object_or_404(Space.objects.select_related("programme"), slug=slug)
    first_day = _first_day(request.GET.get("from"))
    days = selectors.AGENDA_DAYS
    return render(request, "network/space_detail.html", {
        "space": space, "meetings": selectors.space_upcoming_meetings(space),
        "agenda": selectors.space_agenda(space, first_day=first_day, days=days),
        "first_day": first_day, "last_day": first_day + datetime.timedelta(days=days - 1),
        "earlier": first_day - datetime.timedelta(days=days), "later": first_day + datetime.timedelta(days=days),
    })
