"""Who a user is to the vouchers: staff or referrer of a programme, staff of a venue, the referrer of a
beneficiary. What they hold is read once per user object (``accounts.predicates.cached_on_user``).

A venue's API token (``VenueToken``) is a caller too: it is the staff of its own venue while it is usable,
and nothing else (no programme role, no page of a person).

An object may be a programme, a voucher, a beneficiary, a redemption or a settlement statement:
``programme_id_of`` finds its programme without a query (each carries ``programme_id``, a redemption
through its voucher)."""

import rules
from django.utils import timezone

from civica.accounts.predicates import cached_on_user

from .models import (
    ApplicationStatus,
    ProgrammeRole,
    ProgrammeRoleKind,
    ProgrammeStatus,
    Venue,
    VenueStaff,
    VenueToken,
    VoucherProgramme,
)


def _is_person(user) -> bool:
    return not isinstance(user, VenueToken) and user.is_authenticated and user.is_active


def _programme_roles(user) -> frozenset:
    if not _is_person(user):
        return frozenset()
    return cached_on_user(user, "_civica_voucher_roles", lambda: frozenset(
        ProgrammeRole.objects.filter(user=user).values_list("role", "programme_id")))


def _venue_ids(user) -> frozenset:
    if not _is_person(user):
        return frozenset()
    return cached_on_user(user, "_civica_voucher_venues", lambda: frozenset(
        VenueStaff.objects.filter(user=user).values_list("venue_id", flat=True)))


def staff_venue_ids(user) -> frozenset:
    """The venues a person is on the staff of: one query a request, kept on the user for the predicates."""
    return _venue_ids(user)


def programme_id_of(obj):
    if obj is None:
        return None
    if isinstance(obj, VoucherProgramme):
        return obj.pk
    if hasattr(obj, "programme_id"):
        return obj.programme_id
    if hasattr(obj, "voucher"):  # a redemption
        return obj.voucher.programme_id
    return None


@rules.predicate
def is_programme_staff(user, obj):
    return (ProgrammeRoleKind.STAFF, programme_id_of(obj)) in _programme_roles(user)


@rules.predicate
def is_referrer(user, obj):
    return (ProgrammeRoleKind.REFERRER, programme_id_of(obj)) in _programme_roles(user)


@rules.predicate
def refers_or_runs_some_programme(user):
    return bool(_programme_roles(user))


@rules.predicate
def referred_this(user, beneficiary):
    return beneficiary is not None and user.is_authenticated and beneficiary.referred_by_id == user.pk


@rules.predicate
def is_venue_staff(user):
    return bool(_venue_ids(user))


@rules.predicate
def is_staff_of_venue(user, venue):
    """A person on the venue's staff, or the venue's own usable API token."""
    if not isinstance(venue, Venue):
        return False
    if isinstance(user, VenueToken):
        return user.is_active and user.venue_id == venue.pk
    return venue.pk in _venue_ids(user)


@rules.predicate
def is_person_on_venue_staff(user, venue):
    return isinstance(venue, Venue) and venue.pk in _venue_ids(user)


@rules.predicate
def runs_programme_accepting(user, venue):
    """Staff of a programme that accepts ``venue`` (one query, only for those who are staff of some)."""
    staff_of = {programme_id for role, programme_id in _programme_roles(user) if role == ProgrammeRoleKind.STAFF}
    return isinstance(venue, Venue) and bool(staff_of) and venue.programmes.filter(pk__in=staff_of).exists()


@rules.predicate
def programme_is_open(user, programme):
    return (programme is not None and programme.status == ProgrammeStatus.OPEN
            and programme.starts_on <= timezone.localdate() <= programme.ends_on)


@rules.predicate
def redemption_not_reversed(user, redemption):
    return redemption is not None and redemption.reversed_at is None


@rules.predicate
def runs_some_programme(user):
    return any(role == ProgrammeRoleKind.STAFF for role, _programme in _programme_roles(user))


@rules.predicate
def is_staff_of_statement_venue(user, statement):
    return statement is not None and getattr(statement, "venue_id", None) in _venue_ids(user)


@rules.predicate
def statement_is_draft(user, statement):
    return statement is not None and statement.status == "draft"
def _staff_programme_ids(user) -> frozenset:
    return frozenset(programme for role, programme in _programme_roles(user) if role == ProgrammeRoleKind.STAFF)


@rules.predicate
def is_staff_of_some_programme(user):
    return bool(_staff_programme_ids(user))


@rules.predicate
def runs_a_programme_of_venue(user, venue):
    """Staff of a programme that accepts ``venue`` (one query, only for staff of some programme)."""
    ids = _staff_programme_ids(user)
    return (isinstance(venue, Venue) and bool(ids)
            and VoucherProgramme.venues.through.objects.filter(venue_id=venue.pk,
                                                               voucherprogramme_id__in=ids).exists())


@rules.predicate
def is_staff_of_offer_venue(user, offer):
    return offer is not None and offer.venue_id in _venue_ids(user)


@rules.predicate
def takes_applications(user, programme):
    return programme is not None and programme.accepts_applications and programme_is_open(user, programme)


@rules.predicate
def is_applicant(user, application):
    return application is not None and user.is_authenticated and application.applicant_id == user.pk


@rules.predicate
def application_is_draft(user, application):
    return application is not None and application.status == ApplicationStatus.DRAFT


@rules.predicate
def application_is_submitted(user, application):
    return application is not None and application.status == ApplicationStatus.SUBMITTED


@rules.predicate
def application_is_undecided(user, application):
    return application is not None and application.status in (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED)


@rules.predicate
def application_programme_takes_applications(user, application):
    return application is not None and takes_applications(user, application.programme)
