"""The pages of a world-café workshop: the workshop (a summary, then its sections with a contents
list), the room screen for a projector (its own full-screen template: round and countdown, refreshed by
htmx until the workshop has ended), the live wall (htmx polling until the workshop is closed, complete on
a plain reload, notes coloured by table beside the table's name), the table page for phones
(opened by a signed link, with its QR code drawn by ``segno``), the harvest page (with themes there, it
says first that every theme stays and that the new notes will be offered for placement; the harvest
itself is run by the queue, and its own page says it is under way until it shows the result), and the report
as HTML and PDF (``static/css/document.css``, shared with the plan document, inlined by
``{% inline_static %}`` for WeasyPrint).

Each action of the workshop page is a small view at its own address (``rounds/next/``, ``close/``,
``harvest/first/``, ``themes/rename/``, ``themes/merge/``, ``notes/move/``, ``dots/``, ``action-plan/``,
``action-plan/to-activity/``) reading its values through its own form (forms.py): a forged id is a
message, with what was typed kept. A stale page posting ``action=…`` to the workshop's address is
handed to the same view."""

import functools
import io
import secrets

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from civica.core import refusals
from civica.queue.responses import pdf_response

from . import forms, selectors, services
from .models import Contribution, HarvestStatus

AUTHOR_COOKIE, AUTHOR_SALT = "civica_author", "civica.workshop.author"


def _workshop_or_404(slug):
    workshop = selectors.workshop_for_page(slug)
    if workshop is None:
        raise Http404
    return workshop


def _tables(workshop):
    return list(workshop.tables.select_related("question", "facilitator"))


def _start_round(request, workshop, data):
    started = services.start_next_round(workshop=workshop, by=request.user)
    return _("Round %(number)s has started.") % {"number": started.number}


def _close(request, workshop, data):
    services.close(workshop=workshop, by=request.user)
    return _("The workshop is closed: table links no longer work.")


def _harvest(request, workshop, data):
    return _harvest_answer(request, workshop, services.harvest_request(workshop=workshop, by=request.user))


def _harvest_answer(request, workshop, harvest):
    """Where an editor goes once a harvest is asked for: while the queue runs it, its page (under way);
    done, the workshop's themes (a first harvest) or the notes to place (a later one), with what it
    found; failed, the harvest page to ask again. Without a broker the task has run already."""
    harvest.refresh_from_db()
    if harvest.status == HarvestStatus.QUEUED:
        return redirect("workshops:harvest_status", slug=workshop.slug, pk=harvest.pk)
    if harvest.status == HarvestStatus.FAILED:
        messages.error(request, _("The harvest could not be completed: ask for it again."))
        return redirect("workshops:harvest", slug=workshop.slug)
    if harvest.notes_offered:
        messages.success(request, ngettext(
            "Every theme was kept. %(count)s new note waits for its place.",
            "Every theme was kept. %(count)s new notes wait for their place.",
            harvest.notes_offered) % {"count": harvest.notes_offered})
        return redirect("workshops:manage_place", slug=workshop.slug)
    if harvest.themes_found:
        messages.success(request, ngettext("%(count)s theme found.", "%(count)s themes found.",
                                           harvest.themes_found) % {"count": harvest.themes_found})
    else:
        messages.info(request, _("Every note is in a theme: there is nothing new to harvest."))
    return redirect(workshop.get_absolute_url())


def _rename(request, workshop, data):
    services.theme_rename(theme=data["theme"], by=request.user, label=data["label"])
    return None


def _merge(request, workshop, data):
    services.theme_merge(into=data["theme"], other=data["other"], by=request.user)
    return None


def _move(request, workshop, data):
    theme = data["theme"]
    if theme == forms.NEW_THEME:
        theme = services.theme_create(workshop=workshop, by=request.user, label=data["label"])
    services.contribution_move(contribution=data["contribution"], theme=theme, by=request.user)
    return None


def _dot(request, workshop, data):
    services.dot_vote(theme=data["theme"], by=request.user)
    return _("Your dot is on “%(label)s”.") % {"label": data["theme"].label}


def _action(request, workshop, data):
    services.action_add(workshop=workshop, by=request.user, title=data["title"], description=data["description"],
                         owner=data["owner"], due_on=data["due_on"], themes=data["themes"])
    return _("Added to the action plan.")


def _to_activity(request, workshop, data):
    services.action_to_activity(item=data["item"], plan=data["plan"], programme=data["programme"], by=request.user)
    return _("The action is now an activity of %(plan)s.") % {"plan": data["plan"].translated("title")}


