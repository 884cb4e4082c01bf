"""Writes on calls by applicants: questions and answers, applications (``application_start``,
``application_save_draft``, ``application_submit``, ``application_withdraw``, ``application_reopen``).
The jury's and editors' writes are in evaluation.py. Every function checks the permission it needs.

- Every write checks ``call.is_open()`` at the instant it runs: after ``closes_at`` nothing changes,
  whatever the client sends.
- Draft saves, submission, withdrawal and reopening lock the application's row and check its status
  again under the lock; a draft save writes only the answer columns. A draft save refused because the
  application was submitted meanwhile (another tab) keeps what was typed for the reopened draft.
- Submission stores a canonical-JSON ``Submission`` per version with its SHA-256, versions numbered from
  the stored submissions, and e-mails the receipt with its PDF after commit.
- References keep the call's short name whole (or whole words, or initials)."""

import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import refusals, transitions
from civica.core.uploads import CONTENT_TYPES, EXTENSIONS, sniff_type

from . import tasks
from .models import Application, ApplicationFile, ApplicationStatus, CallQuestion, FieldKind, Submission
from .outcomes import call_outcomes
from .selectors import completeness


def question_ask(*, call, by, text) -> CallQuestion:
    if not by.has_perm("calls.ask_question", call):
        raise PermissionDenied(_("Questions are accepted from verified participants during the clarification period."))
    question = CallQuestion(call=call, asked_by=by, question=(text or "").strip())
    question.full_clean()
    question.save()
    return question


def question_answer(*, question, by, answer) -> CallQuestion:
    if not by.has_perm("calls.manage_call", question.call):
        raise PermissionDenied(_("Only editors answer questions."))
    question.answer = (answer or "").strip()
    if not question.answer:
        raise ValidationError(_("Write the answer."))
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_at"])
    return question


REFERENCE_PREFIX_LENGTH = 28  # with "-2026-0001" (or a five-digit number), within the 40 of a reference


def reference_prefix(slug: str) -> str:
    """The start of a call's references, from its short name and never cut inside a word:
    the whole name when it fits ("BURSELE-DE-INOVARE-CLUJ"), else as many whole words as fit,
    else the words' initials. References made before this rule keep their form and keep working."""
    words = [word for word in slug.upper().replace("_", "-").split("-") if word]
    whole = "-".join(words)
    if len(whole) <= REFERENCE_PREFIX_LENGTH:
        return whole
    kept = []
    for word in words:
        if len("-".join([*kept, word])) > REFERENCE_PREFIX_LENGTH:
            break
        kept.append(word)
    if kept:
        return "-".join(kept)
    return "".join(word[0] for word in words)[:REFERENCE_PREFIX_LENGTH]


def application_start(*, call, by, organisation=None) -> Application:
    existing = Application.objects.filter(call=call, applicant=by).first()
    if existing is not None:
        return existing
    refusals.check(by, "calls.apply", call)
    for _attempt in range(5):
        number = Application.objects.filter(call=call).count() + 1
        try:
            with transaction.atomic():
                return Application.objects.create(
                    call=call, applicant=by, organisation=organisation, title="",
                    reference=f"{reference_prefix(call.slug)}-{timezone.localdate().year}-{number:04d}",
                )
        except IntegrityError:
            existing = Application.objects.filter(call=call, applicant=by).first()
            if existing is not None:
                return existing
    raise ValidationError(_("Please try again."))


