"""The calls' background work (civica.queue): the results e-mailed to every applicant, one task each,
and the receipt of a submission with its PDF. Each e-mail is sent once (``queue.delivery.once``)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from civica.core.mail import send_in_language
from civica.queue import documents
from civica.queue.delivery import once
from civica.queue.tasks import background_task

from .models import Application, ApplicationStatus, Call, Submission
from .receipts import receipt_html, send_receipt


@background_task
def notify_decisions(call_id):
    """One ``send_decision`` task for every submitted application whose applicant still has an account
    (an applicant who deleted theirs is not written to: personal_data.py)."""
    applications = (Application.objects.filter(call_id=call_id, status=ApplicationStatus.SUBMITTED,
                                               applicant__isnull=False)
                    .order_by("pk").values_list("pk", flat=True))
    for application_id in applications.iterator(chunk_size=500):
        send_decision.delay(application_id)


@background_task
def send_decision(application_id):
    application = (Application.objects.select_related("call", "applicant")
                   .filter(pk=application_id, applicant__isnull=False).first())
    if application is None:
        return
    call: Call = application.call

    def send():
        send_in_language(
            application.applicant, "calls/email/decision.txt",
            lambda: {"application": application, "call": call,
                     "url": settings.CIVICA_BASE_URL + reverse("calls:application", args=[call.slug])},
            subject=lambda: _("[Civica] Results of %(call)s") % {"call": call.translated("title")},
        )

    once(f"calls.decision:{application_id}", send)


def receipt_document_name(submission) -> str:
    return f"calls.receipt:{submission.pk}:{translation.get_language()}"


def receipt_pdf(submission) -> bytes:
    """The receipt's PDF in the active language, rendered once and kept in the private storage."""
    return documents.read(documents.store_pdf(name=receipt_document_name(submission), html=receipt_html(submission)))


@background_task
def send_submission_receipt(submission_id):
    submission = (Submission.objects.select_related("application__call", "application__applicant")
                  .filter(pk=submission_id, application__applicant__isnull=False).first())
    if submission is None:
        return
    once(f"calls.receipt:{submission_id}", lambda: send_receipt(submission, pdf=receipt_pdf))
