"""Writes on bodies, seats and terms.

``term_start`` here keeps only the essential rule (terms of one seat never overlap, checked under a lock
of the seat's row); the seat pages' fuller version (with every rule of a body) replaces it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .models import Seat, Term


def term_start(*, seat, holder, holder_name, organisation=None, starts_on, ends_on=None, by) -> Term:
    """Start a term of ``seat`` from ``starts_on`` (to ``ends_on``, or open-ended); refused when it would
    overlap another term of the seat."""
    with transaction.atomic():
        locked = Seat.objects.select_for_update().get(pk=seat.pk)
        overlapping = locked.terms.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=starts_on))
        if ends_on is not None:
            overlapping = overlapping.filter(starts_on__lt=ends_on)
        if overlapping.exists():
            raise ValidationError(_("This seat is held in that period: terms of one seat cannot overlap."))
        term = Term(seat=locked, holder=holder, holder_name=(holder_name or "")[:200], organisation=organisation,
                    starts_on=starts_on, ends_on=ends_on)
        term.full_clean()
        term.save()
    return term
