"""Status changes in one shape: a model declares ``TRANSITIONS = {from: {to: "app.permission"}}`` and
every change goes through :func:`move`, which locks the row, reads the status again under the lock,
refuses a move that is not declared or whose permission the actor lacks, runs the caller's extra
check under the same lock and records the new status (and its timestamp).
A move not declared from the status read under the lock raises ``MoveNotPossible``, both a
``PermissionDenied`` and a ``ValidationError``, whose message names the current status; a move whose
permission the actor lacks raises ``PermissionDenied``.

Ideas, calls, bookings, applications, registrations and workshops declare their moves this way; the
declaration is the single list of what may happen to a status and who may make it happen."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import refusals


class MoveNotPossible(ValidationError, PermissionDenied):
    """A move the declaration does not hold (from the status read under the lock). Both a
    refusal (PermissionDenied) and a form error (ValidationError), so views show it either way."""

    def __str__(self):
        return str(self.message)  # the sentence itself, as a PermissionDenied reads (not a list)


class Transitions:
    """Mixin for a model whose status changes. Set ``TRANSITIONS`` ({from: {to: permission}}) and
    ``STATUS`` (its TextChoices); ``status`` is a field or a property read from other fields."""

    TRANSITIONS: dict = {}
    STATUS = None
    not_possible_message = gettext_lazy("The status is “%(status)s”: that change is not possible.")

    def permission_to(self, status) -> str | None:
        """The permission that moves this object to ``status``; None when that move is not declared."""
        return self.TRANSITIONS.get(self.status, {}).get(status)

    def next_statuses(self) -> list:
        """The statuses this object may move to from where it is, in declaration order."""
        return list(self.TRANSITIONS.get(self.status, {}))

    def status_label(self) -> str:
        return str(self.STATUS(self.status).label) if self.STATUS else str(self.status)

    def move_not_possible(self, to) -> str:
        """The message for a move that is not declared from the current status."""
        return str(self.not_possible_message) % {"status": self.status_label()}


def move(obj, *, to, by, check=None, record=None, fields=(), timestamp=None, refusal=None, lock=None):
    """Move ``obj`` to the status ``to`` if that move is declared from its status and ``by`` holds
    its permission; return the locked, saved object.

    - ``check(locked)``: an extra check run under the lock (raise to refuse);
    - ``record(locked)``: sets what the move changes when ``status`` is not a plain field
      (then ``fields`` names the fields to save); otherwise ``locked.status = to``;
    - ``timestamp``: the name of a date field set to now with the move;
    - ``refusal``: the message when ``by`` lacks the permission (default: the permission's own reason);
    - ``lock``: a queryset to lock the row with (e.g. with ``select_related``); default the model's.
    Runs in a transaction (a savepoint inside the caller's), so the checks and the write are one step.
    """
    with transaction.atomic():
        queryset = lock if lock is not None else type(obj)._default_manager.select_for_update(of=("self",))
        locked = queryset.get(pk=obj.pk)
        permission = locked.permission_to(to)
        if permission is None:
            raise MoveNotPossible(locked.move_not_possible(to))
        if not by.has_perm(permission, locked):
            # The permission's own reason (core/refusals.py) for the row as locked, unless the caller gave one.
            raise refusals.Refused(refusal or refusals.why_not(by, permission, locked,
                                                               otherwise=_("You may not make that change.")))
        if check is not None:
            check(locked)
        saved = list(fields)
        if record is not None:
            record(locked)
        else:
            locked.status = to
            saved.append("status")
        if timestamp:
            setattr(locked, timestamp, timezone.now())
            saved.append(timestamp)
        locked.save(update_fields=sorted(set(saved)))
    return locked
