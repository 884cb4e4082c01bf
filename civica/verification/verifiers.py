"""The pluggable verifier: how "is this person a resident?" is answered.

``CIVICA_CENSUS_VERIFIER`` names a class (dotted path) with one method::

    class Verifier:
        def match(self, *, identifier: str, birth_date: date) -> str | None:
            '''A stable key of the resident so identified (at most 128 characters), or None.'''

        def lock(self, key: str) -> None:
            '''Lock what stands for that resident until the transaction ends (optional).'''

        def available(self) -> bool:
            '''Whether it can answer now (optional; the CSV verifier: once a census is imported).'''

The key is kept on the person's ``Verification`` (unique: one resident verifies one account), so it
must identify the resident, not the attempt, and must not be the identifier itself: use
``hashing.census_digest`` (keyed with ``CIVICA_CENSUS_KEY``). ``match`` runs outside any transaction (a
city's API may be slow); ``lock`` runs inside the one that records the verification. The default,
:class:`CensusCSVVerifier`, looks the digest up among the census entries staff import, and locks the
entry. See civica/verification/README.md for a city's own census API."""

from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string

from .hashing import census_digest
from .models import CensusEntry


class Verifier:
    """The interface (and the defaults) of a verifier."""

    def match(self, *, identifier: str, birth_date: date) -> str | None:
        raise NotImplementedError

    def lock(self, key: str) -> None:
        """Nothing to lock by default: the unique key still refuses a second account."""
        return None

    def available(self) -> bool:
        """Whether residents can check themselves now (pages offer the form only then)."""
        return True


class CensusCSVVerifier(Verifier):
    """The census the city imports as a CSV (``census.py``): a match is an entry with the same digest."""

    def match(self, *, identifier: str, birth_date: date) -> str | None:
        digest = census_digest(identifier, birth_date)
        return digest if CensusEntry.objects.filter(digest=digest).exists() else None

    def available(self) -> bool:
        return CensusEntry.objects.exists()

    def lock(self, key: str) -> None:
        list(CensusEntry.objects.select_for_update().filter(digest=key).values_list("pk", flat=True))


def get_verifier() -> Verifier:
    return import_string(getattr(settings, "CIVICA_CENSUS_VERIFIER",
                                 "civica.verification.verifiers.CensusCSVVerifier"))()
