"""What is true of a member representative, a space or a booking, as `rules` predicates (who a user
is otherwise: accounts.predicates)."""

import rules
from django.utils import timezone

from civica.accounts.predicates import cached_on_user, is_editor, is_participant


def represented_member_ids(user) -> frozenset:
    """Ids of the member organisations ``user`` represents."""
    if not user.is_authenticated:
        return frozenset()
    from .models import Relationship

    return cached_on_user(
        user,
        "_civica_member_rep",
        lambda: frozenset(user.representations.filter(organisation__relationship=Relationship.MEMBER)
                          .values_list("organisation_id", flat=True)),
    )


@rules.predicate
def represents_member_organisation(user):
    return bool(represented_member_ids(user))


@rules.predicate
def represents_this_member(user, organisation):
    return organisation is not None and organisation.pk in represented_member_ids(user)


is_member_representative = is_participant & represents_member_organisation


@rules.predicate
def space_takes_bookings(user, space):
    return space is not None and space.takes_bookings


@rules.predicate
def made_booking(user, booking):
    return booking is not None and user.is_authenticated and booking.booked_by_id == user.pk


@rules.predicate
def booking_awaits_confirmation(user, booking):
    from .models import BookingStatus

    return booking is not None and booking.status == BookingStatus.REQUESTED


@rules.predicate
def booking_holds_time(user, booking):
    return booking is not None and booking.holds_time


@rules.predicate
def booking_not_begun(user, booking):
    return booking is not None and booking.starts_at > timezone.now()


@rules.predicate
def booking_not_ended(user, booking):
    return booking is not None and booking.ends_at > timezone.now()


# Applications to become a member (models.MembershipApplication).

@rules.predicate
def is_registered_reviewer(user):
    """A reviewer of applications by a check an upper app registered (registry.reviewer_checks: the
    Board of Directors), asked once a request."""
    if not user.is_authenticated or not user.is_active:
        return False
    from .registry import reviewer_checks

    return cached_on_user(user, "_civica_membership_reviewer", lambda: reviewer_checks.passes(user))


# Who reviews applications: the staff who keep the network (editors) and whoever a registered check names.
is_membership_reviewer = is_editor | (is_participant & is_registered_reviewer)


@rules.predicate
def made_application(user, application):
    return application is not None and user.is_authenticated and application.applicant_id == user.pk


@rules.predicate
def application_is_open(user, application):
    return application is not None and application.is_open


def represented_organisation_ids(user) -> frozenset:
    """Ids of every organisation ``user`` represents, members or not."""
    if not user.is_authenticated:
        return frozenset()
    return cached_on_user(user, "_civica_represents",
                          lambda: frozenset(user.representations.values_list("organisation_id", flat=True)))


@rules.predicate
def represents_this_organisation(user, organisation):
    return organisation is not None and organisation.pk in represented_organisation_ids(user)


@rules.predicate
def organisation_is_partner(user, organisation):
    from .models import Relationship

    return organisation is not None and organisation.relationship == Relationship.PARTNER
