"""Numbers as people write them, in either convention: ``1.234,5`` (Romanian) or ``1,234.5`` (English),
``1234.5``, ``1234,5``, ``1 234,5``, ``-0,25``. Plain Python; the import (``importing``) and the
analysts' forms (``forms.LocalizedDecimalField``) both read numbers here, so a figure typed in a form
and the same figure in a file mean the same.

How a text is read, in order:

1. Spaces (also no-break and thin spaces) and a leading ``+`` are ignored; a leading ``-`` makes it negative.
   Anything but digits, ``.`` and ``,`` left over is refused.
2. Both ``.`` and ``,`` present: the **last** one is the decimal separator and the other groups thousands
   (``1.234,5`` and ``1,234.5`` are both one thousand two hundred thirty-four and a half). The grouping must
   be regular (groups of three digits), so ``1,23.4`` is refused.
3. One separator, several times: it groups thousands (``1.234.567``), regularly, or the text is refused.
4. One separator, once, followed by **exactly three digits**, after one to three digits that are not a
   lone ``0`` (``1.234``, ``12,500``): this is the **ambiguous** case, read in the ``convention`` given
   (the file's, chosen on the import form; the language of the page for a form): in Romanian ``.``
   groups and ``,`` is decimal (``1.234`` = 1234, ``1,234`` = 1.234), in English the reverse.
5. Any other single separator is the decimal one (``1234.5``, ``1234,5``, ``0,125``, ``1234.567``).

At most ``MAX_INTEGER_DIGITS`` digits before the decimal separator and ``MAX_DECIMALS`` after it (what
``IndicatorValue.value`` keeps); more is refused, not rounded. A refusal is a ``NumberError`` whose
message is in the active language."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

ROMANIAN = "ro"
ENGLISH = "en"
CONVENTIONS = (ROMANIAN, ENGLISH)
MAX_INTEGER_DIGITS = 14
MAX_DECIMALS = 4
SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009]+")
DIGITS_AND_SEPARATORS = re.compile(r"[0-9.,]+\Z")


class NumberError(ValueError):
    """A text that is not a number (``str(error)`` says why, in the active language)."""


def convention_of(language: str | None) -> str:
    """The convention a language writes numbers in: Romanian's for Romanian, English's otherwise."""
    return ROMANIAN if (language or "").lower().startswith("ro") else ENGLISH


def _grouped(parts: list[str]) -> bool:
    """``parts`` (split at a grouping separator) make a regular grouping: 1–3 digits, then threes."""
    return (1 <= len(parts[0]) <= 3 and parts[0].isdigit()
            and all(len(part) == 3 and part.isdigit() for part in parts[1:]))


def is_ambiguous(text: str) -> bool:
    """Whether the reading of ``text`` depends on the convention (rule 4 above)."""
    cleaned = SPACES.sub("", text or "").lstrip("+-")
    separators = [character for character in cleaned if character in ".,"]
    if len(separators) != 1:
        return False
    whole, _separator, fraction = cleaned.partition(separators[0])
    return len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0" and whole.isdigit() and fraction.isdigit()


def parse_number(text, *, convention: str) -> Decimal:
    """The number ``text`` writes, read as the module's docstring says; ``NumberError`` otherwise."""
    if convention not in CONVENTIONS:
        raise ValueError(f"Unknown convention {convention!r}")
    cleaned = SPACES.sub("", str(text or ""))
    if not cleaned:
        raise NumberError(_("A number is needed."))
    negative = cleaned.startswith("-")
    if cleaned[0] in "+-":
        cleaned = cleaned[1:]
    if not DIGITS_AND_SEPARATORS.match(cleaned):
        raise NumberError(_("“%(text)s” is not a number.") % {"text": str(text)[:40]})
    has_dot, has_comma = "." in cleaned, "," in cleaned
    if has_dot and has_comma:
        decimal_mark = "." if cleaned.rfind(".") > cleaned.rfind(",") else ","
        grouping = "," if decimal_mark == "." else "."
        whole, _mark, fraction = cleaned.rpartition(decimal_mark)
        if decimal_mark in whole or not _grouped(whole.split(grouping)):
            raise NumberError(_("“%(text)s” mixes the separators of thousands and decimals.") % {"text": text})
        whole = whole.replace(grouping, "")
    elif has_dot or has_comma:
        separator = "." if has_dot else ","
        if cleaned.count(separator) > 1:
            parts = cleaned.split(separator)
            if not _grouped(parts):
                raise NumberError(_("“%(text)s” groups its digits irregularly.") % {"text": text})
            whole, fraction = "".join(parts), ""
        else:
            whole, _mark, fraction = cleaned.partition(separator)
            groups_thousands = is_ambiguous(cleaned) and separator == ("." if convention == ROMANIAN else ",")
            if groups_thousands:
                whole, fraction = whole + fraction, ""
    else:
        whole, fraction = cleaned, ""
    if not whole and not fraction:
        raise NumberError(_("“%(text)s” is not a number.") % {"text": text})
    if not (whole or "0").isdigit() or (fraction and not fraction.isdigit()):
        raise NumberError(_("“%(text)s” is not a number.") % {"text": text})
    whole = whole.lstrip("0")
    if len(whole) > MAX_INTEGER_DIGITS:
        raise NumberError(_("The number is too large (at most %(digits)d digits before the decimals).")
                          % {"digits": MAX_INTEGER_DIGITS})
    if len(fraction) > MAX_DECIMALS:
        raise NumberError(_("At most %(decimals)d decimals, please.") % {"decimals": MAX_DECIMALS})
    value = Decimal(f"{whole or '0'}.{fraction}") if fraction else Decimal(whole or "0")
    return -value if negative and value else value
