"""What the network app holds about a person — the organisations they represent, the spaces they
booked — for download-my-data and delete-my-account. On deletion, representations go with the user;
bookings not begun are cancelled, and every booking stays as the space's record, without the person or
the purpose they wrote."""

from django.utils import timezone

from .models import Booking, BookingStatus


def export(user) -> dict:
    return {
        "representations": [
            {
                "organisation": representation.organisation.name,
                "position": representation.position,
                "since": representation.created_at.isoformat(),
            }
            for representation in user.representations.select_related("organisation").order_by("pk")
        ],
        "space_bookings": [
            {"space": booking.space.slug, "organisation": booking.organisation.name,
             "starts_at": booking.starts_at.isoformat(), "ends_at": booking.ends_at.isoformat(),
             "purpose": booking.purpose, "status": booking.status, "asked_at": booking.created_at.isoformat(),
             "reason": booking.reason}
            for booking in Booking.objects.filter(booked_by=user).select_related("space", "organisation")
            .order_by("starts_at", "pk")
        ],
    }


def erase(user) -> None:
    # Representations go with the user row (CASCADE).
    # A booking is the organisation's use of a space: it stays as the space's record, no longer linked to
    # the person and without the purpose they wrote. Those not begun yet are cancelled: nobody answers
    # for them any more, and their time becomes free.
    now = timezone.now()
    Booking.objects.filter(booked_by=user, starts_at__gt=now).holding().update(
        status=BookingStatus.CANCELLED, decided_at=now, reason="")
    Booking.objects.filter(booked_by=user).update(booked_by=None, purpose="")
