import io
import secrets

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import workshops
from .models import Contribution, Theme, Workshop

AUTHOR_COOKIE, AUTHOR_SALT = "civica_author", "civica.workshop.author"


def _workshop_or_404(slug):
    workshop = (Workshop.objects.filter(slug=slug, meeting__is_published=True).select_related("meeting__space")
                .prefetch_related("rounds", "questions").first())
    if workshop is None:
        raise Http404
    return workshop


def _refusal(error):
    return " ".join(getattr(error, "messages", [str(error)]))


def _tables(workshop):
    return list(workshop.tables.select_related("question", "facilitator"))


def workshop_detail(request, slug):
    workshop = _workshop_or_404(slug)
    user = request.user
    can_manage = user.has_perm("meetings.manage_workshop", workshop)
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(workshop.get_absolute_url())
        action = request.POST.get("action")
        try:
            if action == "start_round":
                started = workshops.start_next_round(workshop=workshop, by=user)
                messages.success(request, _("Round %(number)s has started.") % {"number": started.number})
            elif action == "close":
                workshops.close(workshop=workshop, by=user)
                messages.success(request, _("The workshop is closed: table links no longer work."))
            elif action == "harvest":
                themes = workshops.harvest(workshop=workshop, by=user)
                messages.success(request, ngettext("%(count)s theme found.", "%(count)s themes found.",
                                                   len(themes)) % {"count": len(themes)})
            elif action == "rename":
                theme = get_object_or_404(Theme, pk=request.POST.get("theme") or 0, workshop=workshop)
                workshops.theme_rename(theme=theme, by=user, label=request.POST.get("label"))
            elif action == "merge":
                into = get_object_or_404(Theme, pk=request.POST.get("theme") or 0, workshop=workshop)
                other = get_object_or_404(Theme, pk=request.POST.get("other") or 0, workshop=workshop)
                workshops.theme_merge(into=into, other=other, by=user)
            elif action == "move":
                contribution = get_object_or_404(Contribution, pk=request.POST.get("contribution") or 0,
                                                 table__workshop=workshop)
                target = request.POST.get("theme")
                theme = (workshops.theme_create(workshop=workshop, by=user, label=request.POST.get("label"))
                         if target == "new" else get_object_or_404(Theme, pk=target or 0, workshop=workshop))
                workshops.contribution_move(contribution=contribution, theme=theme, by=user)
            elif action == "dot":
                theme = get_object_or_404(Theme, pk=request.POST.get("theme") or 0, workshop=workshop)
                workshops.dot_vote(theme=theme, voter=user)
                messages.success(request, _("Your dot is on “%(label)s”.") % {"label": theme.label})
            elif action == "action":
                themes = Theme.objects.filter(workshop=workshop, pk__in=request.POST.getlist("themes"))
                workshops.action_add(workshop=workshop, by=user, title=request.POST.get("title", ""),
                                     description=request.POST.get("description", ""),
                                     owner=request.POST.get("owner", ""), due_on=request.POST.get("due_on") or None,
                                     themes=themes)
                messages.success(request, _("Added to the action plan."))
            elif action == "to_activity":
                from civica.accountability.models import Plan
                from civica.network.models import Programme

                item = get_object_or_404(workshop.action_items, pk=request.POST.get("item") or 0)
                plan = get_object_or_404(Plan, pk=request.POST.get("plan") or 0)
                programme = get_object_or_404(Programme, pk=request.POST.get("programme") or 0)
                workshops.action_to_activity(item=item, plan=plan, programme=programme, by=user)
                messages.success(request, _("The action is now an activity of %(plan)s.") % {
                    "plan": plan.translated("title")})
        except (PermissionDenied, ValidationError) as refused:
            messages.error(request, _refusal(refused))
        return redirect(workshop.get_absolute_url())
    themes = list(workshop.themes.prefetch_related("contributions__table"))
    tables = _tables(workshop)
    return render(request, "meetings/workshop_detail.html", {
        "workshop": workshop, "tables": tables, "current_round": workshop.current_round(),
        "can_manage": can_manage, "can_run": user.has_perm("meetings.run_workshop", workshop),
        "themes": themes, "results": workshops.dot_results(workshop) if themes else [],
        "dots_left": workshop.dots_per_person - (workshop.themes.filter(dots__voter=user).count()
                                                 if user.is_authenticated else 0),
        "table_links": [(table, request.build_absolute_uri(
            f"/{request.LANGUAGE_CODE}/workshops/{workshop.slug}/tables/{workshops.table_token(table)}/"))
            for table in tables] if can_manage else [],
        "action_items": workshop.action_items.prefetch_related("themes").select_related("activity__plan"),
        "plans": _plans() if can_manage else [], "programmes": _programmes() if can_manage else [],
    })


def _plans():
    from civica.accountability.models import Plan

    return list(Plan.objects.order_by("-year"))


