"""Form fields every app may use, the staff screens' layout of a form in sections, and the one way a
staff screen saves a posted form through a service."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError

from . import refusals
from .params import parse_int


class ModelMultipleIdsField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` of rows chosen by id that refuses, as invalid choices and
    before any query, ids that are not ASCII numbers within 64 bits (SQLite cannot compare a larger
    number with a column and fails; "²" and "abc" need no query to be refused either)."""

    def _check_values(self, value):
        if self.to_field_name is None:
            for pk in value if isinstance(value, (list, tuple)) else []:
                if parse_int(str(pk), minimum=1) is None:
                    raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                          params={"pk": pk})
        return super()._check_values(value)


class SectionsMixin:
    """The form's fields as the staff's screens lay them out (``core/_form_sections.html``): the Romanian
    and the English fields side by side, then the other groups (``SECTIONS``: ``(legend, field names)``;
    a group whose names all end in ``_ro`` is listed with their ``_en`` twins)."""

    SECTIONS = ()

    def sections(self) -> list[dict]:
        laid_out = []
        for legend, names in self.SECTIONS:
            if names and all(name.endswith("_ro") for name in names):
                laid_out.append({"legend": legend, "romanian": [self[name] for name in names],
                                 "english": [self[name[:-3] + "_en"] for name in names]})
            else:
                laid_out.append({"legend": legend, "fields": [self[name] for name in names]})
        return laid_out


def save_posted(request, form, save, success):
    """Run ``save(cleaned_data)`` when the posted form is valid; a service's refusal goes beside its
    field (or above the form). Returns the saved row, or None when the form is to be shown again."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        row = save(form.cleaned_data)
    except ValidationError as error:
        refusals.add_to_form(form, error)
        return None
    messages.success(request, success)
    return row
