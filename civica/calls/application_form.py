"""The application form of a call, built from its FormFields by the form engine (``form_engine``).

Two ways to use it: a draft keeps everything typed (a value that does not validate is kept as
typed and flagged), and submission validates everything strictly: the budget's total within the
call's limits, files checked by content and size through ``core.uploads``. The budget and team tables
are a call's own kinds, built here; every other question is the engine's."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core.formatting import format_money

from .form_engine import FieldKind, QuestionFormMixin, plain, stored_to_data

TABLE_ROWS = 8
TEAM_ROWS = 6


def _row_keys(field, columns, rows):
    return [[f"{field.key}__{column}_{row}" for column in columns] for row in range(rows)]


class ApplicationForm(QuestionFormMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Project title"), max_length=200)
    amount_requested = forms.DecimalField(label=gettext_lazy("Amount requested (lei)"), max_digits=14,
                                          decimal_places=2, localize=True)

    def __init__(self, *args, call, organisations=(), existing_files=(), strict=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.call, self.strict = call, strict
        self.form_fields = list(call.form_fields.all())
        self.existing_files = set(existing_files)
        if call.amount_max == 0:
            # A call without money (a call for seats): nothing to request.
            del self.fields["amount_requested"]
            self.fields["title"].label = gettext_lazy("Title of your application")
        if organisations:
            self.fields["organisation"] = forms.TypedChoiceField(
                label=_("On behalf of"), coerce=int, choices=[(org.pk, org.name) for org in organisations])
        for field in self.form_fields:
            self._add(field)
        if not strict:
            self.relax()

    def _add(self, field):
        kind = field.kind
        if kind not in (FieldKind.BUDGET_TABLE, FieldKind.TEAM_MEMBERS):
            self.add_question(field, has_file=field.key in self.existing_files)
        elif kind == FieldKind.BUDGET_TABLE:
            for item, amount in _row_keys(field, ("item", "amount"), TABLE_ROWS):
                self.fields[item] = forms.CharField(label=_("Budget line"), max_length=200, required=False)
                self.fields[amount] = forms.DecimalField(label=_("Amount (lei)"), max_digits=14, decimal_places=2,
                                                         min_value=0, localize=True, required=False)
        elif kind == FieldKind.TEAM_MEMBERS:
            for name, role in _row_keys(field, ("name", "role"), TEAM_ROWS):
                self.fields[name] = forms.CharField(label=_("Name"), max_length=150, required=False)
                self.fields[role] = forms.CharField(label=_("Role in the project"), max_length=150, required=False)

    def clean_amount_requested(self):
        amount = self.cleaned_data.get("amount_requested")
        call = self.call
        if amount is not None and not (call.amount_min <= amount <= call.amount_max):
            raise forms.ValidationError(_("The amount must be between %(min)s and %(max)s.") % {
                "min": format_money(call.amount_min), "max": format_money(call.amount_max)})
        return amount

    def clean(self):
        cleaned = super().clean()
        for field in self.form_fields:
            if field.kind == FieldKind.BUDGET_TABLE:
                lines = self._rows(field, ("item", "amount"), TABLE_ROWS, cleaned)
                total = sum((line["amount"] for line in lines if line.get("amount") is not None), Decimal(0))
                if self.strict and field.required and not lines:
                    self.add_error(f"{field.key}__item_0", _("Add at least one budget line."))
                if lines and self.strict and not (self.call.amount_min <= total <= self.call.amount_max):
                    self.add_error(f"{field.key}__item_0", _(
                        "The budget total is %(total)s; it must be between %(min)s and %(max)s.") % {
                        "total": format_money(total), "min": format_money(self.call.amount_min),
                        "max": format_money(self.call.amount_max)})
            elif field.kind == FieldKind.TEAM_MEMBERS:
                members = self._rows(field, ("name", "role"), TEAM_ROWS, cleaned)
                if self.strict and field.required and not members:
                    self.add_error(f"{field.key}__name_0", _("Add at least one team member."))
        self.clean_files(cleaned, self.form_fields)
        return cleaned

    def _rows(self, field, columns, rows, cleaned):
        lines = []
        for keys in _row_keys(field, columns, rows):
            values = {column: cleaned.get(key) for column, key in zip(columns, keys, strict=True)}
            if any(value not in (None, "") for value in values.values()):
                lines.append(values)
        return lines

    def answers(self):
        """What to store: valid values in a stable shape; in a draft, invalid ones as typed."""
        data = {}
        for field in self.form_fields:
            if field.kind == FieldKind.FILE:
                continue
            if field.kind == FieldKind.BUDGET_TABLE:
                data[field.key] = [{"item": line["item"] or "", "amount": plain(line["amount"])}
                                   for line in self._rows(field, ("item", "amount"), TABLE_ROWS, self.typed_values())]
            elif field.kind == FieldKind.TEAM_MEMBERS:
                data[field.key] = self._rows(field, ("name", "role"), TEAM_ROWS, self.typed_values())
            else:
                data[field.key] = plain(self.typed_values().get(field.key))
        return data

    def draft_data(self) -> dict:
        """Plain data for ``services.application_save_draft``: what to keep of a (draft) form."""
        values = self.typed_values()
        organisation = self.cleaned_data.get("organisation") if "organisation" not in self.errors else None
        return {
            "title": str(values.get("title") or ""),
            "amount_requested": (self.cleaned_data.get("amount_requested")
                                 if "amount_requested" not in self.errors else None),
            "organisation_id": organisation or None,
            "answers": self.answers(),
            "uploads": self.uploads(),
        }

    def uploads(self):
        return self.question_uploads(self.form_fields)


def answers_to_data(call, application):
    """Stored answers back into form data, to show a draft or to check it strictly."""
    data = {"title": application.title,
            "amount_requested": "" if application.amount_requested is None else str(application.amount_requested)}
    if application.organisation_id:
        data["organisation"] = str(application.organisation_id)
    for field in call.form_fields.all():
        value = application.answers.get(field.key)
        if field.kind == FieldKind.BUDGET_TABLE:
            for row, line in enumerate((value or [])[:TABLE_ROWS]):
                data[f"{field.key}__item_{row}"] = line.get("item", "")
                data[f"{field.key}__amount_{row}"] = line.get("amount") or ""
        elif field.kind == FieldKind.TEAM_MEMBERS:
            for row, member in enumerate((value or [])[:TEAM_ROWS]):
                data[f"{field.key}__name_{row}"] = member.get("name", "")
                data[f"{field.key}__role_{row}"] = member.get("role", "")
        else:
            stored_to_data(field, value, data)
    return data
