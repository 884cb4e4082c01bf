"""The centre's bodies (the General Assembly, the Board, the consultative councils) with their seats and
who holds them, as the public body pages show them (issue 20, point 1).

Holders are read as the pages show them: a term's public ``holder_name`` (empty once its holder deleted
their account: "name withdrawn") and the organisation it is held for; never the account behind it. The
reads are the pages' own (``governance.selectors``), a fixed number of queries whatever the number of
bodies, seats and terms. Only published meetings are named, as on the page."""

import datetime

from django.http import Http404
from django.urls import reverse
from ninja import Field, Router, Schema

from civica.governance import selectors
from civica.governance.models import BodyRole, HeldBy, Level, SeatRole

from ..shapes import absolute

router = Router(tags=["bodies"])


class OrganisationRef(Schema):
    slug: str
    name: str


class TermOut(Schema):
    holder: str | None = Field(description="The holder's public name; null when it was withdrawn.")
    organisation: OrganisationRef | None = Field(description="Held on behalf of this organisation.")
    starts_on: datetime.date
    ends_on: datetime.date | None = Field(description="Null while the term runs on.")
    is_fictional: bool = Field(description="Demonstration data, as the page marks it.")


class SeatOut(Schema):
    id: int
    role: str
    role_label: str
    label: str = Field(description="What the seat is for, when it is reserved.")
    vacant: bool
    current: list[TermOut]


class SeatHistoryOut(SeatOut):
    history: list[TermOut] = Field(description="Every term of the seat, the latest first.")


class BodyOut(Schema):
    slug: str
    name: str
    role: str
    role_label: str
    description: str = Field(description="Markdown.")
    size: int | None = Field(description="Its number of seats; null when it has no fixed size.")
    term_months: int | None
    held_by: str
    held_by_label: str
    min_age: int | None
    max_age: int | None
    eligibility: str
    is_open_to_new_members: bool
    established_on: datetime.date | None
    unset_places: int = Field(description="Places its size allows that are not set up as seats yet.")
    seats: list[SeatOut]
    url: str = Field(description="The body's page in the answer's language.")


class ObjectiveOut(Schema):
    year: int
    text: str
    level: str | None
    level_label: str | None
    narrative: str


class MeetingRef(Schema):
    title: str
    starts_at: datetime.datetime
    url: str


class BodyMeetingOut(MeetingRef):
    agenda: str = Field(description="Markdown.")
    minutes: str = Field(description="Markdown.")


class DecisionOut(Schema):
    number: str
    text: str = Field(description="Markdown.")
    decided_on: datetime.date
    meeting: MeetingRef | None
    is_fictional: bool


class BodyDetailOut(BodyOut):
    seats: list[SeatHistoryOut]
    objectives: list[ObjectiveOut]
    meetings: list[BodyMeetingOut] = Field(description="Its published meetings, the latest first.")
    decisions: list[DecisionOut] = Field(description="The latest first.")


class BodyList(Schema):
    results: list[BodyOut]
    next: str | None = Field(description="Always null: every body is in one answer (a handful).")


def _term(term) -> dict:
    return {"holder": term.holder_name or None,
            "organisation": ({"slug": term.organisation.slug, "name": term.organisation.name}
                             if term.organisation else None),
            "starts_on": term.starts_on, "ends_on": term.ends_on, "is_fictional": term.is_fictional}


def _seat(seat, *, history=False) -> dict:
    shown = {"id": seat.pk, "role": seat.role, "role_label": str(SeatRole(seat.role).label),
             "label": seat.translated("label"), "vacant": not seat.current_terms,
             "current": [_term(term) for term in seat.current_terms]}
    if history:
        shown["history"] = [_term(term) for term in seat.history]
    return shown


def _body(request, body, *, history=False) -> dict:
    return {
        "slug": body.slug, "name": body.translated("name"), "role": body.role,
        "role_label": str(BodyRole(body.role).label), "description": body.translated("description"),
        "size": body.size, "term_months": body.term_months, "held_by": body.held_by,
        "held_by_label": str(HeldBy(body.held_by).label), "min_age": body.min_age, "max_age": body.max_age,
        "eligibility": body.translated("eligibility"), "is_open_to_new_members": body.is_open_to_new_members,
        "established_on": body.established_on, "unset_places": body.unset_places,
        "seats": [_seat(seat, history=history) for seat in body.seats.all()],
        "url": absolute(request, reverse("governance:body_detail", args=[body.slug])),
    }


def _meeting(request, meeting) -> dict:
    return {"title": meeting.translated("title"), "starts_at": meeting.starts_at,
            "url": absolute(request, meeting.get_absolute_url())}


@router.get("", response=BodyList, url_name="body_list", summary="Bodies and their seats")
def body_list(request):
    """Every body in the bodies page's order, with its seats and who holds each now."""
    return {"results": [_body(request, body) for body in selectors.body_list()], "next": None}


@router.get("/{slug}", response=BodyDetailOut, url_name="body_detail", summary="One body")
def body_detail(request, slug: str):
    """The body with the history of each seat, its objectives, published meetings and decisions."""
    body = selectors.body_detail(slug)
    if body is None:
        raise Http404
    return {
        **_body(request, body, history=True),
        "objectives": [{"year": item.year, "text": item.translated("text"),
                        "narrative": item.translated("narrative"), "level": item.level or None,
                        "level_label": str(Level(item.level).label) if item.level else None}
                       for item in body.objectives.all()],
        "meetings": [{**_meeting(request, link.meeting), "agenda": link.translated("agenda"),
                      "minutes": link.meeting.translated("minutes")} for link in body.meeting_links.all()],
        "decisions": [{"number": item.number, "text": item.translated("text"), "decided_on": item.decided_on,
                       "is_fictional": item.is_fictional,
                       "meeting": (_meeting(request, item.meeting)
                                   if item.meeting is not None and item.meeting.is_published else None)}
                      for item in body.decisions.all()],
    }
