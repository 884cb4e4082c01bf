"""Reading the audit log: newest first, filtered by the start of an action's name and by the actor's
address, a page at a time (the page's queries do not grow with its rows: the actor is a kept label)."""

from .models import AuditEntry


def entries(*, action: str = "", actor: str = ""):
    queryset = AuditEntry.objects.select_related("target_type")
    if action:
        queryset = queryset.filter(action__startswith=action)
    if actor:
        queryset = queryset.filter(actor_label__icontains=actor)
    return queryset


def action_prefixes() -> list[str]:
    """The apps that have written to the log ("calls", "meetings", …), for the filter."""
    names = AuditEntry.objects.order_by().values_list("action", flat=True).distinct()
    return sorted({name.split(".", 1)[0] for name in names})
