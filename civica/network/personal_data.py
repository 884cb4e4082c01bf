"""What the network app holds about a person — the organisations they represent, the spaces they
booked — for download-my-data and delete-my-account. On deletion, representations go with the user;
bookings not begun are cancelled, and every booking stays as the space's record, without the person or
the purpose they wrote. Applications to become a member still open are withdrawn; every application stays
as the organisation's record (its details and the General Assembly's decision), without the person, their
position or the statement they wrote."""

from django.utils import timezone

from .models import ApplicationStatus, Booking, BookingStatus, MembershipApplication


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
        "membership_applications": [
            {"organisation": application.name, "category": application.category, "city": application.city,
             "website": application.website, "email": application.email, "description": application.description,
             "position": application.position, "statement": application.statement, "status": application.status,
             "submitted_at": application.created_at.isoformat(),
             "decided_on": application.decided_on.isoformat() if application.decided_on else None,
             "decision_note": application.decision_note, "reason": application.reason}
            for application in MembershipApplication.objects.filter(applicant=user).order_by("created_at", "pk")
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
    applications = MembershipApplication.objects.filter(applicant=user)
    applications.still_open().update(status=ApplicationStatus.WITHDRAWN, decided_at=now)
    applications.update(applicant=None, position="", statement="")
