"""The writes of data collection campaigns (issue 19, point 2): keyword-only, the actor ``by``.

- Analysts set a campaign up (``campaign_save``, ``question_save``, ``question_delete``) and move it
  (``campaign_move``: draft → open → closed, core's ``move``).
- An organisation's representatives fill its answer in: ``answer_for`` makes the row the first time,
  ``answer_save_draft`` keeps everything typed, ``answer_submit`` checks it strictly.
- Analysts ``answer_query`` a figure back (with a message naming the question) and ``answer_accept``:
  under the answer's lock, each number answered to a question linked to an indicator becomes the
  organisation's ``IndicatorValue`` for the campaign's year (origin CAMPAIGN); accepting again after a
  correction replaces them.

Every write locks the row it changes and checks again under the lock; e-mails leave after the commit
(``campaign_tasks``). Two representatives saving at once each keep what they changed: a save carries the
answers as its author loaded them (``base``) and writes only the questions they changed."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from civica.core import refusals, transitions
from civica.core.uploads import CONTENT_TYPES, sniff_type
from civica.queue.delivery import event_key

from ..models import (
    AnswerFile,
    AnswerStatus,
    Campaign,
    CampaignAnswer,
    CampaignQuestion,
    CampaignStatus,
    IndicatorValue,
    ValueOrigin,
    ValueStatus,
)
from . import tasks
from .forms import strict_problems

CAMPAIGN_FIELDS = ["title_ro", "title_en", "intro_ro", "intro_en", "year", "opens_at", "deadline", "target",
                   "network", "categories"]
QUESTION_FIELDS = ["key", "kind", "label_ro", "label_en", "help_ro", "help_en", "required", "max_length",
                   "min_value", "max_value", "choices", "file_types", "max_file_mb", "indicator"]
EXTENSIONS = {"pdf": "pdf", "jpeg": "jpg", "png": "png"}


def _unique_slug(title: str, year: int) -> str:
    base = f"{slugify(title)[:60] or 'colectare'}-{year}"
    slug, number = base, 2
    while Campaign.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


# Analysts: campaigns and their questions.

def campaign_save(*, by, campaign: Campaign | None = None, **values) -> Campaign:
    """Create a campaign (``campaign`` None) or change one; ``values`` are ``CAMPAIGN_FIELDS``."""
    refusals.check(by, "observatory.manage", otherwise=_("Only the observatory's analysts run campaigns."))
    with transaction.atomic():
        if campaign is None:
            campaign = Campaign(**values)
            campaign.slug = _unique_slug(values["title_ro"], values["year"])
            campaign.full_clean()
            campaign.save()
            return campaign
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        for name, value in values.items():
            setattr(locked, name, value)
        locked.full_clean()
        locked.save(update_fields=list(values))
        return locked


def campaign_move(*, campaign, to, by) -> Campaign:
    def check(locked):
        if to == CampaignStatus.OPEN and not locked.questions.exists():
            raise ValidationError(_("Add at least one question before opening the campaign."))

    return transitions.move(campaign, to=to, by=by, check=check)


def _question_editable(campaign):
    if campaign.status != CampaignStatus.DRAFT:
        raise ValidationError(_("Questions change only while the campaign is a draft: answers may exist."))


def question_save(*, by, campaign, question: CampaignQuestion | None = None, **values) -> CampaignQuestion:
    refusals.check(by, "observatory.manage", otherwise=_("Only the observatory's analysts run campaigns."))
    with transaction.atomic():
        locked_campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        _question_editable(locked_campaign)
        if question is None:
            last = locked_campaign.questions.order_by("-position").values_list("position", flat=True).first()
            question = CampaignQuestion(campaign=locked_campaign, position=(last or 0) + 1)
        for name, value in values.items():
            setattr(question, name, value)
        question.full_clean()
        question.save()
        return question


def question_delete(*, by, question) -> None:
    refusals.check(by, "observatory.manage", otherwise=_("Only the observatory's analysts run campaigns."))
    with transaction.atomic():
        _question_editable(Campaign.objects.select_for_update().get(pk=question.campaign_id))
        CampaignQuestion.objects.filter(pk=question.pk).delete()


# Representatives: an organisation's answer.

def answer_for(*, campaign, organisation, by) -> CampaignAnswer:
    """The organisation's answer to ``campaign``, made the first time one of its representatives opens
    it. A campaign not sent to the organisation, a draft campaign, or a user who may not see the answer:
    ``Http404`` (the same for missing and forbidden)."""
    answer = (CampaignAnswer.objects.select_related("campaign", "organisation")
              .filter(campaign=campaign, organisation=organisation).first())
    if answer is None:
        if campaign.status == CampaignStatus.DRAFT or not campaign.targeted_organisations().filter(
                pk=organisation.pk).exists():
            raise Http404
        unsaved = CampaignAnswer(campaign=campaign, organisation=organisation, illustrative=campaign.illustrative)
        if not by.has_perm("observatory.view_answer", unsaved):
            raise Http404
        try:
            with transaction.atomic():
                unsaved.save()
                answer = unsaved
        except IntegrityError:  # another representative opened it at the same moment
            answer = CampaignAnswer.objects.select_related("campaign", "organisation").get(
                campaign=campaign, organisation=organisation)
    if not by.has_perm("observatory.view_answer", answer):
        raise Http404
    return answer


def _locked_answer(answer):
    return (CampaignAnswer.objects.select_for_update(of=("self",)).select_related("campaign", "organisation")
            .get(pk=answer.pk))


def _store_file(answer, key, upload):
    kind = sniff_type(upload)
    upload.seek(0)
    content = ContentFile(upload.read(), name=f"upload.{EXTENSIONS[kind]}")
    AnswerFile.objects.filter(answer=answer, question_key=key).delete()
    AnswerFile.objects.create(answer=answer, question_key=key, file=content, original_name=upload.name[:255],
                              content_type=CONTENT_TYPES[kind], size=upload.size)


def _refresh(answer, locked, names=("answers", "status", "updated_at", "updated_by_id", "submitted_at",
                                    "submitted_by_id", "query_message", "query_question_id", "reviewed_at",
                                    "reviewed_by_id", "value_status")):
    for name in names:
        setattr(answer, name, getattr(locked, name))
    return answer


def answer_save_draft(*, answer, by, answers: dict, uploads: dict | None = None, base: dict | None = None):
    """Keep what the representative typed, valid or not (``answers`` by question key, as the draft form
    gives them). With ``base`` (the answers as they were when the form was shown), only the questions
    whose value differs from it are written: another representative's save meanwhile is kept."""
    with transaction.atomic():
        locked = _locked_answer(answer)
        refusals.check(by, "observatory.fill_answer", locked)
        keys = set(locked.campaign.questions.values_list("key", flat=True))
        changed = {key: value for key, value in answers.items()
                   if key in keys and (base is None or value != base.get(key))}
        locked.answers = {**locked.answers, **changed}
        locked.updated_at, locked.updated_by = timezone.now(), by
        locked.save(update_fields=["answers", "updated_at", "updated_by"])
        for key, upload in (uploads or {}).items():
            if key in keys:
                _store_file(locked, key, upload)
    return _refresh(answer, locked)


