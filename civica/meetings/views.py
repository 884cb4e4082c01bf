"""The meetings pages: the list with filters, pages and a month calendar, a meeting's page (its comments
through the comments app's ``section.comment_section`` and ``{% show_comments %}``), registering and
cancelling, "my registrations", the phone check-in page, and the iCal feeds (all meetings, one meeting).

A meeting's page is one kept page for everyone (core/page_cache.py ``shared_page``): what belongs to the
person (their registration, the online link, the staff's links and chart) is filled in by parts.py."""

import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from civica.comments.section import comment_section, post_comment_from_form
from civica.core import refusals
from civica.core.page_cache import shared_page, write_scope
from civica.core.params import page_param, year_month_param

from . import ical, selectors, services
from .models import (
    Meeting,
    MeetingFormat,
    MeetingKind,
    Registration,
    RegistrationStatus,
    WhenKnown,
)

MEETINGS_PER_PAGE = 20
# A meeting's page and the writes made on it (registering, cancelling, commenting, checking in) share a
# page-cache scope (core/page_cache.py): a registration leaves every other meeting's kept page current.
MEETING_SCOPE = ("meeting", "slug")


def _meeting_or_404(slug):
    meeting = selectors.meeting_for_page(slug)
    if meeting is None:
        raise Http404
    return meeting


def _month(request):
    today = timezone.localdate()
    return year_month_param(request.GET, "month") or (today.year, today.month)


@require_safe
def meeting_list(request):
    when = request.GET.get("when") if request.GET.get("when") in ("upcoming", "past") else None
    kind = request.GET.get("kind") or None
    meeting_format = request.GET.get("format") or None
    spaces = list(selectors.spaces_with_meetings())
    space = request.GET.get("space") if request.GET.get("space") in {s.slug for s in spaces} else None
    year, month = _month(request)
    previous = datetime.date(year, month, 1) - datetime.timedelta(days=1)
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    page = Paginator(selectors.meeting_list(when=when, kind=kind, meeting_format=meeting_format, space=space),
                     MEETINGS_PER_PAGE).get_page(page_param(request.GET))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "meetings/meeting_list.html", {
        "meetings": page.object_list, "page": page, "query": query.urlencode(),
        "meeting_places": [selectors.meeting_place(meeting) for meeting in page.object_list],
        "when": when, "kind": kind, "format": meeting_format, "kinds": MeetingKind.choices,
        "formats": MeetingFormat.choices, "spaces": spaces, "space": space, "grid": selectors.month_grid(year, month),
        "month_only": selectors.month_only(year, month),
        "month_start": datetime.date(year, month, 1), "previous_month": f"{previous.year}-{previous.month:02d}",
        "next_month": f"{following.year}-{following.month:02d}",
    })


@shared_page(scope=MEETING_SCOPE)
@require_safe
def meeting_detail(request, slug):
    """The same page for everyone; the person's registration, the online link and the staff's links
    and chart are its personal parts (parts.py)."""
    meeting = _meeting_or_404(slug)
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting, "venue_place": selectors.venue_place(meeting),
        "places_left": selectors.places_left(meeting),
        "is_past": meeting.ends_at < timezone.now(),
        "comment_section": comment_section(request, meeting, post_url=reverse("meetings:comment", args=[slug])),
    })


@write_scope(*MEETING_SCOPE)
@require_POST
def comment(request, slug):
    meeting = _meeting_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_absolute_url())
    return post_comment_from_form(request, meeting)


@write_scope(*MEETING_SCOPE)
@require_POST
def register(request, slug):
    meeting = _meeting_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_absolute_url())
    try:
        registration = services.register(meeting=meeting, by=request.user,
                                         accepted_terms=request.POST.get("accept_terms") == "on")
    except refusals.REFUSALS as refused:
        refusals.show_refusal(request, refused)
    else:
        if registration.status == RegistrationStatus.WAITING:
            messages.warning(request, _("The meeting is full: you are number %(number)s on the waiting list. We "
                                        "will e-mail you if a place frees up.") % {
                "number": selectors.waiting_position(registration)})
        else:
            messages.success(request, _("You are registered. Your code is %(code)s.") % {"code": registration.code})
    return redirect(meeting.get_absolute_url())


@write_scope(*MEETING_SCOPE)
@require_POST
def cancel(request, slug):
    meeting = _meeting_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.get_absolute_url())
    registration = get_object_or_404(Registration, meeting=meeting, person=request.user)
    services.cancel(registration=registration, by=request.user)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(meeting.get_absolute_url())


@write_scope(*MEETING_SCOPE)
def check_in(request, slug):
    meeting = _meeting_or_404(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("meetings.check_in", meeting):
        raise PermissionDenied(_("Only the centre's staff check people in."))
    if request.method == "POST":
        try:
            registration = services.check_in(meeting=meeting, code=request.POST.get("code", ""), by=request.user)
        except ValidationError as refused:
            refusals.show_refusal(request, refused)
        else:
            messages.success(request, _("Welcome, %(name)s! Checked in.") % {"name": registration.person.public_name})
        return redirect("meetings:check_in", slug=slug)
    registrations = (Registration.objects.filter(meeting=meeting, status=RegistrationStatus.REGISTERED)
                     .select_related("person").order_by("person__display_name", "pk"))
    return render(request, "meetings/check_in.html", {
        "meeting": meeting, "registrations": registrations,
        "checked_in": sum(1 for registration in registrations if registration.checked_in_at),
    })


@require_safe
def my_registrations(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    registrations = (Registration.objects.filter(person=request.user).exclude(status=RegistrationStatus.CANCELLED)
                     .select_related("meeting").order_by("-meeting__starts_at"))
    return render(request, "meetings/my_registrations.html", {"registrations": registrations})


def _ics(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def feed(request):
    # A meeting whose day is not known is left out: a calendar would put it on a day it did not happen.
    meetings = (Meeting.objects.published().exclude(when_known=WhenKnown.MONTH).select_related("space")
                .order_by("starts_at"))
    return _ics(ical.calendar_for(meetings, name=_("Civica meetings")), "civica-meetings.ics")


@require_safe
def meeting_ics(request, slug):
    meeting = _meeting_or_404(slug)
    if meeting.when_known == WhenKnown.MONTH:
        raise Http404  # no day to put in a calendar (the page says the month)
    return _ics(ical.calendar_for([meeting], name=meeting.translated("title")), f"{meeting.slug}.ics")
