"""Reads for moderators: what they moderate, the queue (reported or hidden content) and the log.

The queue is read a page at a time (issue 17: 350 open reports on 200 items took a second to render
whole): one query orders every item and counts its open reports per reason, over the open reports'
partial index and, for hidden content nobody reported, the kinds' own tables; then only the page's
items are loaded, one query per kind on the page.

Pre-moderation's section (``waiting_for_approval``) reads the same way: one query orders what waits
(oldest first) across the kinds that can wait, over each kind's partial index of waiting rows, one per kind
on the page loads them, one more counts them per kind (``waiting_counts``, the staff dashboard's figure too)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import CharField, Count, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Concat

from civica.accounts.predicates import is_global_moderator, role_keys
from civica.accounts.roles import Role

from .models import UNPUBLISHED, ModerationAction, Report, ReportReason, ReviewState
from .registry import moderatables, review_fingerprint


def moderated_scopes(user) -> dict[int, set[int]] | None:
    """The scopes ``user`` moderates, as {content type id: ids}; None for the site's moderators
    (and editors), who moderate everything, scoped or not."""
    if is_global_moderator(user):
        return None
    scopes = {}
    for role, type_id, scope_id in role_keys(user):
        if role == Role.MODERATOR and type_id is not None:
            scopes.setdefault(type_id, set()).add(scope_id)
    return scopes


def _generic_filter(scopes, prefix="") -> Q:
    if scopes is None:
        return Q()
    condition = Q(pk__in=[])
    for type_id, ids in scopes.items():
        condition |= Q(**{f"{prefix}scope_type_id": type_id, f"{prefix}scope_id__in": sorted(ids)})
    return condition


def _target_filter(entry, scopes) -> Q:
    if scopes is None:
        return Q()
    if entry.site_only:
        return Q(pk__in=[])
    if entry.scope_field is None:
        return _generic_filter(scopes)
    scope_model = entry.model
    for name in entry.scope_field.split("__"):  # a path: "conversation__process"
        scope_model = scope_model._meta.get_field(name).related_model
    ids = scopes.get(ContentType.objects.get_for_model(scope_model).pk, set())
    return Q(**{f"{entry.scope_field}_id__in": sorted(ids)})


# Items a page of the queue shows: each has a moderation form, and the page stays small.
QUEUE_PAGE_SIZE = 25


@dataclass(frozen=True)
class QueueItem:
    target: object
    kind: str
    kind_slug: str
    url: str
    moderate_url: str
    scope: object
    open_reports: int
    # (reason's label, open reports giving it), in the order of ``ReportReason``, only those given.
    reasons: list[tuple[str, int]]


@dataclass(frozen=True)
class Queue:
    page: Page  # its ``object_list``: the ``QueueItem``s of the page
    # Content with open reports (what waits for a decision) and those reports, across every page.
    waiting: int
    open_reports: int


def _reason_alias(reason: str) -> str:
    return f"reason_{reason}"


def _waiting_reports(scopes):
    """Open reports in ``scopes`` on content that still exists and that the user moderates (its own
    scope, as ``_target_filter`` says), each kind's content read by primary key (an ``EXISTS`` a
    report): never a scan of a kind's table."""
    on_content = Q(pk__in=[])
    for entry in moderatables.entries():
        type_id = ContentType.objects.get_for_model(entry.model).pk
        content = entry.model.objects.filter(_target_filter(entry, scopes), pk=OuterRef("target_id"))
        on_content |= Q(target_type_id=type_id) & Q(Exists(content))
    return Report.objects.filter(_generic_filter(scopes), on_content, is_resolved=False)


