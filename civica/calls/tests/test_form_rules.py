import pytest
from django.utils import translation

from civica.calls.form_rules import addition_problems, change_problems, removal_problems


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield

BASE = {"key": "summary", "label": "Summary", "kind": "long_text", "required": False, "max_length": 500,
        "min_value": None, "max_value": None, "choices": ["a", "b"], "file_types": ["pdf"], "max_file_mb": 10}


def test_harmless_changes_pass():
    assert change_problems(BASE, {**BASE, "label": "Short summary", "max_length": 800, "choices": ["a", "b", "c"],
                                  "file_types": ["pdf", "png"], "max_file_mb": 20}) == []


def test_changes_that_invalidate_drafts_are_refused_with_reasons():
    problems = change_problems(BASE, {**BASE, "kind": "short_text", "required": True, "max_length": 100,
                                      "choices": ["a"], "file_types": [], "max_file_mb": 5, "max_value": 3})
    assert len(problems) == 7
    assert "Summary: the kind of answer cannot change." in problems


def test_additions_and_removals():
    assert addition_problems({**BASE, "required": False}) == []
    assert addition_problems({**BASE, "required": True})
    assert removal_problems(BASE) == ["Summary: a question cannot be removed once the call is published."]


def _formset_data(call, changes):
    from django.forms.models import model_to_dict

    fields = list(call.form_fields.order_by("pk"))
    data = {"form_fields-TOTAL_FORMS": str(len(fields)), "form_fields-INITIAL_FORMS": str(len(fields)),
            "form_fields-MIN_NUM_FORMS": "0", "form_fields-MAX_NUM_FORMS": "1000"}
    for index, field in enumerate(fields):
        values = model_to_dict(field)
        values.update(changes.get(field.key, {}))
        for name, value in values.items():
            if name in ("call",):
                continue
            if isinstance(value, bool):
                if value:
                    data[f"form_fields-{index}-{name}"] = "on"
            elif isinstance(value, list):
                import json

                data[f"form_fields-{index}-{name}"] = json.dumps(value)
            elif value is not None:
                data[f"form_fields-{index}-{name}"] = str(value)
        data[f"form_fields-{index}-call"] = str(call.pk)
    return data


def test_admin_refuses_to_change_a_published_form_in_ways_that_break_drafts(db):
    from django.forms.models import inlineformset_factory
    from django.utils import translation

    from civica.calls.admin import PublishedFormGuard
    from civica.calls.models import Call, FormField
    from civica.calls.tests.factories import CallFactory

    call = CallFactory()
    formset_class = inlineformset_factory(Call, FormField, formset=PublishedFormGuard, exclude=[], extra=0,
                                          can_delete=True)
    with translation.override("en"):
        harmless = formset_class(_formset_data(call, {"summary": {"label_en": "Short summary"}}), instance=call)
        assert harmless.is_valid(), harmless.errors
        breaking = formset_class(_formset_data(call, {"summary": {"max_length": 100}, "team": {"required": True}}),
                                 instance=call)
        assert not breaking.is_valid()
        assert "Rezumat: the maximum length cannot be lowered." in breaking.non_form_errors()
        assert "Echipa: an optional question cannot become required." in breaking.non_form_errors()
        removal = formset_class({**_formset_data(call, {}), "form_fields-0-DELETE": "on"}, instance=call)
        assert not removal.is_valid()
        call.status = "draft"
        call.save()
        assert formset_class(_formset_data(call, {"summary": {"max_length": 100}}), instance=call).is_valid()
