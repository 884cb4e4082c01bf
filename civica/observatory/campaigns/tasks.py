"""The e-mails of data collection campaigns (civica.queue), each sent once, in each person's language:

- ``send_answer_news``: an analyst queried an organisation's answer back, or accepted it; every
  representative of the organisation is told.
- ``send_reminders`` (periodic, ``CELERY_BEAT_SCHEDULE``): ``CIVICA_OBSERVATORY_REMINDER_DAYS`` days before
  an open campaign's deadline (7 and 1 by default), the representatives of every organisation asked that
  has not submitted are reminded; one e-mail per person, organisation, campaign and reminder (the
  ``queue.SentMail`` key), however often the task runs. Only the nearest reminder due is sent, so a
  campaign opened late does not send its earlier ones at once."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core.mail import send_in_language
from civica.queue.delivery import once
from civica.queue.tasks import background_task

from ..models import AnswerStatus, Campaign, CampaignAnswer, CampaignStatus

# The tasks keep the names they had as ``civica.observatory.campaign_tasks``: beat schedules one by name
# (CELERY_BEAT_SCHEDULE) and the broker may still hold messages naming the other.
OLD_NAME = "civica.observatory.campaign_tasks"

NOT_SUBMITTED = (AnswerStatus.DRAFT, AnswerStatus.QUERIED)


def reminder_days() -> list[int]:
    return sorted({int(days) for days in settings.CIVICA_OBSERVATORY_REMINDER_DAYS if int(days) > 0})


def _representatives(organisation):
    return [representation.user for representation in
            organisation.representatives.select_related("user").filter(user__is_active=True).order_by("user_id")]


def _answer_url(campaign, organisation):
    return settings.CIVICA_BASE_URL + reverse("observatory:answer", args=[campaign.slug, organisation.slug])


@background_task(name=f"{OLD_NAME}.send_answer_news")
def send_answer_news(answer_id, status, key):
    """Tell the organisation's representatives that its answer was queried back or accepted (the status
    it had when the task was enqueued)."""
    answer = (CampaignAnswer.objects.select_related("campaign", "organisation", "query_question")
              .filter(pk=answer_id).first())
    if answer is None:
        return
    campaign, organisation = answer.campaign, answer.organisation
    for person in _representatives(organisation):
        def subject(campaign=campaign):
            if status == AnswerStatus.QUERIED:
                return _("[Civica] A question about your answer: %(campaign)s") % {
                    "campaign": campaign.translated("title")}
            return _("[Civica] Your answer was accepted: %(campaign)s") % {"campaign": campaign.translated("title")}

        once(f"{key}:{person.pk}", lambda person=person, subject=subject: send_in_language(
            person, "observatory/campaigns/email/answer_news.txt", lambda: {
                "answer": answer, "campaign": campaign, "organisation": organisation, "status": status,
                "url": _answer_url(campaign, organisation)}, subject=subject))


def due_reminder(campaign, now) -> int | None:
    """The reminder due now for ``campaign`` (its number of days), or None."""
    if not (campaign.opens_at <= now < campaign.deadline):
        return None
    due = [days for days in reminder_days() if now >= campaign.deadline - datetime.timedelta(days=days)]
    return min(due) if due else None


@background_task(name=f"{OLD_NAME}.send_reminders")
def send_reminders():
    """Remind the organisations of every open campaign whose reminder is due (see the module)."""
    now = timezone.now()
    for campaign in Campaign.objects.filter(status=CampaignStatus.OPEN, opens_at__lte=now, deadline__gt=now):
        days = due_reminder(campaign, now)
        if days is None:
            continue
        submitted = set(campaign.answers.exclude(status__in=NOT_SUBMITTED).values_list("organisation_id", flat=True))
        for organisation in campaign.targeted_organisations().exclude(pk__in=submitted).order_by("pk"):
            for person in _representatives(organisation):
                key = f"observatory.reminder:{campaign.pk}:{organisation.pk}:{person.pk}:{days}"
                once(key, lambda person=person, organisation=organisation, campaign=campaign: _remind(
                    person, campaign, organisation))


def _remind(person, campaign, organisation):
    send_in_language(person, "observatory/campaigns/email/reminder.txt", lambda: {
        "campaign": campaign, "organisation": organisation, "url": _answer_url(campaign, organisation)},
        subject=lambda: _("[Civica] Deadline near: %(campaign)s") % {"campaign": campaign.translated("title")})
