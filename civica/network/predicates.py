"""What is true of a space or a booking, as `rules` predicates (who a user is: accounts.predicates)."""

import rules
from django.utils import timezone


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
