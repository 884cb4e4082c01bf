"""Reads of the calls pages: the lists, ``ranking_results`` (two small queries, then ``ranking.rank``),
``evaluation_progress``, ``my_reviews``, and ``completeness`` (the checklist: each question with whether
its answer would pass submission)."""

from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone

from .application_form import ApplicationForm, answers_to_data
from .models import Call, CallKind, CallQuestion, CallStatus, FieldKind


class CallFilter:
    OPEN, UPCOMING, EVALUATION, RESULTS = "open", "upcoming", "evaluation", "results"
    ALL = (OPEN, UPCOMING, EVALUATION, RESULTS)


def call_list(*, user, kind=None, state=None):
    calls = Call.objects.all() if user.has_perm("calls.manage_call") else Call.objects.public()
    now = timezone.now()
    if kind in CallKind.values:
        calls = calls.filter(kind=kind)
    open_now = Q(status=CallStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now)
    if state == CallFilter.OPEN:
        calls = calls.filter(open_now)
    elif state == CallFilter.UPCOMING:
        calls = calls.filter(status=CallStatus.PUBLISHED, opens_at__gt=now)
    elif state == CallFilter.EVALUATION:
        calls = calls.filter(Q(status__in=[CallStatus.EVALUATION, CallStatus.RANKING_LOCKED])
                             | Q(status=CallStatus.PUBLISHED, closes_at__lte=now))
    elif state == CallFilter.RESULTS:
        calls = calls.filter(status=CallStatus.RESULTS_PUBLISHED)
    # Open calls first (closing soonest first), then the rest, newest first.
    return calls.annotate(is_open_now=Case(When(open_now, then=Value(0)), default=Value(1),
                                           output_field=IntegerField())).order_by("is_open_now", "closes_at")


def call_for_page(slug):
    return (Call.objects.filter(slug=slug).select_related("programme")
            .prefetch_related("documents", "criteria", "goals", Prefetch(
                "questions", queryset=CallQuestion.objects.filter(answered_at__isnull=False).order_by("answered_at"))
            )).first()


def funded_applications(call):
    from .models import Decision

    return (call.applications.filter(decision=Decision.FUNDED).select_related("organisation", "applicant")
            .order_by("reference"))


def ranking_results(call):
    """The ranking (plain ``Ranked`` items) from two small queries: ids and dates, and scores."""
    from .models import Application, ApplicationStatus, Criterion, Review, Score
    from .ranking import Criterion as RankCriterion
    from .ranking import Entry, rank

    criteria = list(Criterion.objects.filter(call=call).order_by("position", "id"))
    submitted = Application.objects.filter(call=call, status=ApplicationStatus.SUBMITTED)
    reviews = {}
    for application_id, evaluator_id, criterion_id, value in Score.objects.filter(
        review__assignment__application__call=call, review__status=Review.Status.SUBMITTED,
    ).values_list("review__assignment__application_id", "review__assignment__evaluator_id", "criterion_id", "value"):
        reviews.setdefault(application_id, {}).setdefault(evaluator_id, {})[criterion_id] = float(value)
    entries = [Entry(pk, submitted_at, reviews.get(pk, {}))
               for pk, submitted_at in submitted.values_list("pk", "submitted_at").iterator()]
    return rank([RankCriterion(c.pk, float(c.weight), c.scale_min, c.scale_max) for c in criteria], entries,
                disagreement_threshold=float(call.disagreement_threshold),
                tie_break_criterion=call.tie_break_criterion_id)


def ranking_rows(call):
    """The ranking with each application, for the ranking page."""
    from .models import Application

    ranked = ranking_results(call)
    applications = Application.objects.filter(pk__in=[item.application_id for item in ranked]).select_related(
        "applicant", "organisation").in_bulk()
    return [{"ranked": item, "application": applications[item.application_id]} for item in ranked]


