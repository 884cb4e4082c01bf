"""The verification levels an action of a process may need, weakest first (issue 21, point 6).

- ``email``: a verified e-mail address, what every participant has (allauth's confirmation link);
- ``resident``: matched against the census the city imports (``verifiers``), or in person;
- ``in_person``: verified at the centre by staff, who saw an identity document: a one-time code the
  person enters, or staff marking the person found by e-mail at the desk.

Levels are ordered: a stronger one meets a weaker requirement (staff at the desk check the same identity
document and address a census holds, so in person meets "resident" too)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    EMAIL = "email", _("e-mail verified")
    RESIDENT = "resident", _("resident verified")
    IN_PERSON = "in_person", _("verified in person at the centre")


RANK = {Level.EMAIL: 1, Level.RESIDENT: 2, Level.IN_PERSON: 3}


def rank(level) -> int:
    return RANK.get(level, 0)


def meets(held: frozenset, needed) -> bool:
    """Whether levels ``held`` meet ``needed``: one of them at least as strong."""
    return any(rank(level) >= rank(needed) for level in held)


def how_to_get(level) -> str:
    """One sentence saying how a person gets ``level``."""
    return {
        Level.EMAIL: _("Open the link we e-mailed you when you signed up."),
        Level.RESIDENT: _("Verify your residence on your account's verification page, with your personal "
                          "numeric code (CNP) and birth date, or at the centre."),
        Level.IN_PERSON: _("Come to the centre with an identity document: staff verify you at the desk or "
                           "give you a one-time code to enter on your account's verification page."),
    }[Level(level)]
