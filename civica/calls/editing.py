"""Editors' writes that set a call up: a new call from its kind's blueprint, its details, guide
documents, the application form's fields (added, changed, moved, removed) and the criteria. Every
function checks ``calls.manage_call`` (or ``calls.manage_calls`` to create) and records what the public
sees change in the audit log. The status moves and the jury are in evaluation.py.

Once a call is published its form changes only in ways that keep every draft and submitted answer
valid (form_rules.py): ``field_problems`` maps each refused change to the input it concerns, so the
screen shows the reason beside it. Criteria are fixed once the evaluation starts: reviews are scored
on them."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.text import slugify
from django.utils.translation import gettext as _

from civica.audit import services as audit_log

from . import form_rules
from .blueprints import BLUEPRINTS
from .models import Call, CallDocument, CallStatus, Criterion, FormField

# The FormField columns the published-form guard compares (form_rules' description of a field).
SPEC = ["key", "kind", "required", "max_length", "min_value", "max_value", "choices", "file_types", "max_file_mb"]
CALL_FIELDS = ["title_ro", "title_en", "summary_ro", "summary_en", "guide_ro", "guide_en", "programme",
               "eligibility", "eligible_categories", "opens_at", "closes_at", "questions_until", "evaluation_until",
               "results_on", "budget_total", "amount_min", "amount_max", "is_blind", "disagreement_threshold",
               "image", "image_alt"]
FIELD_FIELDS = ["key", "kind", "label_ro", "label_en", "help_ro", "help_en", "required", "identifying",
                "max_length", "min_value", "max_value", "choices", "file_types", "max_file_mb"]
CRITERION_FIELDS = ["name_ro", "name_en", "description_ro", "description_en", "weight", "scale_min", "scale_max"]
RESERVED_SLUGS = {"manage", "mine", "reviews"}
SCORING_STARTED = (CallStatus.EVALUATION, CallStatus.RANKING_LOCKED, CallStatus.RESULTS_PUBLISHED)


def _require_editor(by, call=None, permission="calls.manage_call"):
    if not by.has_perm(permission, call):
        raise PermissionDenied(_("Only the centre's editors run calls."))


def _snapshot(obj, names) -> dict:
    values = {name: getattr(obj, f"{name}_id" if name == "programme" else name) for name in names}
    if "image" in values:
        values["image"] = values["image"].name or ""
    return values


def _unique_slug(title: str) -> str:
    base = slugify(title)[:90] or "apel"
    slug, number = base, 2
    # "manage", "mine" and "reviews" are addresses of their own under /calls/.
    while slug in RESERVED_SLUGS or Call.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def call_create(*, by, kind, title_ro, title_en="", summary_ro, summary_en="", opens_at, closes_at,
                budget_total, amount_min, amount_max) -> Call:
    """A draft call with its kind's default form, criteria and eligibility (blueprints.py)."""
    _require_editor(by, permission="calls.manage_calls")
    blueprint = BLUEPRINTS[kind]
    call = Call(kind=kind, slug=_unique_slug(title_ro), title_ro=title_ro, title_en=title_en, summary_ro=summary_ro,
                summary_en=summary_en, opens_at=opens_at, closes_at=closes_at, budget_total=budget_total,
                amount_min=amount_min, amount_max=amount_max, eligibility=blueprint.eligibility,
                is_blind=blueprint.is_blind)
    call.full_clean()
    with transaction.atomic():
        call.save()
        FormField.objects.bulk_create([
            FormField(call=call, position=position, key=spec.key, kind=spec.kind, label_ro=spec.label_ro,
                      label_en=spec.label_en, required=spec.required, **spec.options)
            for position, spec in enumerate(blueprint.fields)])
        Criterion.objects.bulk_create([
            Criterion(call=call, position=position, name_ro=spec.name_ro, name_en=spec.name_en, weight=spec.weight)
            for position, spec in enumerate(blueprint.criteria)])
        audit_log.record(by=by, action="calls.call.create", target=call,
                         summary=_("Call created as a draft (%(kind)s).") % {"kind": call.get_kind_display()})
    return call


