"""Reads of verification: a person's levels with how they got them, the current census, the desk's view
of a person. Each in a fixed number of queries."""

from django.conf import settings

from .levels import Level, how_to_get
from .models import Attempt, Census, Verification
from .predicates import user_levels


def levels_of(*, user) -> list[dict]:
    """Every level, whether ``user`` holds it (and how, when, by whom), and how to get it."""
    held = {verification.level: verification
            for verification in Verification.objects.filter(user=user).select_related("verified_by")}
    levels = user_levels(user)
    return [{"level": level, "held": level in levels, "verification": held.get(level.value),
             "how": how_to_get(level)} for level in Level]


def current_census() -> Census | None:
    return Census.objects.select_related("imported_by").order_by("-imported_at", "-pk").first()


def recent_attempts(*, user, limit=10):
    return list(Attempt.objects.filter(user=user)[:limit])


def desk() -> dict:
    """Where and when the centre's staff verify people in person (settings; the hours may be unset)."""
    return {"address": getattr(settings, "CIVICA_DESK_ADDRESS", ""),
            "hours": getattr(settings, "CIVICA_DESK_HOURS", ""),
            "email": getattr(settings, "CIVICA_DESK_EMAIL", "")}
