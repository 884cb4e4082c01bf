"""Verification levels as `rules` predicates, for the apps whose actions may need one.

``user_levels(user)`` is read once per user object (kept on it like accounts' identity). An app makes
the predicate and the refusal of one action with :func:`requirement`::

    requirement("support", process_of, lambda: _("support ideas"))

which gives ``(predicate, message, key)`` for ``core.refusals.Requirements``: it holds when the scope
(``process_of(obj)``) needs no more than a verified e-mail for that action (the e-mail is the caller's
own requirement already), or the person holds the level it needs (or a stronger one). The scope says
what each action needs by its field ``level_<action>``; a missing scope needs nothing more.

A refused person is also shown where to get the level (``remedy``, a ``core.refusals.Remedy``): their
verification page, at the form that gives it to *them* (the census check for "resident" where the city's
verifier can answer, otherwise the centre's desk), which brings them back once they are verified."""

import rules
from django.urls import reverse
from django.utils.translation import gettext as _

from civica.accounts.predicates import cached_on_user, is_verified
from civica.core.refusals import Remedy

from .levels import Level, how_to_get, meets


def user_levels(user) -> frozenset:
    """The levels ``user`` holds: e-mail (a verified address) and those verified here."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()

    def compute():
        from .models import Verification

        held = set(Verification.objects.filter(user=user).values_list("level", flat=True))
        if is_verified(user):
            held.add(Level.EMAIL.value)
        return frozenset(held)

    return cached_on_user(user, "_civica_levels", compute)


def has_level(user, level) -> bool:
    return meets(user_levels(user), level)


def needed_level(scope, action: str) -> str:
    """The level ``scope`` (a process, or None) needs for ``action``: e-mail unless it says more."""
    if scope is None:
        return Level.EMAIL.value
    return getattr(scope, f"level_{action}", None) or Level.EMAIL.value


def level_met(action: str, scope_of):
    @rules.predicate(name=f"level_met_for_{action}")
    def predicate(user, obj):
        needed = needed_level(scope_of(obj) if obj is not None else None, action)
        return needed == Level.EMAIL or has_level(user, needed)

    return predicate


def level_remedy(level, *, census_available=None) -> Remedy:
    """Where a person gets ``level``: the part of their verification page that gives it: the census check
    for "resident" while the city's verifier can answer (``census_available``, asked of it when not given),
    the centre's desk otherwise."""
    from .verifiers import get_verifier

    level = Level(level)
    if level == Level.EMAIL:
        anchor = "levels"
    elif level == Level.RESIDENT and (census_available if census_available is not None
                                      else get_verifier().available()):
        anchor = "residence"
    else:
        anchor = "in-person"
    return Remedy(url=reverse("verification:mine"), label=_("Get verified: %(level)s") % {"level": level.label},
                  anchor=anchor)


def requirement(action: str, scope_of, verb):
    """``(predicate, message, key, by_account, remedy)``: the level ``action`` needs in the scope of the
    object, what a person without it reads (the level and how to get it) and where they get it."""

    def needed(obj):
        return Level(needed_level(scope_of(obj) if obj is not None else None, action))

    def says(user, obj):
        level = needed(obj)
        return _("To %(verb)s here you need: %(level)s. %(how)s") % {
            "verb": verb(), "level": level.label, "how": how_to_get(level)}

    def remedy(user, obj):
        return level_remedy(needed(obj))

    return (level_met(action, scope_of), says, f"level_{action}", False, remedy)
