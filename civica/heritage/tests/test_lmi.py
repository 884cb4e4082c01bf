"""The LMI code validator: every code written as the List of Historic Monuments writes it is accepted (and
survives normalising), the usual typing slips are normalised, anything else is refused with a message."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from civica.heritage.lmi import COUNTIES, normalise_lmi_code, validate_lmi_code

codes = st.builds(
    lambda county, group, form, value, number, parts: f"{county}-{group}-{form}-{value}-{number:05d}" + "".join(
        f".{part:02d}" for part in parts),
    st.sampled_from(sorted(COUNTIES)), st.sampled_from(["I", "II", "III", "IV"]), st.sampled_from("mas"),
    st.sampled_from("AB"), st.integers(0, 99999), st.lists(st.integers(0, 99), max_size=2))


@given(codes)
def test_every_well_written_code_is_accepted_and_stays_itself(code):
    validate_lmi_code(code)
    assert normalise_lmi_code(code) == code


@given(codes)
def test_typing_slips_are_normalised(code):
    county, group, form, value, rest = code.split("-")
    typed = f" {county.lower()} – {group.lower()}-{form.upper()}-{value.lower()}—{rest} "
    assert normalise_lmi_code(typed) == code


@given(st.text(max_size=30))
def test_anything_else_is_refused_or_a_real_code(text):
    try:
        validate_lmi_code(text)
    except ValidationError as error:
        assert error.code == "invalid_lmi"
    else:
        assert text.split("-")[0] in COUNTIES


@pytest.mark.parametrize("code", ["CJ-II-m-A-7232", "XX-II-m-A-07232", "CJ-V-m-A-07232", "CJ-II-x-A-07232",
                                  "CJ-II-m-C-07232", "CJ-II-m-A-07232.1", "CJ-II-m-A-07232.01.02.03", ""])
def test_malformed_codes_are_refused(code):
    with pytest.raises(ValidationError):
        validate_lmi_code(code)