def _queue_rows(scopes):
    """One row per item of the queue, in its order (most open reports first), as one query: the open
    reports grouped by item, with their number and their number per reason (``report_waiting``, a
    partial index, holds them), then, for each kind, its hidden content that no open report names,
    with zeros."""
    reasons = {_reason_alias(reason): Count("pk", filter=Q(reason=reason)) for reason in ReportReason.values}
    reported = _waiting_reports(scopes)
    branches = [reported.order_by().annotate(kind_type=F("target_type_id"), target_pk=F("target_id"))
                .values("kind_type", "target_pk").annotate(open_reports=Count("pk"), **reasons)]
    zeros = {"open_reports": Value(0), **{alias: Value(0) for alias in reasons}}
    for entry in moderatables.entries():
        type_id = ContentType.objects.get_for_model(entry.model).pk
        named = Report.objects.filter(_generic_filter(scopes), target_type_id=type_id, is_resolved=False)
        hidden = (entry.model.objects.filter(_target_filter(entry, scopes), is_hidden=True)
                  .exclude(pk__in=named.values("target_id")))
        if entry.reviewed:  # what waits for approval has its own section; what was rejected is decided
            hidden = hidden.exclude(review_state__in=UNPUBLISHED)
        columns = {"kind_type": Value(type_id), "target_pk": F("pk"), **zeros}
        branches.append(hidden.order_by().annotate(**columns).values(*columns))
    return branches[0].union(*branches[1:], all=True).order_by("-open_reports", "kind_type", "target_pk")


def _items(rows) -> list[QueueItem]:
    """The page's rows as ``QueueItem``s: one query per kind on the page (and what the kind's
    ``queue_queryset`` loads with it). A row whose item was deleted meanwhile is left out."""
    entries = {ContentType.objects.get_for_model(entry.model).pk: entry for entry in moderatables.entries()}
    wanted = {}
    for row in rows:
        wanted.setdefault(row["kind_type"], []).append(row["target_pk"])
    targets = {}
    for type_id, ids in wanted.items():
        entry = entries[type_id]
        for target in entry.queue_queryset(entry.model.objects.filter(pk__in=ids).order_by()):
            targets[type_id, target.pk] = target
    labels = dict(ReportReason.choices)
    items = []
    for row in rows:
        target = targets.get((row["kind_type"], row["target_pk"]))
        if target is None:
            continue
        entry = entries[row["kind_type"]]
        reasons = [(labels[reason], row[_reason_alias(reason)]) for reason in ReportReason.values
                   if row[_reason_alias(reason)]]
        items.append(QueueItem(target=target, kind=entry.model._meta.verbose_name, kind_slug=entry.kind,
                               url=entry.url(target), moderate_url=entry.moderate_url(target),
                               scope=entry.scope_of(target), open_reports=row["open_reports"], reasons=reasons))
    return items


def moderation_queue(user, *, page: int = 1) -> Queue:
    """Page ``page`` of the reported or hidden content ``user`` moderates, most reported first, with
    how much waits across every page. A fixed number of queries whatever the queue holds: the count,
    the page's rows (their counts in the same query), one per kind on the page (``_items``), and the
    totals from the reports."""
    scopes = moderated_scopes(user)
    paginator = Paginator(_queue_rows(scopes), QUEUE_PAGE_SIZE)
    shown = paginator.get_page(page)
    shown.object_list = _items(list(shown.object_list))
    totals = (_waiting_reports(scopes)
              .aggregate(reports=Count("pk"),
                         items=Count(Concat("target_type_id", Value(":"), "target_id",
                                            output_field=CharField()), distinct=True)))
    return Queue(page=shown, waiting=totals["items"], open_reports=totals["reports"])


def moderation_log(user):
    """Every hide and restore in what ``user`` moderates, newest first (their scopes come with them)."""
    return (ModerationAction.objects.filter(_generic_filter(moderated_scopes(user)))
            .select_related("moderator", "target_type").prefetch_related("scope").order_by("-created_at", "-id"))


# --- Pre-moderation: what waits for approval ------------------------------------------------------

@dataclass(frozen=True)
class WaitingItem:
    target: object
    kind: str
    kind_slug: str
    url: str
    scope: object
    text: str
    fingerprint: str
    since: object


