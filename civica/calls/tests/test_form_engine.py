"""The form engine on its own: numbers as the page's language writes them, and whatever is typed into a
number is a value or an error beside the field, never an exception."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from civica.calls.form_engine import FieldKind, GroupedDecimalField, QuestionFormMixin, localized_number


class Question:
    key, kind, required, min_value, max_value = "figure", FieldKind.NUMBER, True, Decimal(0), Decimal(100)
    max_length, choices, file_types, max_file_mb = None, [], [], 1

    def translated(self, name):
        return {"label": "Figure", "help": ""}[name]

    def value_limits(self):
        return self.min_value, self.max_value


class QuestionForm(QuestionFormMixin, forms.Form):
    grouped_numbers = True

    def __init__(self, *args, strict=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_question(Question())
        if not strict:
            self.relax()


@pytest.mark.parametrize(("language", "typed", "value"), [
    ("ro", "1.234,5", Decimal("1234.5")), ("ro", "12,5", Decimal("12.5")), ("ro", "1 234", Decimal(1234)),
    ("en", "1,234.5", Decimal("1234.5")), ("en", "12.5", Decimal("12.5")),
])
def test_numbers_are_read_as_the_language_writes_them(language, typed, value):
    with translation.override(language):
        assert GroupedDecimalField().clean(typed) == value


def test_a_stored_number_is_shown_in_the_language():
    with translation.override("ro"):
        assert localized_number("1234.5") == "1234,5"
        assert localized_number("abc") == "abc"


def test_a_draft_keeps_an_invalid_value_as_typed_and_strict_refuses_it():
    draft = QuestionForm({"figure": "150"}, strict=False)
    assert not draft.is_valid() and draft.typed_values()["figure"] == "150"
    assert not QuestionForm({}, strict=True).is_valid()
    assert QuestionForm({}, strict=False).is_valid()


@given(st.text(max_size=30))
def test_anything_typed_into_a_number_is_a_value_or_an_error(typed):
    with translation.override("ro"):
        form = QuestionForm({"figure": typed}, strict=True)
        if form.is_valid():
            assert Decimal(0) <= form.cleaned_data["figure"] <= Decimal(100)
        else:
            assert form.errors["figure"]
