"""What is one person's, through their personal access token (issue 20, point 4): their notifications,
applications, registrations and bookings to read; supporting an idea and registering for a meeting.
The writes go through the same services as the pages, so the same permissions, limits and refusals
apply; a refusal is a 403 problem with the page's reason."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from civica.calls.models import Application
from civica.core import page_cache, refusals
from civica.meetings import services as meeting_services
from civica.meetings.models import Meeting, Registration, RegistrationStatus
from civica.network import selectors as network_selectors
from civica.notifications.models import Notification
from civica.participation import selectors as participation_selectors
from civica.participation import services as participation_services

from ..auth import TokenAuth, token_user
from ..models import Scope
from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..problems import problem
from ..shapes import next_url

router = Router(tags=["me"])
READ = TokenAuth(Scope.READ_PERSONAL)


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class NotificationOut(Schema):
    id: int
    message: str
    url: str
    created_at: datetime.datetime
    read: bool


class NotificationPage(Schema):
    results: list[NotificationOut]
    next: str | None


class ApplicationOut(Schema):
    reference: str
    call: str
    title: str
    status: str
    submitted_at: datetime.datetime | None
    url: str


class RegistrationOut(Schema):
    meeting: str
    starts_at: datetime.datetime
    status: str
    code: str
    url: str


class BookingOut(Schema):
    space: str
    organisation: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    status: str


class SupportOut(Schema):
    supported: bool
    supports: int


class RegistrationIn(Schema):
    accept_terms: bool = False



@router.get("/notifications", response=NotificationPage, auth=READ, summary="My notifications")
def my_notifications(request, paging: Query[PageQuery]):
    person = token_user(request)
    page = keyset_page(Notification.objects.filter(recipient=person), ordering=("-created_at", "-id"),
                       list_key=f"notifications:{person.pk}", cursor=paging.cursor, size=paging.page_size)
    return {"results": [{"id": item.pk, "message": item.message, "url": request.build_absolute_uri(item.url),
                         "created_at": item.created_at, "read": item.read_at is not None} for item in page.rows],
            "next": next_url(request, page.next_cursor)}


@router.get("/applications", response=list[ApplicationOut], auth=READ, summary="My applications to calls")
def my_applications(request):
    applications = (Application.objects.filter(applicant=token_user(request)).select_related("call")
                    .order_by("-created_at")[:MAX_PAGE_SIZE])
    return [{"reference": item.reference, "call": item.call.translated("title"), "title": item.title,
             "status": item.status, "submitted_at": item.submitted_at,
             "url": request.build_absolute_uri(reverse("calls:detail", args=[item.call.slug]))}
            for item in applications]


@router.get("/registrations", response=list[RegistrationOut], auth=READ, summary="My meeting registrations")
def my_registrations(request):
    registrations = (Registration.objects.filter(person=token_user(request))
                     .exclude(status=RegistrationStatus.CANCELLED).select_related("meeting")
                     .order_by("-meeting__starts_at")[:MAX_PAGE_SIZE])
    return [{"meeting": item.meeting.translated("title"), "starts_at": item.meeting.starts_at, "status": item.status,
             "code": item.code, "url": request.build_absolute_uri(item.meeting.get_absolute_url())}
            for item in registrations]


@router.get("/bookings", response=list[BookingOut], auth=READ, summary="My bookings of spaces")
def my_bookings(request):
    return [{"space": item.space.translated("name"), "organisation": item.organisation.name,
             "starts_at": item.starts_at, "ends_at": item.ends_at, "status": item.status}
            for item in network_selectors.my_bookings(user=token_user(request))[:MAX_PAGE_SIZE]]


def _refused(error):
    status = 400 if isinstance(error, ValidationError) else 403
    return problem(status, refusals.refusal_message(error))


write_router = Router(tags=["me"])


@write_router.post("/processes/{slug}/ideas/{idea_id}/support", response={200: SupportOut},
                   auth=TokenAuth(Scope.WRITE_PARTICIPATION), summary="Support an idea")
def support_idea(request, slug: str, idea_id: int):
    """As the idea page's "Support" button: the phase, the verified address and the per-person cap apply."""
    person = token_user(request)
    idea = _idea_for(person, slug, idea_id)
    try:
        participation_services.idea_support(idea=idea, by=person)
    except refusals.REFUSALS as error:
        return _refused(error)
    page_cache.person_changed(person.pk)
    return {"supported": True, "supports": idea.support_count}


@write_router.delete("/processes/{slug}/ideas/{idea_id}/support", response={200: SupportOut},
                     auth=TokenAuth(Scope.WRITE_PARTICIPATION), summary="Withdraw a support")
def withdraw_support(request, slug: str, idea_id: int):
    person = token_user(request)
    idea = _idea_for(person, slug, idea_id)
    try:
        participation_services.idea_withdraw_support(idea=idea, by=person)
    except refusals.REFUSALS as error:
        return _refused(error)
    page_cache.person_changed(person.pk)
    return {"supported": False, "supports": idea.support_count}


def _idea_for(person, slug, idea_id):
    process = participation_selectors.process_for_page(slug)
    if process is None or not person.has_perm("participation.read_process", process) or not 0 < idea_id < 2**63:
        raise Http404
    idea = participation_selectors.idea_for_page(process=process, idea_id=idea_id, user=person)
    if idea is None:
        raise Http404
    idea.process = process
    if not person.has_perm("participation.read_idea", idea):
        raise Http404
    return idea


@write_router.post("/meetings/{slug}/registration", response={200: RegistrationOut},
                   auth=TokenAuth(Scope.WRITE_MEETINGS), summary="Register for a meeting")
def register(request, slug: str, body: RegistrationIn):
    """As the meeting page's form: a full meeting puts the person on the waiting list."""
    person = token_user(request)
    meeting = Meeting.objects.published().filter(slug=slug).first()
    if meeting is None:
        raise Http404
    try:
        registration = meeting_services.register(meeting=meeting, by=person, accepted_terms=body.accept_terms)
    except (PermissionDenied, ValidationError) as error:
        return _refused(error)
    page_cache.person_changed(person.pk)
    return {"meeting": meeting.translated("title"), "starts_at": meeting.starts_at, "status": registration.status,
            "code": registration.code, "url": request.build_absolute_uri(meeting.get_absolute_url())}
