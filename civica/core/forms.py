"""Form fields every app may use."""

from django import forms
from django.core.exceptions import ValidationError

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
