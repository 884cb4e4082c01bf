from django.shortcuts import get_object_or_404, render
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


@require_safe
def space_detail(request, slug):
    space = get_object_or_404(Space.objects.select_related("programme"), slug=slug)
    return render(request, "network/space_detail.html", {"space": space})