def answer_submit(*, answer, by) -> CampaignAnswer:
    """Submit the answer as saved, checked strictly (every required question, each number within its
    indicator's range); a refusal lists the questions to correct."""

    def check(locked):
        problems = strict_problems(locked)
        if problems:
            raise ValidationError(_("Correct these before submitting: %(items)s.") % {"items": "; ".join(problems)})

    def record(locked):
        locked.status = AnswerStatus.SUBMITTED
        locked.submitted_at, locked.submitted_by = timezone.now(), by

    locked = transitions.move(answer, to=AnswerStatus.SUBMITTED, by=by, check=check, record=record,
                              fields=["status", "submitted_at", "submitted_by"],
                              lock=CampaignAnswer.objects.select_for_update(of=("self",))
                              .select_related("campaign", "organisation"))
    return _refresh(answer, locked)


def _check_seen(locked, seen_status):
    if seen_status and locked.status != seen_status:
        raise ValidationError(_("The answer changed while you were reading it (it is now “%(status)s”): "
                                "read it again.") % {"status": locked.status_label()})


def answer_query(*, answer, by, question, message: str, seen_status: str | None = None) -> CampaignAnswer:
    """Ask the organisation about a figure: the answer goes back to it, with ``message`` naming
    ``question``; its representatives are e-mailed."""
    message = (message or "").strip()
    if not message:
        raise ValidationError(_("Write what you ask the organisation."))
    if question is None or question.campaign_id != answer.campaign_id:
        raise ValidationError(_("Choose the question you ask about."))

    def check(locked):
        _check_seen(locked, seen_status)

    def record(locked):
        locked.status = AnswerStatus.QUERIED
        locked.query_question, locked.query_message = question, message[:2000]
        locked.reviewed_at, locked.reviewed_by = timezone.now(), by

    with transaction.atomic():
        locked = transitions.move(answer, to=AnswerStatus.QUERIED, by=by, check=check, record=record,
                                  fields=["status", "query_question", "query_message", "reviewed_at", "reviewed_by"],
                                  lock=CampaignAnswer.objects.select_for_update(of=("self",))
                                  .select_related("campaign", "organisation"))
        tasks.send_answer_news.delay_on_commit(
            locked.pk, AnswerStatus.QUERIED, event_key("observatory.answer", locked.pk, "queried"))
    return _refresh(answer, locked)


