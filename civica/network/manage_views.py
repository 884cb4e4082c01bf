"""The staff's screens for the network (``/network/manage/…``): an overview, then the organisations
(with their representatives: added by the e-mail of an existing account, removed), the programmes, the
spaces (opening status, terms, bookable or not) and the figures about the centre, each listed, created
and edited with its Romanian and English fields side by side; programmes, spaces and figures are
ordered with "move up / move down".
Anonymous visitors log in first; others without the right get a 403 that says why. A refused save
shows the form again with everything typed and the reasons beside the fields."""


from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.forms import save_posted
from civica.core.params import page_param

from . import selectors, services
from .forms import FigureForm, OrganisationForm, ProgrammeForm, RepresentativeForm, SpaceForm
from .models import Figure, Organisation, Programme, Representation, Space

ORGANISATIONS_PER_PAGE = 50


# Log in first, then only who may manage the network (a 403 with the reason otherwise).
staff_only = refusals.permission_required("network.manage_network",
                                          gettext_lazy("The network is managed by the centre's editors."))




@require_safe
@staff_only
def manage(request):
    return render(request, "network/manage/index.html", selectors.manage_overview())


@require_safe
@staff_only
def organisations(request):
    page = Paginator(selectors.manage_organisations(), ORGANISATIONS_PER_PAGE).get_page(page_param(request.GET))
    return render(request, "network/manage/organisation_list.html", {"page": page, "organisations": page.object_list})


def _organisation_form(request, organisation):
    form = OrganisationForm(request.POST or None, instance=organisation or Organisation())
    saved = save_posted(request, form, lambda data: services.organisation_save(
              organisation=organisation, by=request.user, **data), _("The organisation is saved."))
    if saved:
        return redirect("network:manage_organisation", slug=saved.slug)
    context = {"form": form, "organisation": organisation, "representative_form": RepresentativeForm()}
    if organisation is not None:
        context["representations"] = selectors.organisation_representatives(organisation)
        context["can_manage_representatives"] = request.user.has_perm(
            "network.manage_representatives", organisation)
    return render(request, "network/manage/organisation_form.html", context)


@staff_only
def organisation_new(request):
    return _organisation_form(request, None)


@staff_only
def organisation_edit(request, slug):
    return _organisation_form(request, get_object_or_404(Organisation, slug=slug))


@staff_only
def representative_add(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("network.manage_representatives", organisation):
        raise PermissionDenied(_("Only administrators confirm who represents an organisation."))
    form = RepresentativeForm(request.POST or None)
    if save_posted(request, form, lambda data: services.representative_add(organisation=organisation, by=request.user,
                                                                           **data),
                   _("The representative is added.")):
        return redirect("network:manage_organisation", slug=organisation.slug)
    return render(request, "network/manage/representative_add.html", {
        "organisation": organisation, "form": form})


@require_POST
@staff_only
def representative_remove(request, slug, pk):
    representation = get_object_or_404(Representation.objects.select_related("user", "organisation"), pk=pk,
                                       organisation__slug=slug)
    try:
        services.representative_remove(representation=representation, by=request.user)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        messages.success(request, _("%(person)s no longer represents the organisation.") % {
            "person": representation.user.email})
    return redirect("network:manage_organisation", slug=slug)


@require_safe
@staff_only
def programmes(request):
    return render(request, "network/manage/programme_list.html", {"programmes": selectors.programme_list()})


def _programme_form(request, programme):
    form = ProgrammeForm(request.POST or None, request.FILES or None, instance=programme or Programme())
    saved = save_posted(request, form,
                        lambda data: services.programme_save(programme=programme, by=request.user, **data),
                        _("The programme is saved."))
    if saved:
        return redirect("network:manage_programme", slug=saved.slug)
    return render(request, "network/manage/programme_form.html", {"form": form, "programme": programme})


@staff_only
def programme_new(request):
    return _programme_form(request, None)


@staff_only
def programme_edit(request, slug):
    return _programme_form(request, get_object_or_404(Programme, slug=slug))


@require_safe
@staff_only
def spaces(request):
    return render(request, "network/manage/space_list.html", {"spaces": selectors.space_list()})


def _space_form(request, space):
    form = SpaceForm(request.POST or None, request.FILES or None, instance=space or Space())
    saved = save_posted(request, form, lambda data: services.space_save(space=space, by=request.user, **data),
                        _("The space is saved."))
    if saved:
        return redirect("network:manage_space", slug=saved.slug)
    return render(request, "network/manage/space_form.html", {"form": form, "space": space})


@staff_only
def space_new(request):
    return _space_form(request, None)


@staff_only
def space_edit(request, slug):
    return _space_form(request, get_object_or_404(Space, slug=slug))


@require_safe
@staff_only
def figures(request):
    return render(request, "network/manage/figure_list.html", {"figures": list(Figure.objects.all())})


def _figure_form(request, figure):
    form = FigureForm(request.POST or None, instance=figure or Figure())
    saved = save_posted(request, form, lambda data: services.figure_save(figure=figure, by=request.user, **data),
                        _("The figure is saved."))
    if saved:
        return redirect("network:manage_figure", key=saved.key)
    return render(request, "network/manage/figure_form.html", {"form": form, "figure": figure})


@staff_only
def figure_new(request):
    return _figure_form(request, None)


@staff_only
def figure_edit(request, key):
    return _figure_form(request, get_object_or_404(Figure, key=key))


@require_POST
@staff_only
def position_move(request, kind, slug):
    model, back, field = {"programmes": (Programme, "network:manage_programmes", "slug"),
                          "spaces": (Space, "network:manage_spaces", "slug"),
                          "figures": (Figure, "network:manage_figures", "key")}[kind]
    row = get_object_or_404(model, **{field: slug})
    services.position_move(row=row, up=request.POST.get("direction") != "down", by=request.user)
    return redirect(f"{reverse(back)}#{kind}-{slug}")
