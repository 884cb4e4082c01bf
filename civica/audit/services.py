"""Writing the audit log: one function, called by the services of every app whose staff action changes
what the public sees, inside that action's transaction (so a refused or rolled-back action leaves no
entry)."""

from django.contrib.contenttypes.models import ContentType

from .models import AuditEntry


def _plain(value):
    """A value as JSON can keep it (dates, decimals and objects become their text)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return str(value)


def record(*, by, action: str, target=None, summary: str = "", changes: dict | None = None) -> AuditEntry:
    """Keep that ``by`` did ``action`` ("app.model.verb") to ``target``; ``changes`` maps a field to
    ``[before, after]``."""
    actor = by if getattr(by, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=getattr(actor, "email", "") if actor else "",
        action=action[:80],
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=getattr(target, "pk", None) if target is not None else None,
        target_label=str(target)[:300] if target is not None else "",
        summary=summary,
        changes=_plain(changes or {}),
    )


def changed_fields(before: dict, after: dict) -> dict:
    """``{field: [old, new]}`` for the fields whose value differs between two plain snapshots."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}