def _locked(call) -> Call:
    return Call.objects.select_for_update().get(pk=call.pk)


def call_update(*, call, by, goals=None, **values) -> Call:
    """Details, guide, timeline, budget and eligibility (``values``: any of CALL_FIELDS), and the goals
    the call (and so its funded projects) serves, when ``goals`` is given."""
    _require_editor(by, call)
    with transaction.atomic():
        locked = _locked(call)
        before = _snapshot(locked, CALL_FIELDS)
        for name, value in values.items():
            if name not in CALL_FIELDS:
                raise ValueError(name)
            if name == "image":
                # A form's image: False to clear it, a new (checked, re-encoded) file, or the stored one.
                if value is False:
                    locked.image = ""
                elif value and not isinstance(value, FieldFile):
                    locked.image = value
                continue
            setattr(locked, name, value)
        locked.full_clean(exclude=["slug"])
        locked.save()
        if goals is not None:
            locked.goals.set(goals)
        if locked.status != CallStatus.DRAFT:
            audit_log.record(by=by, action="calls.call.update", target=locked, summary=_("Call details changed."),
                             changes=audit_log.changed_fields(before, _snapshot(locked, CALL_FIELDS)))
    for name in values:
        setattr(call, name, getattr(locked, name))
    return call


def document_add(*, call, by, title, file) -> CallDocument:
    """A guide document (a PDF checked by the form), public like the call page that links it."""
    _require_editor(by, call)
    document = CallDocument(call=call, title=(title or "").strip(), file=file)
    document.full_clean()
    with transaction.atomic():
        document.save()
        if call.status != CallStatus.DRAFT:
            audit_log.record(by=by, action="calls.document.add", target=call,
                             summary=_("Document added: %(title)s.") % {"title": document.title})
    return document


def document_delete(*, document, by) -> None:
    call = document.call
    _require_editor(by, call)
    with transaction.atomic():
        title = document.title
        document.delete()  # its file goes once the deletion commits (calls.apps)
        if call.status != CallStatus.DRAFT:
            audit_log.record(by=by, action="calls.document.delete", target=call,
                             summary=_("Document removed: %(title)s.") % {"title": title})


# --- The application form --------------------------------------------------------------------

def _spec(values: dict, label) -> dict:
    return {**{name: values.get(name) for name in SPEC}, "label": label}


def field_problems(call, field, values: dict) -> dict[str, list[str]]:
    """Why the published-form guard refuses this change, by input (``values``: FIELD_FIELDS).

    Each attribute is tried alone against the stored field, so a reason lands beside the input that
    caused it; a draft call's form changes freely."""
    if call.status == CallStatus.DRAFT:
        return {}
    if field is None:
        problems = form_rules.addition_problems(_spec(values, values.get("label_ro")))
        return {"required": problems} if problems else {}
    old = _spec({name: getattr(field, name) for name in SPEC}, field.label_ro)
    found = {}
    for name in SPEC:
        changed = {**old, name: values.get(name, old[name])}
        problems = form_rules.change_problems(old, changed)
        if problems:
            found[name] = problems
    return found


def _field_changes_log(by, call, action, summary, changes=None):
    if call.status != CallStatus.DRAFT:
        # After publishing, every change of the form applicants fill in is kept.
        audit_log.record(by=by, action=action, target=call, summary=summary, changes=changes)


def field_save(*, call, by, field=None, **values) -> FormField:
    """Add (``field`` None) or change a question; refused with a ValidationError by input when the
    call is published and the change would invalidate answers."""
    _require_editor(by, call)
    with transaction.atomic():
        locked = _locked(call)
        if field is not None:
            field = FormField.objects.select_for_update().get(pk=field.pk, call=locked)
        problems = field_problems(locked, field, values)
        if problems:
            raise ValidationError(problems)
        before = _snapshot(field, FIELD_FIELDS) if field is not None else {}
        if field is None:
            last = locked.form_fields.aggregate(last=Max("position"))["last"]
            field = FormField(call=locked, position=0 if last is None else last + 1)
        for name, value in values.items():
            if name not in FIELD_FIELDS:
                raise ValueError(name)
            setattr(field, name, value)
        if FormField.objects.filter(call=locked, key=field.key).exclude(pk=field.pk).exists():
            raise ValidationError({"key": [_("Another question of this call already has this key.")]})
        field.full_clean(exclude=["call"])
        field.save()
        _field_changes_log(by, locked, "calls.form.change", _("Question saved: %(label)s.") % {"label": field.label_ro},
                           audit_log.changed_fields(before, _snapshot(field, FIELD_FIELDS)))
    return field


