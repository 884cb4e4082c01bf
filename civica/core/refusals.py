"""One vocabulary for "why not": a permission declared as ordered requirements, each a `rules`
predicate and what to say when it fails, so the decision and its reason come from the same predicates.

In an app's ``rules.py``::

    refusals.add_perm("participation.propose_idea", Requirements(
        (rules.is_authenticated, gettext_lazy("Log in to propose ideas.")),
        (is_verified, gettext_lazy("Verify your e-mail address …")),
        (phase_allows_ideas, lambda user, process: …),   # the words may depend on the object
    ))

``rules`` registers the conjunction of the predicates (the decision); ``why_not(user, name, obj)``
gives the message of the first requirement that fails (None when allowed), ``failing`` names that
requirement for the truth tables; services call ``check(user, name, obj)``, which raises
:class:`Refused` carrying that message (``transitions.move`` refuses with it too). Views show any
refusal (``PermissionDenied`` or ``ValidationError``) with :func:`show_refusal` (its text:
:func:`refusal_message`), never with a copy of their own.

A requirement the person meets with their account (``rules.is_authenticated``, and what accounts marks
with :func:`met_by_account`: a verified address) is a step, not a wall: :func:`next_step` says
``LOG_IN`` or ``VERIFY`` when it is the one that fails, and pages show the buttons for it
(``{% act_here %}``, templatetags/act_here.py) instead of the sentence.

A requirement met elsewhere on the site (a verification level: ``civica.verification``) carries a
``remedy``, ``(user, obj) -> Remedy``: the page where this person can meet it. :func:`remedy` gives the
failing requirement's, and ``{% act_here %}`` links to it beside the sentence, with the way back.
"""

import functools
import operator
from dataclasses import dataclass

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


class Refused(PermissionDenied):
    """A refusal that carries the sentence said to the person refused."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


@dataclass(frozen=True)
class Requirement:
    predicate: rules.Predicate
    # Lazy text, or ``(user, obj) -> text`` when the words depend on the object (a date, a limit).
    message: object
    # What truth tables call this requirement; by default the predicate's name (long when composed).
    key: str | None = None
    # Whether logging in (or verifying one's address) meets it; by default, whether its predicate was
    # marked with met_by_account (composed predicates, e.g. "logged in unless anonymous", say so here).
    by_account: bool | None = None
    # ``(user, obj) -> Remedy | None``: where the person can meet it (a page elsewhere), if anywhere.
    remedy: object = None

    @property
    def name(self) -> str:
        return self.key or self.predicate.name

    @property
    def met_by_account(self) -> bool:
        return self.by_account if self.by_account is not None else self.predicate in _met_by_account

    def says(self, user, obj) -> str:
        return str(self.message(user, obj) if callable(self.message) else self.message)


LOG_IN = "log_in"
VERIFY = "verify"
_met_by_account: set = {rules.is_authenticated}


@dataclass(frozen=True)
class Remedy:
    """Where a refused person can meet the requirement that refuses them: ``url`` (a page of this site
    that takes ``next``, the address to come back to), ``label`` the link's words, ``anchor`` the part of
    the page to land on."""

    url: str
    label: str
    anchor: str = ""


def met_by_account(*predicates) -> None:
    """Mark ``predicates`` as met by logging in and verifying one's address (accounts marks its own)."""
    _met_by_account.update(predicates)


class Requirements:
    """Ordered requirements of one permission, each ``(predicate, message)``, ``(predicate, message,
    key)``, ``(predicate, message, key, by_account)`` or ``(predicate, message, key, by_account, remedy)``:
    all must hold, the first that fails is the reason."""

    def __init__(self, *requirements):
        if not requirements:
            raise ValueError("a permission needs at least one requirement")
        self.requirements = tuple(Requirement(*requirement) for requirement in requirements)
        self.predicate = functools.reduce(operator.and_, (each.predicate for each in self.requirements))

    def failing(self, user, obj=None) -> Requirement | None:
        """The first requirement ``user`` does not meet for ``obj``; None when they meet them all."""
        # ``test`` passes a predicate only the arguments it takes, as ``has_perm`` does.
        return next((each for each in self.requirements if not each.predicate.test(user, obj)), None)

    def why_not(self, user, obj=None) -> str | None:
        failing = self.failing(user, obj)
        return failing.says(user, obj) if failing else None

    def remedy(self, user, obj=None) -> Remedy | None:
        """Where ``user`` can meet the requirement that refuses them, when it says."""
        failing = self.failing(user, obj)
        return failing.remedy(user, obj) if failing is not None and failing.remedy is not None else None