def _store_file(application, field, upload):
    kind = sniff_type(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    # A random name in the private storage (ApplicationFile.file): never the code, the field or the
    # uploader's file name.
    content = ContentFile(upload.read(), name=f"upload.{EXTENSIONS[kind]}")
    ApplicationFile.objects.filter(application=application, field_key=field.key).delete()
    ApplicationFile.objects.create(
        application=application, field_key=field.key, file=content, original_name=upload.name[:255],
        content_type=CONTENT_TYPES[kind], size=upload.size, sha256=digest.hexdigest(),
    )


def application_save_draft(*, application, by, title, amount_requested=None, organisation_id=None,
                           answers: dict, uploads: dict | None = None) -> Application:
    """Keep everything the applicant typed, valid or not (``answers`` as the form gives them:
    valid values, and invalid ones as typed); files only when they passed the checks.

    Only the answer columns are written, under the row's lock and after checking again that the
    application is still a draft: a save racing a submission (a second tab) never undoes it."""
    with transaction.atomic():
        locked = Application.objects.select_for_update(of=("self",)).select_related("call").get(pk=application.pk)
        refusals.check(by, "calls.edit_application", locked)
        locked.title = (title or "")[:200]
        locked.amount_requested = amount_requested
        if organisation_id:
            locked.organisation_id = organisation_id
        locked.answers = answers
        locked.save(update_fields=["title", "amount_requested", "organisation", "answers", "updated_at"])
        fields = {field.key: field for field in locked.call.form_fields.all()}
        for key, upload in (uploads or {}).items():
            _store_file(locked, fields[key], upload)
    for name in ("title", "amount_requested", "organisation_id", "answers", "updated_at", "status", "version"):
        setattr(application, name, getattr(locked, name))
    return application


def _snapshot(application) -> dict:
    call = application.call
    return {
        "call": call.slug,
        "reference": application.reference,
        "title": application.title,
        "amount_requested": str(application.amount_requested),
        "organisation": application.organisation.name if application.organisation_id else None,
        "answers": [{"key": field.key, "label": field.label_ro, "value": application.answers.get(field.key)}
                    for field in call.form_fields.all() if field.kind != FieldKind.FILE],
        "files": [{"key": file.field_key, "name": file.original_name, "size": file.size, "sha256": file.sha256}
                  for file in application.files.order_by("field_key")],
    }


def canonical_sha256(content: dict) -> str:
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def application_submit(*, application, by) -> Submission:
    refusals.check(by, "calls.submit_application", application)
    snapshot = {}

    def check(locked):
        missing = [str(item["label"]) for item in completeness(locked) if not item["done"]]
        if missing:
            raise ValidationError(_("Complete these before submitting: %(items)s.") % {"items": "; ".join(missing)})
        problems = call_outcomes.submission_problems(locked)
        if problems:
            raise ValidationError(problems)
        snapshot["content"], snapshot["now"] = _snapshot(locked), timezone.now()
        if not locked.call.is_open(snapshot["now"]):
            # The deadline passed between the permission and the snapshot: the call's own reason says so.
            raise refusals.Refused(refusals.requirements("calls.submit_application").why_not(by, locked)
                                   or _("This application cannot be submitted now."))

    def record(locked):
        # Numbered from the versions stored, whatever the row says: a version is never taken twice.
        stored = locked.submissions.aggregate(latest=Max("version"))["latest"] or 0
        locked.version = max(locked.version, stored) + 1
        locked.status = ApplicationStatus.SUBMITTED
        locked.submitted_at = snapshot["now"]

    with transaction.atomic():
        # Core's move: the row locked, still a draft, the snapshot and the version taken under the lock.
        locked = transitions.move(
            application, to=ApplicationStatus.SUBMITTED, by=by, check=check, record=record,
            fields=["version", "status", "submitted_at", "updated_at"],
            lock=Application.objects.select_for_update(of=("self",)).select_related("call", "organisation"))
        content = snapshot["content"]
        submission = Submission.objects.create(application=locked, version=locked.version, content=content,
                                               sha256=canonical_sha256(content), submitted_at=snapshot["now"])
        tasks.send_submission_receipt.delay_on_commit(submission.pk)
    for name in ("title", "amount_requested", "organisation_id", "answers", "version", "status", "submitted_at",
                 "updated_at"):
        setattr(application, name, getattr(locked, name))
    return submission


def _locked_for_status(application):
    return Application.objects.select_for_update(of=("self",)).select_related("call").get(pk=application.pk)


def application_withdraw(*, application, by) -> Application:
    with transaction.atomic():
        locked = _locked_for_status(application)
        refusals.check(by, "calls.withdraw_application", locked)
        locked = transitions.move(locked, to=ApplicationStatus.WITHDRAWN, by=by, fields=["updated_at"],
                                  lock=Application.objects.select_for_update(of=("self",)).select_related("call"))
    application.status, application.updated_at = locked.status, locked.updated_at
    return application


def application_reopen(*, application, by) -> Application:
    """Back to a draft to change and submit again (from submitted or withdrawn: the rule is
    ``calls.reopen_application``); every submitted version is kept."""
    with transaction.atomic():
        locked = _locked_for_status(application)
        refusals.check(by, "calls.reopen_application", locked)
        locked = transitions.move(locked, to=ApplicationStatus.DRAFT, by=by, fields=["updated_at"],
                                  lock=Application.objects.select_for_update(of=("self",)).select_related("call"))
    application.status, application.updated_at = locked.status, locked.updated_at
    return application