def evaluation_progress(call):
    """Per evaluator and per application: how many assigned reviews are submitted (two queries)."""
    from django.db.models import Count, Q

    from .evaluation import evaluators_of
    from .models import Application, ApplicationStatus, Review

    submitted = Q(assignments__review__status=Review.Status.SUBMITTED)
    by_evaluator = evaluators_of(call).annotate(
        assigned=Count("assignments", filter=Q(assignments__application__call=call), distinct=True),
        done=Count("assignments", filter=Q(assignments__application__call=call) & submitted, distinct=True),
        conflicts_declared=Count("conflicts", filter=Q(conflicts__application__call=call), distinct=True),
    )
    by_application = Application.objects.filter(call=call, status=ApplicationStatus.SUBMITTED).annotate(
        assigned=Count("assignments", distinct=True), done=Count("assignments", filter=submitted, distinct=True),
    ).order_by("reference")
    return by_evaluator, by_application


# Assignments a page of "My reviews" shows (grouped by call on the page).
REVIEWS_PAGE_SIZE = 50


def my_reviews(user, *, to_do: bool = False):
    """``user``'s assignments, except those they declared a conflict on, by call (the soonest evaluation
    deadline first) and entry code. Each carries, from window functions of the same query, its call's
    progress for ``user`` (``call_assigned``, ``call_done``: reviews submitted) and the overall one
    (``all_assigned``, ``all_done``). ``to_do``: only those without a submitted review, the counts still
    over all of them (the condition is itself a window, so it is applied after them)."""
    from django.db.models import Count, F, Window

    from .models import Assignment, Review

    done = Q(review__status=Review.Status.SUBMITTED)
    per_call = [F("application__call_id")]
    assignments = (
        Assignment.objects.filter(evaluator=user).exclude(application__conflicts__evaluator=user)
        .select_related("application__call", "review")
        .annotate(call_assigned=Window(Count("pk"), partition_by=per_call),
                  call_done=Window(Count("pk", filter=done), partition_by=per_call),
                  all_assigned=Window(Count("pk")), all_done=Window(Count("pk", filter=done)))
        .order_by(F("application__call__evaluation_until").asc(nulls_last=True), "application__call_id",
                  "application__code", "pk"))
    if to_do:
        assignments = assignments.annotate(reviewed=Window(Count("pk", filter=done), partition_by=[F("pk")]))
        assignments = assignments.filter(reviewed=0)
    return assignments


def my_reviews_page(user, *, page: int = 1, to_do: bool = False) -> dict:
    """Page ``page`` of ``my_reviews``: {"page", "groups": its assignments grouped by call, each
    {"call", "assigned", "done", "overdue", "assignments"}, "assigned", "done": over every call}. Two
    queries (the count and the page), whatever the number of assignments."""
    from django.core.paginator import Paginator

    shown = Paginator(my_reviews(user, to_do=to_do), REVIEWS_PAGE_SIZE).get_page(page)
    shown.object_list = list(shown.object_list)
    today = timezone.localdate()
    groups = []
    for assignment in shown.object_list:
        call = assignment.application.call
        if not groups or groups[-1]["call"].pk != call.pk:
            overdue = (call.status == CallStatus.EVALUATION and call.evaluation_until is not None
                       and call.evaluation_until < today and assignment.call_done < assignment.call_assigned)
            groups.append({"call": call, "assigned": assignment.call_assigned, "done": assignment.call_done,
                           "overdue": overdue, "assignments": []})
        groups[-1]["assignments"].append(assignment)
    first = shown.object_list[0] if shown.object_list else None
    return {"page": shown, "groups": groups, "assigned": first.all_assigned if first else 0,
            "done": first.all_done if first else 0}


def completeness(application) -> list[dict]:
    """The checklist: each question with whether its answer would pass submission."""
    call = application.call
    files = set(application.files.values_list("field_key", flat=True))
    form = ApplicationForm(answers_to_data(call, application), {}, call=call, existing_files=files, strict=True,
                           organisations=[application.organisation] if application.organisation_id else ())
    form.is_valid()
    items = [{"label": form.fields[name].label, "done": name not in form.errors, "errors": form.errors.get(name)}
             for name in ("title", "amount_requested") if name in form.fields]
    for field in form.form_fields:
        keys = [key for key in form.errors if key == field.key or key.startswith(f"{field.key}__")]
        missing_file = field.kind == FieldKind.FILE and field.required and field.key not in files
        items.append({"label": field.translated("label"), "done": not keys and not missing_file,
                      "errors": [error for key in keys for error in form.errors[key]]})
    return items
