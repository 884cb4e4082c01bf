"""The reader of numbers in either convention (``numbers.parse_number``), its ambiguous case, and a fuzz:
whatever is typed, a number or a ``NumberError``, never another exception; a number written in a
convention reads back as itself."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civica.observatory.numbers import ENGLISH, ROMANIAN, NumberError, is_ambiguous, parse_number


@pytest.mark.parametrize(("text", "romanian", "english"), [
    ("1.234,5", "1234.5", "1234.5"),
    ("1,234.5", "1234.5", "1234.5"),
    ("1234.5", "1234.5", "1234.5"),
    ("1234,5", "1234.5", "1234.5"),
    ("1 234,5", "1234.5", "1234.5"),
    ("1\u00a0234.5", "1234.5", "1234.5"),
    ("1.234.567", "1234567", "1234567"),
    ("1,234,567", "1234567", "1234567"),
    ("1.234.567,89", "1234567.89", "1234567.89"),
    ("-0,25", "-0.25", "-0.25"),
    ("+3", "3", "3"),
    ("0,125", "0.125", "0.125"),  # a lone 0 never groups thousands
    ("1234.567", "1234.567", "1234.567"),  # four digits before: the separator is a decimal one
    ("12,5", "12.5", "12.5"),
    # The ambiguous case: one separator followed by exactly three digits.
    ("1.234", "1234", "1.234"),
    ("1,234", "1.234", "1234"),
    ("12.500", "12500", "12.5"),
    ("999,999", "999.999", "999999"),
])
def test_both_conventions(text, romanian, english):
    assert parse_number(text, convention=ROMANIAN) == Decimal(romanian)
    assert parse_number(text, convention=ENGLISH) == Decimal(english)


@pytest.mark.parametrize("text", ["1.234", "1,234", "12.500", "999,999"])
def test_the_ambiguous_cases_are_recognised(text):
    assert is_ambiguous(text)


@pytest.mark.parametrize("text", ["1.234,5", "1234.5", "0,123", "1234,567", "1.234.567", "5"])
def test_the_unambiguous_cases_are_recognised(text):
    assert not is_ambiguous(text)


@pytest.mark.parametrize("text", ["", " ", "abc", "1,23.4", "1.23.4", "1,2,3", "12a", "1e5", "--1", "1-",
                                  "٣", "1.234,5,6", ".", ",", "1.234.5", "123456789012345", "1,12345", "NaN",
                                  "Infinity", "²"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(NumberError):
        parse_number(text, convention=ROMANIAN)


def test_refusals_speak_the_language():
    from django.utils import translation

    with translation.override("ro"), pytest.raises(NumberError) as refused:
        parse_number("abc", convention=ROMANIAN)
    assert "nu este un număr" in str(refused.value) or "is not a number" in str(refused.value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,- +\u00a0a²٣"), max_size=24),
       st.sampled_from([ROMANIAN, ENGLISH]))
def test_fuzz_any_text_is_a_number_or_refused(text, convention):
    try:
        value = parse_number(text, convention=convention)
    except NumberError:
        return
    assert isinstance(value, Decimal) and value.is_finite()


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=Decimal("-99999999999999"), max_value=Decimal("99999999999999"), places=4,
                   allow_nan=False, allow_infinity=False))
def test_fuzz_a_number_written_in_either_convention_reads_back(value):
    plain = f"{value:f}"
    whole, _dot, fraction = plain.lstrip("-").partition(".")
    grouped = f"{int(whole):,}"
    sign = "-" if value < 0 else ""
    english = sign + grouped + (f".{fraction}" if fraction else "")
    romanian = sign + grouped.replace(",", ".") + (f",{fraction}" if fraction else "")
    assert parse_number(english, convention=ENGLISH) == value
    assert parse_number(romanian, convention=ROMANIAN) == value