def _act(request, slug, action, form_class, handler):
    """One action of the workshop page: its form reads the values posted; refused or invalid, the
    page is shown again with the message and what was typed; done, back to the page."""
    workshop = _workshop_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(workshop.get_absolute_url())
    form = form_class(request.POST, workshop=workshop)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _workshop_page(request, workshop, failed=(action, request.POST), status=400)
    try:
        done = handler(request, workshop, form.cleaned_data)
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
        return _workshop_page(request, workshop, failed=(action, request.POST), status=400)
    if isinstance(done, HttpResponseBase):
        return done
    if done:
        messages.success(request, done)
    return redirect(workshop.get_absolute_url())


def _form_errors(form):
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def _action_view(view):
    """An action's address takes a POST; anything else (a reload, the language switcher on a page shown
    again after a refusal) goes to the workshop's page."""
    @functools.wraps(view)
    def wrapped(request, slug):
        if request.method != "POST":
            return redirect("workshops:detail", slug=slug)
        return view(request, slug)

    return wrapped


# One small view per action of the workshop page, each posted to its own address with its own form.
@_action_view
def start_round(request, slug):
    return _act(request, slug, "start_round", forms.NoFieldsForm, _start_round)


@_action_view
def close_workshop(request, slug):
    return _act(request, slug, "close", forms.NoFieldsForm, _close)


@_action_view
def harvest_first(request, slug):
    """The first harvest, from the workshop page; with themes there, the harvest page asks first."""
    workshop = _workshop_or_404(slug)
    if request.user.is_authenticated and workshop.themes.exists():
        return redirect("workshops:harvest", slug=workshop.slug)
    return _act(request, slug, "harvest", forms.NoFieldsForm, _harvest)


@_action_view
def theme_rename(request, slug):
    return _act(request, slug, "rename", forms.RenameForm, _rename)


@_action_view
def theme_merge(request, slug):
    return _act(request, slug, "merge", forms.MergeForm, _merge)


@_action_view
def note_move(request, slug):
    return _act(request, slug, "move", forms.MoveForm, _move)


@_action_view
def dot(request, slug):
    return _act(request, slug, "dot", forms.ThemeForm, _dot)


@_action_view
def action_add(request, slug):
    return _act(request, slug, "action", forms.ActionForm, _action)


@_action_view
def action_to_activity(request, slug):
    return _act(request, slug, "to_activity", forms.ToActivityForm, _to_activity)


# A page loaded before the actions had their own addresses posts ``action=…`` to the workshop's
# address: it is handed to the action's view, so nothing typed there is lost.
ACTIONS = {
    "start_round": start_round, "close": close_workshop, "harvest": harvest_first, "rename": theme_rename,
    "merge": theme_merge, "move": note_move, "dot": dot, "action": action_add, "to_activity": action_to_activity,
}


def workshop_detail(request, slug):
    if request.method == "POST":
        view = ACTIONS.get(request.POST.get("action"))
        if view is not None:
            return view(request, slug)
        workshop = _workshop_or_404(slug)
        if not request.user.is_authenticated:
            return redirect_to_login(workshop.get_absolute_url())
        messages.error(request, _("This action is not known: reload the page and try again."))
        return _workshop_page(request, workshop, status=400)
    return _workshop_page(request, _workshop_or_404(slug))


def _workshop_page(request, workshop, *, failed=None, status=200):
    user = request.user
    can_manage = user.has_perm("workshops.manage", workshop)
    themes = list(workshop.themes.prefetch_related("contributions__table"))
    tables = list(workshop.tables.select_related("question", "facilitator").annotate(note_count=Count("contributions")))
    results = selectors.dot_results(workshop) if themes else []
    action_items = list(workshop.action_items.prefetch_related("themes").select_related("activity__plan"))
    rounds = list(workshop.rounds.all())
    failed_action, typed = (failed[0], failed[1].dict()) if failed else (None, {})
    return render(request, "workshops/workshop_detail.html", {
        "workshop": workshop, "tables": tables, "current_round": workshop.current_round(),
        "can_manage": can_manage, "can_run": user.has_perm("workshops.run", workshop),
        "themes": themes, "results": results, "rounds": rounds,
        "dot_rows": [(theme.label, theme.dot_count) for theme in results],
        "summary": {"tables": len(tables), "rounds": len(rounds),
                    "rounds_held": sum(1 for round_ in rounds if round_.started_at),
                    "notes": sum(table.note_count for table in tables), "themes": len(themes),
                    "dots": sum(theme.dot_count for theme in results), "actions": len(action_items)},
        "dots_left": workshop.dots_per_person - (workshop.themes.filter(dots__voter=user).count()
                                                 if user.is_authenticated else 0),
        "table_links": [(table, request.build_absolute_uri(
            reverse("workshops:table", args=[workshop.slug, selectors.table_token(table)])))
            for table in tables] if can_manage else [],
        "action_items": action_items,
        "plans": _plans() if can_manage else [], "programmes": _programmes() if can_manage else [],
        "unplaced_count": sum(table.note_count for table in tables) - sum(
            len(theme.contributions.all()) for theme in themes) if themes else 0,
        "failed_action": failed_action, "typed": typed,
        "typed_themes": failed[1].getlist("themes") if failed else [],
    }, status=status)