_declared: dict[str, Requirements] = {}


def add_perm(name: str, requirements: Requirements) -> None:
    """Register ``name`` with `rules` as the conjunction of ``requirements``, and keep them for its reasons."""
    rules.add_perm(name, requirements.predicate)
    _declared[name] = requirements


def remove_perm(name: str) -> None:
    rules.remove_perm(name)
    _declared.pop(name, None)


def requirements(name: str) -> Requirements:
    """What ``name`` was declared with (to ask why without asking whether, e.g. under a lock)."""
    return _declared[name]


def failing(user, name: str, obj=None) -> Requirement | None:
    """The requirement of ``name`` that refuses ``user``; None when they hold the permission."""
    if user.has_perm(name, obj):
        return None
    return _declared[name].failing(user, obj)


def next_step(user, name: str, obj=None) -> str | None:
    """What ``user`` can do themselves to be allowed ``name``: ``LOG_IN`` (a visitor) or ``VERIFY`` (an
    unverified account) when the requirement that refuses them is met by an account; None otherwise."""
    requirement = failing(user, name, obj) if name in _declared else None
    if requirement is None or not requirement.met_by_account:
        return None
    return VERIFY if user.is_authenticated else LOG_IN


def remedy(user, name: str, obj=None) -> Remedy | None:
    """Where ``user`` can meet what refuses them ``name`` on ``obj`` (None when allowed, or nowhere)."""
    if name not in _declared or user.has_perm(name, obj):
        return None
    return _declared[name].remedy(user, obj)


def why_not(user, name: str, obj=None, *, otherwise=None) -> str | None:
    """Why ``user`` may not ``name`` ``obj``, in the active language; None when they may. A permission
    declared without requirements says ``otherwise`` (or a general refusal)."""
    if user.has_perm(name, obj):
        return None
    declared = _declared.get(name)
    return (declared.why_not(user, obj) if declared else None) or str(otherwise or _("You may not do this."))


def check(user, name: str, obj=None, *, otherwise=None) -> None:
    """Raise :class:`Refused` unless ``user`` holds ``name`` for ``obj``, saying :func:`why_not`."""
    message = why_not(user, name, obj, otherwise=otherwise)
    if message is not None:
        raise Refused(message)


# What a view catches from a service: a refusal (PermissionDenied) or input the rules reject
# (ValidationError); either is shown with :func:`show_refusal`.
REFUSALS = (PermissionDenied, ValidationError)


def refusal_messages(error) -> list[str]:
    """A refusal's sentences: a PermissionDenied's one, or each message of a ValidationError (for a form's
    list of problems)."""
    return [str(message) for message in getattr(error, "messages", [str(error)])]


def refusal_message(error) -> str:
    """What a refused person reads: a PermissionDenied's sentence, or every message of a ValidationError."""
    return " ".join(refusal_messages(error))


def show_refusal(request, error) -> None:
    """Show ``error`` (PermissionDenied or ValidationError) as an error message on the next page."""
    messages.error(request, refusal_message(error))


def add_to_form(form, error) -> None:
    """Show a service's refusal in the form it came from: a ValidationError's messages beside the fields
    they name (a name the form lacks, and any other refusal, above the form), so the person sees why next
    to what they typed, which stays in the form."""
    if hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
    else:
        form.add_error(None, refusal_messages(error))


def permission_required(permission: str, refusal):
    """A view decorator for staff screens: a visitor logs in first; a signed-in person without
    ``permission`` (checked without an object) gets a 403 saying ``refusal``."""
    from django.contrib.auth.views import redirect_to_login

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
