import pytest
from django.core.exceptions import ValidationError

from civica.participation.phases import Action, PhaseContent, phase_contents, validate_phase_kind


def test_the_standard_phases_declare_what_they_allow():
    assert Action.CREATE_IDEA in phase_contents["ideas"].actions
    assert Action.SUPPORT in phase_contents["voting"].actions
    assert Action.CREATE_IDEA not in phase_contents["voting"].actions
    assert not phase_contents["information"].actions
    keys = [key for key, _name in phase_contents.choices()]
    assert keys[:5] == ["information", "ideas", "debate", "voting", "results"]


def test_a_phase_kind_must_be_registered():
    validate_phase_kind("ideas")
    with pytest.raises(ValidationError):
        validate_phase_kind("lottery")


def test_temporary_registration_for_tests():
    content = PhaseContent("survey", "Survey", "Answer questions", frozenset({Action.COMMENT}))
    with phase_contents.temporarily(content):
        validate_phase_kind("survey")
        with pytest.raises(ValueError):
            phase_contents.register(content)
    assert "survey" not in phase_contents
