"""Who may verify what. One line a permission.

A person verifies their residence or enters a desk code once signed in with a verified e-mail (the
first level comes first); the centre's editors issue codes and verify people at the desk; only
administrators import a census (it is the city's register of residents, even hashed)."""

import rules
from django.utils.translation import gettext_lazy

from civica.accounts.predicates import is_administrator, is_editor, is_verified
from civica.core import refusals
from civica.core.refusals import Requirements

from .levels import Level
from .predicates import has_level


@rules.predicate
def not_yet_resident(user):
    return not has_level(user, Level.RESIDENT)


@rules.predicate
def not_yet_in_person(user):
    return not has_level(user, Level.IN_PERSON)


_SIGNED_IN = (rules.is_authenticated, gettext_lazy("Log in to verify your account."))
_VERIFIED = (is_verified, gettext_lazy("Verify your e-mail address first: open the link we sent you."))

refusals.add_perm("verification.verify_residence", Requirements(
    _SIGNED_IN, _VERIFIED,
    (not_yet_resident, gettext_lazy("Your residence is verified already.")),
))
refusals.add_perm("verification.redeem_code", Requirements(
    _SIGNED_IN, _VERIFIED,
    (not_yet_in_person, gettext_lazy("You are verified in person already.")),
))
rules.add_perm("verification.see_own", rules.is_authenticated)
rules.add_perm("verification.verify_at_desk", is_editor)
rules.add_perm("verification.import_census", is_administrator)
