"""The receipt of a submission: the same document as HTML, as PDF (WeasyPrint, stored once per version
by civica.queue: tasks.receipt_pdf) and by e-mail (tasks.send_submission_receipt)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from civica.core.mail import send_in_language


def receipt_context(submission):
    application = submission.application
    call = application.call
    # The kind of each answer, to show amounts and dates as readers write them.
    kinds = {key: kind for key, kind in call.form_fields.values_list("key", "kind")}
    return {"submission": submission, "application": application, "call": call,
            "content": submission.content, "kinds": kinds}


def receipt_html(submission, request=None) -> str:
    # With the request, the inline stylesheet gets the page's CSP nonce; the PDF needs none.
    return render_to_string("calls/receipt_document.html", receipt_context(submission), request=request)


def send_receipt(submission, *, pdf):
    """E-mail the receipt, its PDF (``pdf(submission)``, rendered in the applicant's language) attached."""
    application = submission.application
    person = application.applicant
    args = [application.call.slug, application.reference, submission.version]

    def context():
        base = settings.CIVICA_BASE_URL
        links = {"html": base + reverse("calls:receipt", args=args),
                 "pdf": base + reverse("calls:receipt_pdf", args=args)}
        return {**receipt_context(submission), "links": links}

    send_in_language(
        person, "calls/email/receipt.txt", context,
        subject=lambda: _("[Civica] Application received: %(reference)s") % {"reference": application.reference},
        attachments=lambda: [(f"{application.reference}-v{submission.version}.pdf", pdf(submission),
                              "application/pdf")],
    )