def _programmes():
    from civica.network.models import Programme

    return list(Programme.objects.order_by("position", "name_ro"))


@require_safe
def action_plan_csv(request, slug):
    import csv

    workshop = _workshop_or_404(slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="action-plan-{workshop.slug}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("title"), _("description"), _("owner"), _("due on"), _("from the themes")])
    for item in workshop.action_items.prefetch_related("themes"):
        writer.writerow([item.title, item.description, item.owner, item.due_on or "",
                         "; ".join(theme.label for theme in item.themes.all())])
    return response


@require_safe
def table_qr(request, slug, token):
    import segno

    table = workshops.table_from_token(token)
    if table is None or table.workshop.slug != slug:
        raise Http404
    url = request.build_absolute_uri(f"/{request.LANGUAGE_CODE}/workshops/{slug}/tables/{token}/")
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, title=table.topic)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


def table_page(request, slug, token):
    """A table's page on a phone: contribute for the running round, see the table's notes."""
    table = workshops.table_from_token(token)
    if table is None or table.workshop.slug != slug:
        return render(request, "meetings/table_expired.html", status=404)
    workshop = table.workshop
    author_key = request.get_signed_cookie(AUTHOR_COOKIE, default="", salt=AUTHOR_SALT)
    new_key = None
    typed = ""
    if request.method == "POST":
        if not request.user.is_authenticated and not author_key:
            author_key = new_key = secrets.token_hex(16)
        editing = request.POST.get("contribution")
        try:
            if editing:
                contribution = get_object_or_404(Contribution, pk=editing, table=table)
                workshops.contribution_edit(contribution=contribution, user=request.user, author_key=author_key,
                                            text=request.POST.get("text", ""))
                messages.success(request, _("Your contribution is changed."))
            else:
                workshops.contribute(table=table, user=request.user, author_key=author_key,
                                     text=request.POST.get("text", ""))
                messages.success(request, _("Thank you: your contribution is on the wall."))
        except (PermissionDenied, ValidationError) as refused:
            messages.error(request, _refusal(refused))
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
    return render(request, "meetings/table_page.html", {
        "workshop": workshop, "table": table, "current_round": workshop.current_round(),
        "contributions": contributions, "typed": typed,
    })


def _wall_context(workshop):
    contributions = (Contribution.objects.filter(table__workshop=workshop).select_related("table", "round")
                     .order_by("-created_at")[:200])
    return {"workshop": workshop, "contributions": contributions, "current_round": workshop.current_round()}


@require_safe
def live_wall(request, slug):
    workshop = _workshop_or_404(slug)
    return render(request, "meetings/live_wall.html", _wall_context(workshop))


@require_safe
def live_wall_items(request, slug):
    workshop = _workshop_or_404(slug)
    return render(request, "meetings/_wall_items.html", _wall_context(workshop))


@require_safe
@never_cache  # the countdown changes with the clock alone: never kept by the page cache or a browser
def room_screen(request, slug):
    workshop = _workshop_or_404(slug)
    current = workshop.current_round()
    remaining = max(0, int((current.ends_at - timezone.now()).total_seconds())) if current else None
    return render(request, "meetings/room_screen.html", {
        "workshop": workshop, "current_round": current, "tables": _tables(workshop),
        "remaining_minutes": remaining // 60 if remaining is not None else None,
        "remaining_seconds": remaining % 60 if remaining is not None else None,
    })


def _report_context(workshop):
    themes = workshops.dot_results(workshop)
    contributions = list(Contribution.objects.filter(table__workshop=workshop).select_related("table", "theme"))
    for theme in themes:
        theme.members = [item for item in contributions if item.theme_id == theme.pk]
        theme.representatives = [item for item in theme.members if item.is_representative][:5]
    top = max([theme.dot_count for theme in themes] or [0]) or 1
    return {
        "workshop": workshop, "questions": workshop.questions.all(), "tables": _tables(workshop),
        "themes": themes, "top_dots": top, "contribution_count": len(contributions),
        "contributor_count": len({(item.author_id, item.author_key) for item in contributions}),
        "round_count": sum(1 for round_ in workshop.rounds.all() if round_.started_at),
        "action_items": workshop.action_items.prefetch_related("themes"),
    }


@require_safe
def report(request, slug):
    workshop = _workshop_or_404(slug)
    return render(request, "meetings/report.html", {**_report_context(workshop), "for_print": False})


@require_safe
def report_pdf(request, slug):
    from django.conf import settings
    from weasyprint import HTML

    workshop = _workshop_or_404(slug)
    html = render_to_string("meetings/report.html", {**_report_context(workshop), "for_print": True},
                            request=request)
    pdf = HTML(string=html, base_url=settings.CIVICA_BASE_URL).write_pdf(pdf_variant="pdf/ua-1")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="workshop-{workshop.slug}.pdf"'
    return response
