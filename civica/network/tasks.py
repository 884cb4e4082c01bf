"""The network's background work (civica.queue): a booking's e-mail and a membership decision's, each sent once."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from civica.core.mail import send_in_language
from civica.queue.delivery import once
from civica.queue.tasks import background_task

from .models import ApplicationStatus, Booking, BookingStatus, MembershipApplication


@background_task
def send_booking(booking_id, status, key):
    """Tell the person who booked that the booking became ``status`` (the status it had when the task
    was enqueued: a later move sends its own e-mail), in their language, Bucharest times."""
    booking = Booking.objects.select_related("space", "organisation", "booked_by").filter(pk=booking_id).first()
    if booking is None or booking.booked_by is None:
        return
    person = booking.booked_by
    booking.status = status

    def subject():
        subjects = {
            BookingStatus.REQUESTED: _("[Civica] Booking request received: %(space)s"),
            BookingStatus.CONFIRMED: _("[Civica] Booking confirmed: %(space)s"),
            BookingStatus.DECLINED: _("[Civica] Booking declined: %(space)s"),
            BookingStatus.CANCELLED: _("[Civica] Booking cancelled: %(space)s"),
        }
        return subjects[booking.status] % {"space": booking.space.translated("name")}

    once(key, lambda: send_in_language(person, "network/email/booking.txt", lambda: {
        "booking": booking, "cancelled_by_self": booking.decided_by_id == person.pk,
        "url": settings.CIVICA_BASE_URL + reverse("network:my_bookings"),
    }, subject=subject))


@background_task
def send_membership_decision(application_id, key):
    """Tell the applicant the General Assembly's decision on their application (accepted: they represent
    a member organisation now; rejected: why), in their language."""
    application = (MembershipApplication.objects.select_related("applicant", "organisation")
                   .filter(pk=application_id).first())
    if application is None or application.applicant is None or application.status not in DECISIONS:
        return
    person = application.applicant

    def subject():
        if application.status == ApplicationStatus.ACCEPTED:
            return _("[Civica] %(organisation)s is a member of the centre") % {"organisation": application.name}
        return _("[Civica] Your application for %(organisation)s was not accepted") % {
            "organisation": application.name}

    once(key, lambda: send_in_language(person, "network/email/membership_decision.txt", lambda: {
        "application": application,
        "url": settings.CIVICA_BASE_URL + reverse("network:my_membership_applications"),
        "organisation_url": settings.CIVICA_BASE_URL + reverse(
            "network:organisation_detail", args=[application.organisation.slug]) if application.organisation else "",
    }, subject=subject))


DECISIONS = (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED)
