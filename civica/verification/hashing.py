"""Census identifiers as keyed hashes: never a raw identifier in the database, logs or errors.

An identifier (a CNP, or the city's own resident number) is normalised (spaces, dots and dashes dropped,
letters upper-cased) and, with the birth date in ISO form, keyed with HMAC-SHA256 under the dedicated
secret ``CIVICA_CENSUS_KEY`` (not ``SECRET_KEY``: rotating one must not break the other). The same
person typed on the verification page gives the same digest as their census line, and the digests
tell nothing without the key (a CNP's 13 digits alone are guessable by brute force; the key is not)."""

import hashlib
import hmac
import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_SEPARATORS = re.compile(r"[\s.\-/]+")


def normalise_identifier(value: str) -> str:
    """``value`` without spaces, dots, dashes and slashes, upper-cased (" 190 0101-4 " → "19001014")."""
    return _SEPARATORS.sub("", value or "").upper()


def census_key() -> bytes:
    key = getattr(settings, "CIVICA_CENSUS_KEY", "")
    if not key:
        raise ImproperlyConfigured("CIVICA_CENSUS_KEY must be set to verify residents against a census.")
    if key == settings.SECRET_KEY:
        raise ImproperlyConfigured("CIVICA_CENSUS_KEY must differ from DJANGO_SECRET_KEY.")
    return key.encode()


def census_digest(identifier: str, birth_date: date) -> str:
    """The hex HMAC-SHA256 of the normalised identifier and the birth date, under the census key."""
    message = f"{normalise_identifier(identifier)}|{birth_date.isoformat()}".encode()
    return hmac.new(census_key(), message, hashlib.sha256).hexdigest()


def code_digest(code: str) -> str:
    """A one-time code as kept: its keyed hash (the code itself is shown once, to the staff who issue it)."""
    message = f"code|{normalise_identifier(code)}".encode()
    return hmac.new(census_key(), message, hashlib.sha256).hexdigest()
