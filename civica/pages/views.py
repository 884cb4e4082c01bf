"""The pages: ``/<lang>/about/``, ``ciic/``, ``accessibility/`` and ``privacy/`` for everyone, and the
editors' screens under ``/<lang>/pages/``: the list, a page's bilingual edit form (a preview renders
what was typed without saving it) and its history (a revision against the one before it, restore).
Anonymous visitors are sent to log in to the editors' screens; others without ``pages.edit`` get a
403 that says why."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.core import refusals
from civica.core.params import int_param, page_param

from . import selectors, services
from .forms import PageForm, RestoreForm

REVISIONS_PER_PAGE = 25


def _page_or_404(slug):
    page = selectors.page_by_slug(slug)
    if page is None:
        raise Http404
    return page


@require_safe
def page_detail(request, slug):
    page = _page_or_404(slug)
    return render(request, "pages/page.html", {"page": page, **selectors.section_data(page)})


def editors_only(view):
    """Log in first; then only those who may edit pages (a 403 with the reason for the others)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm("pages.edit"):
            raise PermissionDenied(_("Only the centre's editors change the site's pages."))
        return view(request, *args, **kwargs)

    return wrapper


@require_safe
@editors_only
def page_list(request):
    return render(request, "pages/page_list.html", {"pages": selectors.editor_page_list()})


@editors_only
def page_edit(request, slug):
    page = _page_or_404(slug)
    form = PageForm(request.POST or None, initial=PageForm.initial_for(page))
    preview, errors = None, []
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") != "save":
            preview = [
                (language, *(form.cleaned_data[f"{name}_{language}"] for name in ("title", "summary", "body")))
                for language in ("ro", "en")
            ]
        else:
            try:
                revision = services.save_page(
                    page=page, by=request.user, **form.page_fields(), note=form.cleaned_data["note"]
                )
            except ValidationError as error:
                errors = refusals.refusal_messages(error)
                if getattr(error, "code", None) == "conflict":
                    # Saving again replaces the revision saved meanwhile: the form is now based on it.
                    data = request.POST.copy()
                    data["based_on"] = str(_page_or_404(slug).revision)
                    form = PageForm(data, initial=form.initial)
                    form.is_valid()
            else:
                if revision is None:
                    messages.info(request, _("Nothing had changed: the page is as it was."))
                else:
                    messages.success(
                        request, _("The page is saved (revision %(number)s).") % {"number": revision.number}
                    )
                return redirect(page.get_absolute_url())
    return render(request, "pages/page_edit.html", {"page": page, "form": form, "preview": preview, "errors": errors})


@require_safe
@editors_only
def page_history(request, slug):
    page = _page_or_404(slug)
    listing = Paginator(selectors.revisions(page), REVISIONS_PER_PAGE).get_page(page_param(request.GET))
    number = int_param(request.GET, "revision", minimum=1, maximum=2**31 - 1, default=page.revision)
    shown, previous = selectors.revision_with_previous(page, number)
    return render(
        request,
        "pages/page_history.html",
        {
            "page": page,
            "listing": listing,
            "shown": shown,
            "previous": previous,
            "diff": selectors.revision_diff(shown, previous) if shown else [],
        },
    )


@require_POST
@editors_only
def page_restore(request, slug):
    page = _page_or_404(slug)
    form = RestoreForm(request.POST)
    history = reverse("pages:history", args=[page.slug])
    if not form.is_valid():
        messages.error(request, _("Choose a revision to restore."))
        return redirect(history)
    shown, _previous = selectors.revision_with_previous(page, form.cleaned_data["revision"])
    if shown is None:
        raise Http404
    try:
        revision = services.restore_revision(revision=shown, by=request.user)
    except (PermissionDenied, ValidationError) as error:
        refusals.show_refusal(request, error)
        return redirect(history)
    if revision is None:
        messages.info(request, _("The page already reads as revision %(number)s.") % {"number": shown.number})
        return redirect(history)
    messages.success(
        request, _("Revision %(old)s is restored as revision %(new)s.") % {"old": shown.number, "new": revision.number}
    )
    return redirect(f"{history}?revision={revision.number}")
