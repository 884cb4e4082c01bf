"""Meetings, as the meetings list and a meeting's page show them to a visitor (issue 20, point 1): the
list with the page's filters (upcoming or past, kind, format, space), one meeting with what its page
says (the time as far as it is known, the venue, places left, minutes, recording, documents), its
comments (``comments.thread_page``, as on ideas and debates) and its iCal links: the page's "add to my
calendar" file and the list's calendar feed. A draft meeting is not found; a cancelled one is shown,
with its reason, as on the page. The online link is never given: the page shows it to registered
people only."""

import datetime
from typing import Literal

from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from civica.meetings import selectors
from civica.meetings.models import MeetingFormat, MeetingKind, WhenKnown

from ..pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, keyset_page
from ..shapes import absolute, next_url
from .comments import CommentFilters, CommentPage, thread_page

router = Router(tags=["meetings"])

MeetingWhenName = Literal["upcoming", "past"]
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


class MeetingOut(Schema):
    slug: str
    title: str
    kind: Literal[tuple(MeetingKind.values)]
    kind_label: str
    format: Literal[tuple(MeetingFormat.values)]
    format_label: str
    status: Literal["published", "cancelled"]
    starts_at: datetime.datetime = Field(
        description="With `when_known` day or month, the start of that day or month (Bucharest time).")
    ends_at: datetime.datetime | None = Field(description="Null when the end is not known.")
    when_known: Literal[tuple(WhenKnown.values)] = Field(description="How much of the start the sources give.")
    when: str = Field(description="The time as the page writes it, in the answer's language.")
    place: str
    address: str
    space: str | None = Field(description="The centre's space it is held in, if any.")
    space_url: str | None
    url: str = Field(description="The meeting's page in the answer's language.")
    ical_url: str | None = Field(description="The page's iCal file (\"add to my calendar\"); null when only the "
                                             "month is known.")
    detail_url: str = Field(description="The meeting in this API.")


class MeetingPage(Schema):
    results: list[MeetingOut]
    next: str | None = Field(description="The next page's address, or null on the last page.")
    calendar_url: str = Field(description="The calendar feed of every meeting (iCal), as the list page offers it.")


class DocumentOut(Schema):
    title: str
    url: str


class MeetingDetail(MeetingOut):
    description: str = Field(description="Markdown, as the page shows it.")
    cancellation_reason: str | None
    latitude: float | None = Field(description="The venue's point on the page's map, if known.")
    longitude: float | None
    coordinates_approximate: bool
    capacity: int | None
    places_left: int | None = Field(description="Null without a limit.")
    registration_open: bool
    programme: str | None = Field(description="The programme that organises it.")
    process: str | None = Field(description="The consultation it is part of (its title).")
    process_url: str | None
    workshop_url: str | None = Field(description="Its world-café workshop's report in this API.")
    minutes: str = Field(description="Markdown.")
    video_url: str
    documents: list[DocumentOut]
    comments: int
    comments_url: str


class MeetingFilters(Schema):
    when: MeetingWhenName | None = Field(None, description="Upcoming (soonest first) or past; all: latest first.")
    kind: Literal[tuple(MeetingKind.values)] | None = None
    format: Literal[tuple(MeetingFormat.values)] | None = None
    space: str | None = Field(None, max_length=100, pattern=SLUG_PATTERN, description="A space's short name.")
    cursor: str | None = Field(None, max_length=500)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def _meeting(request, meeting) -> dict:
    place, address = meeting.venue()
    month_only = meeting.when_known == WhenKnown.MONTH
    return {
        "slug": meeting.slug, "title": meeting.translated("title"), "kind": meeting.kind,
        "kind_label": meeting.get_kind_display(), "format": meeting.format,
        "format_label": meeting.get_format_display(),
        "status": "cancelled" if meeting.cancelled_at is not None else "published",
        "starts_at": meeting.starts_at, "ends_at": meeting.ends_at if meeting.when_known == WhenKnown.TIME else None,
        "when_known": meeting.when_known, "when": meeting.when_long, "place": place, "address": address,
        "space": meeting.space.translated("name") if meeting.space_id else None,
        "space_url": absolute(request, meeting.space.get_absolute_url()) if meeting.space_id else None,
        "url": absolute(request, meeting.get_absolute_url()),
        "ical_url": None if month_only else absolute(request, reverse("meetings:ics", args=[meeting.slug])),
        "detail_url": absolute(request, reverse("api-v1:meeting_detail", args=[meeting.slug])),
    }


def _visible_meeting(slug):
    meeting = selectors.meeting_for_page(slug)
    if meeting is None:
        raise Http404
    return meeting


@router.get("", response=MeetingPage, url_name="meeting_list", summary="Meetings")
def meeting_list(request, filters: Query[MeetingFilters]):
    """Published meetings (cancelled ones too, marked so), with the list page's filters."""
    meetings = selectors.meeting_list(when=filters.when, kind=filters.kind, meeting_format=filters.format,
                                      space=filters.space)
    ordering = ("starts_at", "id") if filters.when == "upcoming" else ("-starts_at", "-id")
    page = keyset_page(meetings, ordering=ordering, cursor=filters.cursor, size=filters.page_size,
                       list_key=f"meetings:{filters.when}:{filters.kind}:{filters.format}:{filters.space}")
    return {"results": [_meeting(request, meeting) for meeting in page.rows],
            "next": next_url(request, page.next_cursor),
            "calendar_url": absolute(request, reverse("meetings:feed"))}


@router.get("/{slug}", response=MeetingDetail, url_name="meeting_detail", summary="One meeting")
def meeting_detail(request, slug: str):
    meeting = _visible_meeting(slug)
    latitude, longitude = meeting.coordinates() if meeting.format != MeetingFormat.ONLINE else (None, None)
    process = meeting.process if meeting.process_id and meeting.process.is_published else None
    workshop = getattr(meeting, "workshop", None)
    return {
        **_meeting(request, meeting),
        "description": meeting.translated("description"),
        "cancellation_reason": meeting.translated("cancellation_reason") if meeting.cancelled_at else None,
        "latitude": latitude, "longitude": longitude,
        "coordinates_approximate": latitude is not None and meeting.coordinates_are_approximate(),
        "capacity": meeting.capacity, "places_left": selectors.places_left(meeting),
        "registration_open": meeting.registration_open and meeting.cancelled_at is None,
        "programme": meeting.programme.translated("name") if meeting.programme_id else None,
        "process": process.translated("title") if process else None,
        "process_url": absolute(request, process.get_absolute_url()) if process else None,
        "workshop_url": absolute(request, reverse("api-v1:workshop_detail", args=[workshop.slug]))
        if workshop else None,
        "minutes": meeting.translated("minutes"), "video_url": meeting.video_url,
        "documents": [{"title": document.title, "url": absolute(request, document.file.url)}
                      for document in meeting.documents.all()],
        "comments": meeting.comment_count,
        "comments_url": absolute(request, reverse("api-v1:meeting_comments", args=[meeting.slug])),
    }


@router.get("/{slug}/comments", response=CommentPage, url_name="meeting_comments", summary="A meeting's comments")
def meeting_comments(request, slug: str, filters: Query[CommentFilters]):
    meeting = _visible_meeting(slug)
    return thread_page(request, meeting, filters, list_key=f"meeting:{meeting.pk}")