@dataclass(frozen=True)
class Waiting:
    page: Page  # its ``object_list``: the ``WaitingItem``s of the page
    # (kind's plural name, how many wait), for each kind with something waiting, across every page.
    counts: list[tuple[str, int]]
    total: int


def _reviewed_entries():
    return [entry for entry in moderatables.entries() if entry.reviewed]


def _waiting_of(entry, scopes):
    return entry.model.objects.filter(_target_filter(entry, scopes), review_state=ReviewState.WAITING).order_by()


def _waiting_rows(scopes):
    branches = []
    for entry in _reviewed_entries():
        columns = {"kind_type": Value(ContentType.objects.get_for_model(entry.model).pk), "target_pk": F("pk"),
                   "since": F(entry.created_field)}
        branches.append(_waiting_of(entry, scopes).annotate(**columns).values(*columns))
    if not branches:
        return []
    return branches[0].union(*branches[1:], all=True).order_by("since", "kind_type", "target_pk")


def waiting_counts(user) -> list[tuple[str, int]]:
    """How many contributions wait for ``user``'s approval, per kind (only kinds with some): one query."""
    scopes = moderated_scopes(user)
    entries = {ContentType.objects.get_for_model(entry.model).pk: entry for entry in _reviewed_entries()}
    branches = [_waiting_of(entry, scopes).annotate(kind_type=Value(type_id)).values("kind_type")
                .annotate(waiting=Count("pk")).values("kind_type", "waiting")
                for type_id, entry in entries.items()]
    if not branches:
        return []
    rows = branches[0].union(*branches[1:], all=True)
    return [(str(entries[row["kind_type"]].model._meta.verbose_name_plural), row["waiting"])
            for row in sorted(rows, key=lambda row: row["kind_type"]) if row["waiting"]]


def waiting_for_approval(user, *, page: int = 1) -> Waiting:
    """Page ``page`` of the contributions waiting for ``user``'s approval, oldest first, with their counts."""
    scopes = moderated_scopes(user)
    shown = Paginator(_waiting_rows(scopes), QUEUE_PAGE_SIZE).get_page(page)
    entries = {ContentType.objects.get_for_model(entry.model).pk: entry for entry in _reviewed_entries()}
    wanted = {}
    rows = list(shown.object_list)
    for row in rows:
        wanted.setdefault(row["kind_type"], []).append(row["target_pk"])
    targets = {}
    for type_id, ids in wanted.items():
        entry = entries[type_id]
        for target in entry.queue_queryset(entry.model.objects.filter(pk__in=ids).order_by()):
            targets[type_id, target.pk] = target
    items = []
    for row in rows:
        target = targets.get((row["kind_type"], row["target_pk"]))
        if target is None:
            continue
        entry = entries[row["kind_type"]]
        items.append(WaitingItem(target=target, kind=entry.model._meta.verbose_name, kind_slug=entry.kind,
                                 url=entry.url(target), scope=entry.scope_of(target),
                                 text=str(entry.review_text(target)), fingerprint=review_fingerprint(target),
                                 since=row["since"]))
    shown.object_list = items
    counts = waiting_counts(user)
    return Waiting(page=shown, counts=counts, total=sum(count for _kind, count in counts))


def rejection_reasons(targets) -> dict:
    """{target pk: the reason of its latest rejection} for the rejected ones of ``targets`` (one kind):
    one query, none when none was rejected."""
    rejected = [target for target in targets if getattr(target, "review_state", "") == ReviewState.REJECTED]
    if not rejected:
        return {}
    actions = (ModerationAction.objects.filter(target_type=ContentType.objects.get_for_model(rejected[0]),
                                               target_id__in=[target.pk for target in rejected],
                                               kind=ModerationAction.Kind.REJECT)
               .order_by("target_id", "-created_at", "-pk").values_list("target_id", "reason"))
    reasons = {}
    for target_id, reason in actions:
        reasons.setdefault(target_id, reason)
    return reasons
