"""Refusals: a permission's decision is the conjunction of its requirements, its reason the first that fails."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.functional import lazy

from civica.accounts.tests.factories import UserFactory
from civica.core import refusals
from civica.core.refusals import Refused, Requirements


@rules.predicate
def is_even(user, number):
    return number % 2 == 0


@rules.predicate
def is_small(user, number):
    return number < 10


@pytest.fixture
def declared():
    refusals.add_perm("core.take_number", Requirements(
        (rules.is_authenticated, lazy(lambda: "Log in first.", str)()),  # lazy text, as rules.py writes it
        (is_even, lambda user, number: f"{number} is odd."),
        (is_small, "Too big."),
    ))
    yield "core.take_number"
    refusals.remove_perm("core.take_number")


@pytest.mark.django_db
@pytest.mark.parametrize("number", [2, 3, 12, 13])
@pytest.mark.parametrize("logged_in", [True, False])
def test_the_decision_is_every_requirement_and_the_reason_the_first_failing(declared, logged_in, number):
    user = UserFactory() if logged_in else AnonymousUser()
    allowed = user.has_perm(declared, number)
    assert allowed == (logged_in and number % 2 == 0 and number < 10)
    expected = ("Log in first." if not logged_in else f"{number} is odd." if number % 2 else
                "Too big." if number >= 10 else None)
    assert refusals.why_not(user, declared, number) == expected
    failing = refusals.failing(user, declared, number)
    assert (failing.name if failing else None) == {
        "Log in first.": "is_authenticated", f"{number} is odd.": "is_even", "Too big.": "is_small", None: None,
    }[expected]


@pytest.mark.django_db
def test_check_raises_a_refusal_carrying_its_message(declared):
    user = UserFactory()
    refusals.check(user, declared, 4)
    with pytest.raises(Refused, match="^7 is odd.$") as refused:
        refusals.check(user, declared, 7)
    assert isinstance(refused.value, PermissionDenied)
    assert refusals.refusal_message(refused.value) == "7 is odd."


@pytest.mark.django_db
@translation.override("en")
def test_a_permission_without_requirements_is_checked_with_the_message_given():
    rules.add_perm("core.plain", rules.is_authenticated)
    try:
        refusals.check(UserFactory(), "core.plain")
        with pytest.raises(Refused, match="Members only."):
            refusals.check(AnonymousUser(), "core.plain", otherwise="Members only.")
        assert refusals.why_not(AnonymousUser(), "core.plain") == "You may not do this."
    finally:
        rules.remove_perm("core.plain")


def test_refusal_message_reads_every_kind_of_refusal():
    assert refusals.refusal_message(PermissionDenied("No.")) == "No."
    assert refusals.refusal_message(ValidationError(["One.", "Two."])) == "One. Two."
    assert refusals.refusal_message(ValidationError({"field": ["Wrong."]})) == "Wrong."


@pytest.mark.django_db
def test_a_requirement_may_carry_a_short_key():
    refusals.add_perm("core.take_small", Requirements((is_even & is_small, "Small and even.", "small_even")))
    try:
        assert refusals.failing(UserFactory(), "core.take_small", 3).name == "small_even"
    finally:
        refusals.remove_perm("core.take_small")


def test_a_permission_needs_a_requirement():
    with pytest.raises(ValueError):
        Requirements()
