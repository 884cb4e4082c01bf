"""What needs someone now, for one person: each item of the dashboard with its count, its rows and where
to act, present only when the person's roles cover it.

- Editors and administrators see everything: reports waiting in the moderation queue, bookings to
  confirm, applications without enough evaluators (fewer than ``EVALUATORS_PER_APPLICATION``, the
  number calls' automatic assignment gives by default) and reviews overdue (the call's evaluation date
  passed), calls closing within ``WEEK``, meetings within ``WEEK`` with their registrations and waiting
  lists, the workshops running now, and plan activities whose period ended without a progress update
  since (planned or ongoing, none dated on or after their last day).
- A moderator sees the reports in what they moderate (a scoped moderator: their scopes' reports), and
  the contributions waiting for their approval (pre-moderation, ``moderation.selectors.waiting_counts``).
- An evaluator sees their own reviews still to submit (conflicts declared excluded), overdue ones
  counted.
- A facilitator sees the open workshops they facilitate (a role on the workshop, or a table of it).
- A member representative sees their bookings still to come.

Every item is one or two queries whatever the number of rows, so the page costs a fixed number."""

import datetime
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from civica.accountability.models import Activity, ActivityStatus, ProgressUpdate
from civica.accounts.predicates import is_administrator, is_editor, is_superuser, role_keys
from civica.accounts.roles import Role
from civica.calls.assignment import EVALUATORS_PER_APPLICATION
from civica.calls.models import Application as CallApplication
from civica.calls.models import ApplicationStatus, Assignment, Call, CallStatus, Review
from civica.meetings.models import Meeting, RegistrationStatus
from civica.moderation.models import Report
from civica.moderation.selectors import moderated_scopes, waiting_counts
from civica.network.models import Booking, BookingStatus
from civica.network.predicates import is_member_representative
from civica.workshops.models import Workshop

WEEK = datetime.timedelta(days=7)


def _scope_filter(scopes) -> Q:
    """Reports in ``scopes`` ({content type id: ids}; None: everything)."""
    if scopes is None:
        return Q()
    condition = Q(pk__in=[])
    for type_id, ids in scopes.items():
        condition |= Q(scope_type_id=type_id, scope_id__in=sorted(ids))
    return condition


def reports_waiting(user) -> dict | None:
    """Reported content waiting for a decision in what ``user`` moderates: how many items. One query."""
    scopes = moderated_scopes(user)
    if scopes == {}:
        return None
    items = (Report.objects.filter(_scope_filter(scopes), is_resolved=False)
             .values("target_type_id", "target_id").distinct().count())
    return {"count": items}


def waiting_for_approval(user) -> dict | None:
    """Contributions waiting for ``user``'s approval (pre-moderation), per kind and in all. One query."""
    if moderated_scopes(user) == {}:
        return None
    counts = waiting_counts(user)
    return {"count": sum(count for _kind, count in counts), "rows": counts}


def bookings_to_confirm(now) -> dict:
    bookings = list(Booking.objects.filter(status=BookingStatus.REQUESTED, ends_at__gt=now)
                    .select_related("space", "organisation").order_by("starts_at", "pk"))
    return {"count": len(bookings), "rows": bookings}


def my_bookings(user, now) -> dict:
    bookings = list(Booking.objects.filter(booked_by=user).still_open(now)
                    .select_related("space", "organisation").order_by("starts_at", "pk"))
    return {"count": len(bookings), "rows": bookings,
            "awaiting": sum(booking.status == BookingStatus.REQUESTED for booking in bookings)}


def _calls_by_id(ids) -> dict:
    return {call.pk: call for call in Call.objects.filter(pk__in=ids)} if ids else {}


def evaluation_gaps(today) -> tuple[dict, dict]:
    """Per call in evaluation: submitted applications with fewer evaluators than needed, and assignments
    whose review is overdue. Three queries."""
    short = Counter(CallApplication.objects.filter(call__status=CallStatus.EVALUATION,
                                                   status=ApplicationStatus.SUBMITTED)
                    .annotate(evaluators=Count("assignments"))
                    .filter(evaluators__lt=EVALUATORS_PER_APPLICATION).values_list("call_id", flat=True))
    overdue = Counter(Assignment.objects.filter(application__call__status=CallStatus.EVALUATION,
                                                application__call__evaluation_until__lt=today,
                                                application__status=ApplicationStatus.SUBMITTED)
                      .exclude(review__status=Review.Status.SUBMITTED).values_list("application__call_id", flat=True))
    calls = _calls_by_id(set(short) | set(overdue))

    def item(counts):
        rows = [{"call": calls[pk], "count": count} for pk, count in counts.items() if pk in calls]
        rows.sort(key=lambda row: (row["call"].closes_at, row["call"].pk))
        return {"count": sum(counts.values()), "rows": rows}

    return item(short), item(overdue)