def _editor_or_refusal(request, workshop):
    """None when the person may harvest ``workshop``; otherwise the log-in page for a visitor (an
    editor refused raises)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("workshops.manage", workshop):
        raise PermissionDenied(_("Only editors harvest a workshop."))
    return None


def harvest(request, slug):
    """Harvest the notes into themes. With themes already there, this page first says what will
    happen: every theme stays as it is, with its notes, dots and links, and the notes written since
    are offered for placement (the next page). Posted, the harvest is queued (``_harvest_answer``);
    while one is under way this page is its status page."""
    workshop = _workshop_or_404(slug)
    refusal = _editor_or_refusal(request, workshop)
    if refusal is not None:
        return refusal
    if request.method == "POST":
        try:
            asked = services.harvest_request(workshop=workshop, by=request.user)
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
        else:
            return _harvest_answer(request, workshop, asked)
    else:
        under_way = selectors.harvest_under_way(workshop)
        if under_way is not None:
            return redirect("workshops:harvest_status", slug=workshop.slug, pk=under_way.pk)
    preview = selectors.harvest_preview(workshop)
    return render(request, "workshops/harvest.html", {"workshop": workshop, **preview},
                  status=400 if request.method == "POST" else 200)


HARVEST_REFRESH_SECONDS = 3


@require_safe
@never_cache
def harvest_status(request, slug, pk):
    """A harvest asked for: while the queue runs it, a short page (status 202, ``Retry-After`` and a
    refresh) saying it is under way; then its result (``_harvest_answer``)."""
    workshop = _workshop_or_404(slug)
    refusal = _editor_or_refusal(request, workshop)
    if refusal is not None:
        return refusal
    asked = get_object_or_404(workshop.harvests, pk=pk)
    if asked.status != HarvestStatus.QUEUED:
        return _harvest_answer(request, workshop, asked)
    response = render(request, "workshops/harvest_running.html", {
        "workshop": workshop, "harvest": asked, "retry_after": HARVEST_REFRESH_SECONDS}, status=202)
    response["Retry-After"] = str(HARVEST_REFRESH_SECONDS)
    return response


def _plans():
    from civica.accountability.models import Plan

    return list(Plan.objects.order_by("-year"))


def _programmes():
    from civica.network.models import Programme

    return list(Programme.objects.order_by("position", "name_ro"))


@require_safe
def action_plan_csv(request, slug):
    from civica.core.exports import csv_writer

    workshop = _workshop_or_404(slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="action-plan-{workshop.slug}.csv"'
    response.write("\ufeff")
    writer = csv_writer(response)
    writer.writerow([_("title"), _("description"), _("owner"), _("due on"), _("from the themes")])
    for item in workshop.action_items.prefetch_related("themes"):
        writer.writerow([item.title, item.description, item.owner, item.due_on or "",
                         "; ".join(theme.label for theme in item.themes.all())])
    return response


@require_safe
def table_qr(request, slug, token):
    import segno

    table = selectors.table_from_token(token)
    if table is None or table.workshop.slug != slug:
        raise Http404
    url = request.build_absolute_uri(reverse("workshops:table", args=[slug, token]))
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, title=table.topic)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


def table_page(request, slug, token):
    """A table's page on a phone: contribute for the running round, see the table's notes."""
    table = selectors.table_from_token(token)
    if table is None or table.workshop.slug != slug:
        return render(request, "workshops/table_expired.html", status=404)
    workshop = table.workshop
    author_key = request.get_signed_cookie(AUTHOR_COOKIE, default="", salt=AUTHOR_SALT)
    new_key = None
    typed = ""
    if request.method == "POST":
        if not request.user.is_authenticated and not author_key:
            author_key = new_key = secrets.token_hex(16)
        form = forms.NoteForm(request.POST, workshop=workshop)
        try:
            if not form.is_valid():
                raise ValidationError(_form_errors(form))
            editing = form.cleaned_data["contribution"]
            if editing:
                contribution = get_object_or_404(Contribution, pk=editing, table=table)
                services.contribution_edit(contribution=contribution, by=request.user, author_key=author_key,
                                            text=form.cleaned_data["text"])
                messages.success(request, _("Your contribution is changed."))
            else:
                services.contribute(table=table, by=request.user, author_key=author_key,
                                     text=form.cleaned_data["text"])
                messages.success(request, _("Thank you: your contribution is on the wall."))
        except refusals.REFUSALS as refused:
            refusals.show_refusal(request, refused)
            typed = request.POST.get("text", "")
        else:
            response = redirect(request.path)
            if new_key:
                response.set_signed_cookie(AUTHOR_COOKIE, new_key, salt=AUTHOR_SALT, max_age=60 * 60 * 24,
                                           httponly=True, samesite="Lax", secure=request.is_secure())
            return response
    contributions = list(table.contributions.select_related("round").order_by("-created_at")[:50])
    window = timezone.now() - timezone.timedelta(minutes=10)
    for contribution in contributions:
        mine = (contribution.author_id == request.user.pk) if request.user.is_authenticated else (
            author_key and contribution.author_key == author_key)
        contribution.editable = bool(mine) and contribution.created_at > window
    return render(request, "workshops/table_page.html", {
        "workshop": workshop, "table": table, "current_round": workshop.current_round(),
        "contributions": contributions, "typed": typed,
    })


def _wall_context(workshop):
    contributions = list(Contribution.objects.filter(table__workshop=workshop).select_related("table", "round")
                         .order_by("-created_at")[:200])
    for contribution in contributions:
        contribution.colour = selectors.table_colour(contribution.table)
    stage = selectors.stage(workshop)
    return {"workshop": workshop, "contributions": contributions, "current_round": workshop.current_round(),
            "ended": stage == selectors.ENDED, "paused": stage == selectors.PAUSED}


@require_safe
def live_wall(request, slug):
    workshop = _workshop_or_404(slug)
    return render(request, "workshops/live_wall.html", _wall_context(workshop))


@require_safe
def live_wall_items(request, slug):
    """The wall's notes, asked for by htmx every few seconds; once the workshop is closed the answer
    carries no trigger, so the wall stops asking."""
    workshop = _workshop_or_404(slug)
    return render(request, "workshops/_wall_items.html", _wall_context(workshop))


@require_safe
@never_cache  # the countdown changes with the clock alone: never kept by the page cache or a browser
def room_screen(request, slug):
    """The projector's page (its own template, not the site's): the round and its countdown and the
    questions. It asks again every few seconds until the workshop has ended."""
    workshop = _workshop_or_404(slug)
    current = workshop.current_round()
    # While paused the clock stands at the pause (the page says so and the countdown does not tick).
    now = workshop.paused_at or timezone.now()
    remaining = max(0, int((current.ends_at - now).total_seconds())) if current else None
    return render(request, "workshops/room_screen.html", {
        "workshop": workshop, "current_round": current, "tables": _tables(workshop),
        "stage": selectors.stage(workshop), "remaining": remaining,
        "remaining_minutes": remaining // 60 if remaining is not None else None,
        "remaining_seconds": remaining % 60 if remaining is not None else None,
    })


def _report_context(workshop):
    context = selectors.report(workshop)
    themes = context["themes"]
    # Charts (core.charts) from the same figures as the tables under them.
    return {**context, "dot_rows": [(theme.label, theme.dot_count) for theme in themes],
            "size_rows": [(theme.label, len(theme.members)) for theme in themes]}


@require_safe
def report(request, slug):
    workshop = _workshop_or_404(slug)
    return render(request, "workshops/report.html", {**_report_context(workshop), "for_print": False})


@require_safe
def report_pdf(request, slug):
    """Rendered once per version by the queue and kept in the private storage (civica.queue.documents)."""
    workshop = _workshop_or_404(slug)
    html = render_to_string("workshops/report.html", {**_report_context(workshop), "for_print": True})
    return pdf_response(request, name=f"workshops.report:{workshop.pk}:{request.LANGUAGE_CODE}",
                                  html=html, filename=f"workshop-{workshop.slug}.pdf")
