"""What may change in a call's form once the call is published: nothing that would make a
saved draft or a submitted answer wrong. Plain data in, reasons out; the admin's inline formset
enforces it."""

from django.utils.translation import gettext as _

# A field is described by a dict with: key, kind, required, max_length, min_value, max_value,
# choices, file_types, max_file_mb (the FormField columns).


def change_problems(old: dict, new: dict) -> list[str]:
    """Why changing ``old`` into ``new`` would invalidate drafts (empty when it would not)."""
    problems = []
    label = old.get("label") or old["key"]
    if new["key"] != old["key"]:
        problems.append(_("%(field)s: the key cannot change, answers are stored under it.") % {"field": label})
    if new["kind"] != old["kind"]:
        problems.append(_("%(field)s: the kind of answer cannot change.") % {"field": label})
    if new["required"] and not old["required"]:
        problems.append(_("%(field)s: an optional question cannot become required.") % {"field": label})
    if _tighter_max(old.get("max_length"), new.get("max_length")):
        problems.append(_("%(field)s: the maximum length cannot be lowered.") % {"field": label})
    if _tighter_max(old.get("max_value"), new.get("max_value")) or _tighter_min(old.get("min_value"),
                                                                                new.get("min_value")):
        problems.append(_("%(field)s: the allowed range cannot be narrowed.") % {"field": label})
    if set(old.get("choices") or []) - set(new.get("choices") or []):
        problems.append(_("%(field)s: choices cannot be removed or renamed (they can be added).") % {"field": label})
    if set(old.get("file_types") or []) - set(new.get("file_types") or []):
        problems.append(_("%(field)s: accepted file types cannot be removed.") % {"field": label})
    if (new.get("max_file_mb") or 0) < (old.get("max_file_mb") or 0):
        problems.append(_("%(field)s: the file size limit cannot be lowered.") % {"field": label})
    return problems


def addition_problems(new: dict) -> list[str]:
    if new["required"]:
        return [_("%(field)s: a question added after publication must be optional.") % {
            "field": new.get("label") or new["key"]}]
    return []


def removal_problems(old: dict) -> list[str]:
    return [_("%(field)s: a question cannot be removed once the call is published.") % {
        "field": old.get("label") or old["key"]}]


def _tighter_max(old, new):
    return new is not None and (old is None or new < old)


def _tighter_min(old, new):
    return new is not None and (old is None or new > old)
