"""Codes: 80 random bits in Crockford's alphabet with a Luhn mod 32 check symbol (codes.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civica.vouchers import codes


def test_a_new_code_has_80_bits_and_a_check_symbol_and_reads_back_from_its_printed_form():
    code = codes.new_code()
    assert len(code) == 17 and set(code) <= set(codes.ALPHABET)
    assert codes.RANDOM_SYMBOLS * 5 >= 80
    printed = codes.display(code)
    assert printed.count("-") == 4
    assert codes.normalise(printed.lower()) == code
    assert codes.normalise(f"  {printed.replace('-', ' ')} ") == code


def test_letters_read_two_ways_are_forgiven():
    payload = "0" * 15 + "1"
    code = payload + codes.check_symbol(payload)
    assert codes.normalise(code.replace("0", "o").replace("1", "l")) == code


@settings(max_examples=30)
@given(position=st.integers(0, 16), symbol=st.sampled_from(codes.ALPHABET))
def test_every_single_mistyped_symbol_is_caught(position, symbol):
    code = codes.new_code()
    typo = code[:position] + symbol + code[position + 1:]
    if typo == code:
        return
    with pytest.raises(codes.CodeError) as error:
        codes.normalise(typo)
    assert error.value.kind == "check"


@settings(max_examples=30)
@given(position=st.integers(0, 15))
def test_a_swap_of_neighbours_is_caught_unless_it_is_luhns_blind_pair(position):
    code = codes.new_code()
    pair = {code[position], code[position + 1]}
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2:]
    if swapped == code or pair == {"0", "Z"}:
        return
    with pytest.raises(codes.CodeError):
        codes.normalise(swapped)


@pytest.mark.parametrize("typed", ["", "ABC", "0" * 30, "ÎĂȘ" * 6, "U" * 17])
def test_what_is_not_a_code_is_refused_by_its_shape(typed):
    with pytest.raises(codes.CodeError) as error:
        codes.normalise(typed)
    assert error.value.kind == "shape"
