"""The personal parts of a meeting's page (core/personal_parts.py): the person's registration (their
code or place on the waiting list and the cancel form, the register form, or why they may not), the
online link for registered people and editors, and the staff's links and registrations chart. The rest
of the page (the facts, the places left, the description, the comments' thread) is the same for
everyone and kept in the shared page.

Every part of one request reads the same meeting and the person's registration: loaded once, by the
first part that needs them."""

from civica.core import refusals
from civica.core.personal_parts import once, remember, template_part

from . import selectors
from .models import Meeting, Registration, RegistrationStatus


def _meeting(request, slug):
    """The published meeting ``slug`` with the person's registration (or None) as ``my_registration``;
    None when there is no such meeting. One query for the meeting, one for the registration."""
    def load():
        # With its consultation, whose verification level registering may need (rules.py).
        meeting = Meeting.objects.published().filter(slug=slug).select_related("process").first()
        if meeting is not None:
            remember(request, meeting)
            meeting.my_registration = (Registration.objects.filter(meeting=meeting, person=request.user).first()
                                       if request.user.is_authenticated else None)
        return meeting
    return once(request, ("meetings.meeting", slug), load)


def _registration(request, slug):
    meeting = _meeting(request, slug)
    if meeting is None:
        return None
    registration = meeting.my_registration
    can_register = request.user.has_perm("meetings.register", meeting)
    standing = registration is not None and registration.status != RegistrationStatus.CANCELLED
    return {
        "meeting": meeting, "registration": registration, "can_register": can_register,
        # Counted only where the person sees what they count: the register button, their waiting place.
        "places_left": selectors.places_left(meeting) if can_register and not standing else None,
        "waiting_position": selectors.waiting_position(registration) if standing else None,
        # Why not, when registration is open: an unverified e-mail (the link again), or the level the
        # consultation asks for (with where to get it), from the permission's own requirements.
        "register_step": None if can_register else refusals.next_step(request.user, "meetings.register", meeting),
        "register_refusal": None if can_register else refusals.why_not(request.user, "meetings.register", meeting),
    }


def _online_link(request, slug):
    meeting = _meeting(request, slug)
    if meeting is None:
        return None
    return {"meeting": meeting, "show_link": request.user.has_perm("meetings.see_online_link", meeting)}


def _staff_links(request, slug):
    meeting = _meeting(request, slug)
    if meeting is None or not request.user.has_perm("meetings.check_in", meeting):
        return None
    return {"meeting": meeting}


def _registrations_chart(request, slug):
    meeting = _meeting(request, slug)
    if meeting is None or not request.user.has_perm("meetings.check_in", meeting):
        return None
    rows = selectors.registrations_over_time(meeting)
    return {"meeting": meeting, "registrations_over_time": rows} if rows else None


template_part("meetings.registration", "meetings/parts/registration.html", _registration)
template_part("meetings.online_link", "meetings/parts/online_link.html", _online_link)
template_part("meetings.staff_links", "meetings/parts/staff_links.html", _staff_links)
template_part("meetings.registrations_chart", "meetings/parts/registrations_chart.html", _registrations_chart)