def _renumber(rows):
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            row.save(update_fields=["position"])


def _move(rows, pk, direction):
    index = next((i for i, row in enumerate(rows) if row.pk == pk), None)
    if index is None:
        raise ValidationError(_("This item is no longer there."))
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(rows):
        rows[index], rows[other] = rows[other], rows[index]
    _renumber(rows)


def field_move(*, field, by, direction) -> None:
    """One place up or down (positions renumbered 0, 1, 2… under the call's lock)."""
    _require_editor(by, field.call)
    with transaction.atomic():
        locked = _locked(field.call)
        _move(list(FormField.objects.filter(call=locked).order_by("position", "id")), field.pk, direction)
        _field_changes_log(by, locked, "calls.form.move", _("Question moved: %(label)s.") % {"label": field.label_ro})


def field_delete(*, field, by) -> None:
    _require_editor(by, field.call)
    with transaction.atomic():
        locked = _locked(field.call)
        if locked.status != CallStatus.DRAFT:
            raise ValidationError(form_rules.removal_problems({"key": field.key, "label": field.label_ro}))
        FormField.objects.filter(pk=field.pk).delete()
        _renumber(list(FormField.objects.filter(call=locked).order_by("position", "id")))


# --- Criteria -----------------------------------------------------------------------------------

def _criteria_open(call):
    if call.status in SCORING_STARTED:
        raise ValidationError(_("The criteria cannot change once the evaluation has started: reviews are scored "
                                "on them."))


def criterion_save(*, call, by, criterion=None, **values) -> Criterion:
    _require_editor(by, call)
    with transaction.atomic():
        locked = _locked(call)
        _criteria_open(locked)
        before = _snapshot(criterion, CRITERION_FIELDS) if criterion is not None else {}
        if criterion is None:
            last = locked.criteria.aggregate(last=Max("position"))["last"]
            criterion = Criterion(call=locked, position=0 if last is None else last + 1)
        else:
            criterion = Criterion.objects.select_for_update().get(pk=criterion.pk, call=locked)
        for name, value in values.items():
            if name not in CRITERION_FIELDS:
                raise ValueError(name)
            setattr(criterion, name, value)
        if criterion.weight is not None and criterion.weight <= Decimal(0):
            raise ValidationError({"weight": [_("A weight is more than zero.")]})
        criterion.full_clean(exclude=["call"])
        criterion.save()
        if locked.status != CallStatus.DRAFT:
            audit_log.record(by=by, action="calls.criterion.change", target=locked,
                             summary=_("Criterion saved: %(name)s.") % {"name": criterion.name_ro},
                             changes=audit_log.changed_fields(before, _snapshot(criterion, CRITERION_FIELDS)))
    return criterion


def criterion_move(*, criterion, by, direction) -> None:
    _require_editor(by, criterion.call)
    with transaction.atomic():
        locked = _locked(criterion.call)
        _criteria_open(locked)
        _move(list(Criterion.objects.filter(call=locked).order_by("position", "id")), criterion.pk, direction)


def criterion_delete(*, criterion, by) -> None:
    _require_editor(by, criterion.call)
    with transaction.atomic():
        locked = _locked(criterion.call)
        _criteria_open(locked)
        name = criterion.name_ro
        Criterion.objects.filter(pk=criterion.pk).delete()
        _renumber(list(Criterion.objects.filter(call=locked).order_by("position", "id")))
        if locked.status != CallStatus.DRAFT:
            audit_log.record(by=by, action="calls.criterion.delete", target=locked,
                             summary=_("Criterion removed: %(name)s.") % {"name": name})