def answer_accept(*, answer, by, value_status: str = ValueStatus.FINAL,
                  seen_status: str | None = None) -> CampaignAnswer:
    """Accept the answer: under its lock, each number answered to a question linked to an indicator
    becomes the organisation's value of that indicator for the campaign's year (replacing what an
    earlier acceptance wrote; an indicator left unanswered now loses the value it had from it)."""
    if value_status not in ValueStatus.values:
        raise ValidationError(_("Choose whether the values are provisional or final."))

    def check(locked):
        _check_seen(locked, seen_status)
        problems = strict_problems(locked)
        if problems:
            raise ValidationError(_("This answer does not pass the checks: %(items)s.")
                                  % {"items": "; ".join(problems)})

    def record(locked):
        locked.status = AnswerStatus.ACCEPTED
        locked.value_status = value_status
        locked.reviewed_at, locked.reviewed_by = timezone.now(), by
        write_indicator_values(locked, by)

    with transaction.atomic():
        locked = transitions.move(answer, to=AnswerStatus.ACCEPTED, by=by, check=check, record=record,
                                  fields=["status", "value_status", "reviewed_at", "reviewed_by"],
                                  lock=CampaignAnswer.objects.select_for_update(of=("self",))
                                  .select_related("campaign", "organisation"))
        tasks.send_answer_news.delay_on_commit(
            locked.pk, AnswerStatus.ACCEPTED, event_key("observatory.answer", locked.pk, "accepted"))
    return _refresh(answer, locked)


def write_indicator_values(locked, by):
    """The organisation's indicator values from its accepted answer ``locked`` (locked by the caller)."""
    campaign = locked.campaign
    source = _("Data collection: %(campaign)s") % {"campaign": campaign.title_ro}
    for question in campaign.questions.filter(indicator__isnull=False).select_related("indicator"):
        raw = locked.answers.get(question.key)
        existing = IndicatorValue.objects.filter(indicator=question.indicator, year=campaign.year, breakdown="",
                                                 group="", organisation=locked.organisation)
        if raw in (None, ""):
            existing.filter(origin=ValueOrigin.CAMPAIGN).delete()
            continue
        IndicatorValue.objects.update_or_create(
            indicator=question.indicator, year=campaign.year, breakdown="", group="",
            organisation=locked.organisation,
            defaults={"value": raw, "status": locked.value_status, "origin": ValueOrigin.CAMPAIGN,
                      "source": source[:300], "illustrative": locked.illustrative, "entered_by": by,
                      "updated_at": timezone.now(), "note": ""})

