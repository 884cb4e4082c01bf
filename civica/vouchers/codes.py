"""Voucher codes: 16 random symbols of Crockford's base-32 alphabet (80 bits from ``secrets``), then one
check symbol, written in groups of four: ``7KQ2-M9XD-4TRB-HW3E-P``.

- The alphabet has no I, L, O or U: nothing is read two ways. Typing is forgiven: lower case, spaces,
  hyphens, and O for 0, I or L for 1 are normalised before anything else.
- The check symbol is Luhn mod 32 over the 16 symbols: it catches every single mistyped symbol and
  every swap of two neighbouring symbols but 0 and Z (Luhn's one blind pair), so a slip is told apart
  from a code that does not exist (and costs no database query).
- 80 bits: guessing one valid code among a million issued takes about 2^60 tries; the rate limits and the
  lock after wrong codes (limits.py) allow a few hundred an hour."""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BASE = len(ALPHABET)  # 32: 5 bits a symbol
RANDOM_SYMBOLS = 16  # 80 bits
LENGTH = RANDOM_SYMBOLS + 1
GROUP = 4
# What people type for what they read: Crockford's own equivalences.
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")


class CodeError(ValueError):
    """A code that cannot be one: wrong length or symbols (``kind="shape"``), or a failed check symbol
    (``kind="check"``: a typing mistake)."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def check_symbol(payload: str) -> str:
    """Luhn mod 32 of ``payload`` (symbols of ``ALPHABET``)."""
    factor = 2
    total = 0
    for symbol in reversed(payload):
        addend = factor * ALPHABET.index(symbol)
        factor = 1 if factor == 2 else 2
        total += addend // BASE + addend % BASE
    return ALPHABET[(BASE - total % BASE) % BASE]


def new_code() -> str:
    """A fresh code, normalised (no separators)."""
    payload = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return payload + check_symbol(payload)


def normalise(typed: str) -> str:
    """The code as stored, from what was typed; raises :class:`CodeError`."""
    code = _SEPARATORS.sub("", typed or "").upper().translate(_TYPED)
    if len(code) != LENGTH or any(symbol not in ALPHABET for symbol in code):
        raise CodeError("shape")
    if check_symbol(code[:-1]) != code[-1]:
        raise CodeError("check")
    return code


def display(code: str) -> str:
    """The code in groups of four, the check symbol last: ``7KQ2-M9XD-4TRB-HW3E-P``."""
    return "-".join(code[index:index + GROUP] for index in range(0, len(code), GROUP))
