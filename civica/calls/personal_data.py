"""What calls hold about a person — their applications (every submitted version, the files by name,
the receipts) and the questions they asked — for download-my-data and delete-my-account.

On deletion (the account page says the same):
- an application never submitted is deleted, with its files;
- a submitted application (also withdrawn, or reopened after a submission) is part of the call's
  records: it stays, without the person — no applicant, no answer to a field that identifies them
  (the fields hidden in blind review), no file of such a field, no uploader's file names;
- once the call's results are out and ``CIVICA_CALL_RECORDS_YEARS`` (setting, 5 by default) have passed since,
  nothing needs keeping: the application goes, with its files;
- unanswered questions are deleted; answered ones stay in the call's published clarifications,
  no longer linked to anyone.
Stored files are removed with their rows, after commit (ApplicationFile's post_delete, apps.py).
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from civica.queue import documents

from .models import Application, ApplicationFile, CallQuestion, CallStatus, Submission


def _moment(value):
    return value.isoformat() if value else None


def _application(application) -> dict:
    call = application.call
    base = settings.CIVICA_BASE_URL
    published = call.status == CallStatus.RESULTS_PUBLISHED
    submissions = sorted(application.submissions.all(), key=lambda submission: submission.version)
    return {
        "call": call.slug, "reference": application.reference, "title": application.title,
        "status": application.status,
        "organisation": application.organisation.name if application.organisation_id else None,
        "amount_requested": None if application.amount_requested is None else str(application.amount_requested),
        "answers": application.answers,
        "created_at": _moment(application.created_at), "submitted_at": _moment(application.submitted_at),
        "decision": application.decision if published else None,
        "amount_awarded": str(application.amount_awarded) if published and application.amount_awarded else None,
        "feedback": application.feedback if published else None,
        "files": [
            {"field": stored.field_key, "name": stored.original_name, "type": stored.content_type,
             "size": stored.size, "sha256": stored.sha256, "uploaded_at": _moment(stored.uploaded_at)}
            for stored in sorted(application.files.all(), key=lambda stored: stored.field_key)
        ],
        "versions": [
            {"version": submission.version, "submitted_at": _moment(submission.submitted_at),
             "sha256": submission.sha256, "content": submission.content}
            for submission in submissions
        ],
        "receipts": [
            {"version": submission.version,
             "html": base + reverse("calls:receipt", args=[call.slug, application.reference, submission.version]),
             "pdf": base + reverse("calls:receipt_pdf", args=[call.slug, application.reference,
                                                              submission.version])}
            for submission in submissions
        ],
    }


def export(user) -> dict:
    applications = (Application.objects.filter(applicant=user).select_related("call", "organisation")
                    .prefetch_related("files", "submissions").order_by("created_at", "pk"))
    return {
        "call_applications": [_application(application) for application in applications],
        "call_questions": [
            {"call": question.call.slug, "question": question.question, "answer": question.answer,
             "asked_at": _moment(question.created_at), "answered_at": _moment(question.answered_at)}
            for question in CallQuestion.objects.filter(asked_by=user).select_related("call")
            .order_by("created_at", "pk")
        ],
    }


def _records_may_go(call, today) -> bool:
    """The call's results are out and the records were kept long enough."""
    if call.status != CallStatus.RESULTS_PUBLISHED:
        return False
    since = call.results_on or call.closes_at.date()
    years = settings.CIVICA_CALL_RECORDS_YEARS
    return since + datetime.timedelta(days=round(365.25 * years)) <= today


def _anonymise(application) -> None:
    identifying = {field.key for field in application.call.form_fields.all() if field.hidden_in_blind_review()}
    extensions = {stored.field_key: stored.file.name.rsplit(".", 1)[-1] for stored in application.files.all()}
    application.files.filter(field_key__in=identifying).delete()
    for stored in application.files.all():
        stored.original_name = f"{stored.field_key}.{extensions[stored.field_key]}"
        stored.save(update_fields=["original_name"])
    answers = {key: value for key, value in application.answers.items() if key not in identifying}
    Application.objects.filter(pk=application.pk).update(applicant=None, answers=answers)
    # What was submitted, as kept for the receipts: the same answers and files left out. The SHA-256
    # stays as it was computed, the record of what had been received.
    for submission in application.submissions.all():
        content = dict(submission.content)
        content["answers"] = [answer for answer in content.get("answers", []) if answer.get("key") not in identifying]
        content["files"] = [{**item, "name": f"{item.get('key')}.{extensions.get(item.get('key'), 'pdf')}"}
                            for item in content.get("files", []) if item.get("key") not in identifying]
        Submission.objects.filter(pk=submission.pk).update(content=content)


def erase(user) -> None:
    today = timezone.localdate()
    # Locked, so a submission in another tab either comes first (and the application is kept) or
    # waits and finds the application gone or no longer the person's.
    applications = Application.objects.select_for_update(of=("self",)).filter(applicant=user).select_related("call")
    for application in applications:
        for submission_id in application.submissions.values_list("pk", flat=True):
            documents.forget(f"calls.receipt:{submission_id}:")  # its stored PDFs name the applicant
        if not application.submissions.exists() or _records_may_go(application.call, today):
            ApplicationFile.objects.filter(application=application).delete()  # each file after commit
            application.delete()
        else:
            _anonymise(application)
    CallQuestion.objects.filter(asked_by=user, answered_at__isnull=True).delete()
    CallQuestion.objects.filter(asked_by=user).update(asked_by=None)