def my_reviews(user, today) -> dict:
    """``user``'s reviews still to submit in calls under evaluation, on applications they declared no
    conflict on. One query."""
    conflict = Q(application__conflicts__evaluator=user)
    assignments = list(Assignment.objects.filter(evaluator=user, application__call__status=CallStatus.EVALUATION,
                                                 application__status=ApplicationStatus.SUBMITTED)
                       .exclude(conflict).exclude(review__status=Review.Status.SUBMITTED)
                       .select_related("application__call").order_by("application__call__closes_at", "pk"))
    by_call = defaultdict(list)
    for assignment in assignments:
        by_call[assignment.application.call].append(assignment)
    rows = [{"call": call, "count": len(items),
             "overdue": bool(call.evaluation_until and call.evaluation_until < today)}
            for call, items in by_call.items()]
    return {"count": len(assignments), "rows": rows, "overdue": sum(row["count"] for row in rows if row["overdue"])}


def calls_closing(now) -> dict:
    calls = list(Call.objects.filter(status=CallStatus.PUBLISHED, closes_at__gte=now, closes_at__lt=now + WEEK)
                 .annotate(submitted=Count("applications", filter=Q(applications__status=ApplicationStatus.SUBMITTED)),
                           drafts=Count("applications", filter=Q(applications__status=ApplicationStatus.DRAFT)))
                 .order_by("closes_at", "pk"))
    return {"count": len(calls), "rows": calls}


def meetings_this_week(now) -> dict:
    meetings = list(Meeting.objects.filter(ends_at__gt=now, starts_at__lt=now + WEEK)
                    .annotate(registered=Count("registrations",
                                               filter=Q(registrations__status=RegistrationStatus.REGISTERED)),
                              waiting=Count("registrations",
                                            filter=Q(registrations__status=RegistrationStatus.WAITING)))
                    .select_related("space").order_by("starts_at", "pk"))
    for meeting in meetings:
        meeting.is_full = meeting.capacity is not None and meeting.registered >= meeting.capacity
    return {"count": len(meetings), "rows": meetings}


def _workshops(condition, now) -> list:
    workshops = list(Workshop.objects.filter(condition, closed_at__isnull=True, meeting__ends_at__gt=now)
                     .select_related("meeting").distinct().order_by("meeting__starts_at", "pk"))
    for workshop in workshops:
        workshop.running = workshop.meeting.starts_at <= now
    return workshops


def workshops_running(now) -> dict:
    workshops = _workshops(Q(meeting__starts_at__lte=now), now)
    return {"count": len(workshops), "rows": workshops}


def my_workshops(user, now) -> dict | None:
    """The open workshops ``user`` facilitates (a role on the workshop, or one of its tables), running or
    to come; None when they facilitate none."""
    workshop_type = ContentType.objects.get_for_model(Workshop).pk
    ids = sorted(scope_id for role, type_id, scope_id in role_keys(user)
                 if role == Role.FACILITATOR and type_id == workshop_type)
    workshops = _workshops(Q(pk__in=ids) | Q(tables__facilitator=user), now)
    if not workshops and not ids:
        return None
    return {"count": len(workshops), "rows": workshops}


def activities_without_update(today) -> dict:
    """Planned or ongoing activities whose period ended with no progress update since its last day, per
    plan. One query."""
    updated_since = ProgressUpdate.objects.filter(activity=OuterRef("pk"), date__gte=OuterRef("ends_on"))
    activities = list(Activity.objects.filter(ends_on__lt=today, status__in=[ActivityStatus.PLANNED,
                                                                              ActivityStatus.ONGOING])
                      .exclude(Exists(updated_since)).select_related("plan", "programme")
                      .order_by("plan__year", "ends_on", "pk"))
    by_plan = defaultdict(list)
    for activity in activities:
        by_plan[activity.plan].append(activity)
    return {"count": len(activities), "rows": [{"plan": plan, "activities": items} for plan, items in by_plan.items()]}


def dashboard(user, *, now=None) -> dict:
    """The items ``user`` sees, by name (an item they do not cover is absent)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    items = {}
    staff = is_editor(user)
    moderation = reports_waiting(user)
    if moderation is not None:
        items["reports"] = moderation
        items["waiting_approval"] = waiting_for_approval(user)
    if staff:
        items["bookings"] = bookings_to_confirm(now)
        items["short_of_evaluators"], items["reviews_overdue"] = evaluation_gaps(today)
        items["calls_closing"] = calls_closing(now)
        items["meetings"] = meetings_this_week(now)
        items["workshops"] = workshops_running(now)
        items["activities"] = activities_without_update(today)
    if any(role == Role.EVALUATOR for role, _type, _id in role_keys(user)):
        items["my_reviews"] = my_reviews(user, today)
    if not staff and (facilitated := my_workshops(user, now)) is not None:
        items["my_workshops"] = facilitated
    if is_member_representative(user):
        items["my_bookings"] = my_bookings(user, now)
    return {"items": items, "is_staff": staff, "is_administrator": is_administrator(user) or is_superuser(user)}
