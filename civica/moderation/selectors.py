"""Reads for moderators: what they moderate, the queue (reported or hidden content) and the log."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from civica.accounts.predicates import is_global_moderator, role_keys
from civica.accounts.roles import Role

from .models import ModerationAction, Report
from .registry import moderatables


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
    scope_model = entry.model._meta.get_field(entry.scope_field).related_model
    ids = scopes.get(ContentType.objects.get_for_model(scope_model).pk, set())
    return Q(**{f"{entry.scope_field}_id__in": sorted(ids)})


def moderation_queue(user):
    """Reported or hidden content that ``user`` moderates, most reported first.
    One query for the reports, then one per kind of content (and what each kind loads with it)."""
    scopes = moderated_scopes(user)
    open_reports = (Report.objects.filter(_generic_filter(scopes), is_resolved=False)
                    .values("target_type_id", "target_id").annotate(total=Count("id")))
    counts = {(row["target_type_id"], row["target_id"]): row["total"] for row in open_reports}
    items = []
    for entry in moderatables.entries():
        target_type = ContentType.objects.get_for_model(entry.model)
        reported = [target_id for type_id, target_id in counts if type_id == target_type.pk]
        queryset = entry.model.objects.filter(Q(pk__in=reported) | Q(is_hidden=True)).filter(
            _target_filter(entry, scopes))
        for target in entry.queue_queryset(queryset):
            items.append({"target": target, "kind": entry.model._meta.verbose_name, "url": entry.url(target),
                          "kind_slug": entry.kind, "scope": entry.scope_of(target),
                          "moderate_url": entry.moderate_url(target),
                          "reports": counts.get((target_type.pk, target.pk), 0), "type_id": target_type.pk})
    items.sort(key=lambda item: (-item["reports"], item["target"].pk))
    return items


def moderation_log(user):
    """Every hide and restore in what ``user`` moderates, newest first (their scopes come with them)."""
    return (ModerationAction.objects.filter(_generic_filter(moderated_scopes(user)))
            .select_related("moderator", "target_type").prefetch_related("scope").order_by("-created_at", "-id"))
