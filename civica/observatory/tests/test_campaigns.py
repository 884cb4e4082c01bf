"""Data collection campaigns as their users see them: a representative fills an answer in (drafts keep
everything typed, submission checks the indicator's range beside the field), an analyst queries a figure
back and accepts, accepted numbers become the organisation's indicator values (replaced when accepted
again), files stay private, reminders are sent once, and nobody else sees an organisation's answer."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from civica.calls.form_engine import FieldKind
from civica.calls.tests.factories import CallFactory, pdf_bytes
from civica.network.tests.factories import MemberFactory, OrganisationFactory
from civica.observatory.campaigns import services as campaign_services
from civica.observatory.campaigns import tasks as campaign_tasks
from civica.observatory.models import (
    AnswerStatus,
    CampaignAnswer,
    CampaignQuestion,
    CampaignStatus,
    IndicatorValue,
    ValueOrigin,
    ValueStatus,
)
from civica.observatory.tests.campaign_factories import (
    analyst,
    indicator,
    make_answer,
    make_campaign,
    representative,
)


def url(name, *args, language="ro"):
    with translation.override(language):
        return reverse(f"observatory:{name}", args=args)


@pytest.fixture
def campaign(db):
    return make_campaign()


@pytest.fixture
def organisation(db):
    return MemberFactory(name="Teatrul de Probă")


@pytest.fixture
def rep(organisation):
    return representative(organisation, display_name="Rita Reprezentanta", language="en")


def answer_url(campaign, organisation, language="en"):
    return url("answer", campaign.slug, organisation.slug, language=language)


@pytest.mark.django_db
def test_a_draft_keeps_an_invalid_figure_and_submission_refuses_it_beside_the_field(client, campaign,
                                                                                     organisation, rep):
    client.force_login(rep)
    page = answer_url(campaign, organisation)
    response = client.post(page, {"audience": "1,200", "young": "150", "notes": "Stagiunea 2021", "save": "1"})
    assert response.status_code == 302
    answer = CampaignAnswer.objects.get(campaign=campaign, organisation=organisation)
    assert answer.status == AnswerStatus.DRAFT
    assert answer.answers == {"audience": "1200", "young": "150", "notes": "Stagiunea 2021"}
    shown = client.get(page)
    assert "Ensure this value is less than or equal to 100." in shown.content.decode()
    assert 'value="150"' in shown.content.decode()

    refused = client.post(page, {"audience": "1,200", "young": "150", "notes": "Stagiunea 2021", "submit": "1"})
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "saved but not submitted" in text
    assert "Ensure this value is less than or equal to 100." in text
    answer.refresh_from_db()
    assert answer.status == AnswerStatus.DRAFT

    done = client.post(page, {"audience": "1,200", "young": "35.5", "notes": "", "submit": "1"}, follow=True)
    assert "Your answer is submitted" in done.content.decode()
    answer.refresh_from_db()
    assert answer.status == AnswerStatus.SUBMITTED
    assert answer.answers["young"] == "35.5" and answer.submitted_by == rep


@pytest.mark.django_db
def test_numbers_are_read_as_the_romanian_page_writes_them(client, campaign, organisation, rep):
    client.force_login(rep)
    client.post(answer_url(campaign, organisation, "ro"), {"audience": "1.234", "young": "12,5", "save": "1"})
    assert CampaignAnswer.objects.get().answers["audience"] == "1234"
    assert CampaignAnswer.objects.get().answers["young"] == "12.5"


@pytest.mark.django_db
def test_a_required_question_left_empty_stops_the_submission(campaign, organisation, rep):
    answer = campaign_services.answer_for(campaign=campaign, organisation=organisation, by=rep)
    campaign_services.answer_save_draft(answer=answer, by=rep, answers={"audience": "10", "young": None})
    with pytest.raises(ValidationError, match="Ponderea tinerilor"):
        campaign_services.answer_submit(answer=answer, by=rep)


@pytest.mark.django_db
def test_a_percentage_is_within_0_and_100_and_an_indicator_range_holds(campaign):
    young = campaign.questions.get(key="young")
    assert young.value_limits() == (Decimal(0), Decimal(100))
    capped = indicator("own-staff", minimum=Decimal(1), maximum=Decimal(500))
    question = CampaignQuestion(campaign=campaign, key="staff", kind=FieldKind.NUMBER, label_ro="Angajați",
                                indicator=capped, max_value=Decimal(800))
    assert question.value_limits() == (Decimal(1), Decimal(500))


@pytest.mark.django_db
def test_query_then_accept_then_accept_again_after_a_correction(client, campaign, organisation, rep,
                                                                django_capture_on_commit_callbacks):
    reviewer = analyst(display_name="Ana Analista")
    answer = make_answer(campaign, organisation, status=AnswerStatus.SUBMITTED)
    client.force_login(reviewer)
    question = campaign.questions.get(key="audience")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("answer_query", campaign.slug, organisation.slug),
                               {"question": question.pk, "message": "1.200 spectatori pare puțin.",
                                "seen_status": "submitted"})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.status == AnswerStatus.QUERIED and answer.query_question == question
    assert [message.to for message in mail.outbox] == [[rep.email]]
    assert "Total audience" in mail.outbox[0].body  # the representative reads English
    assert "1.200 spectatori pare puțin." in mail.outbox[0].body

    client.force_login(rep)
    page = client.get(answer_url(campaign, organisation)).content.decode()
    assert "The centre asks about your answer" in page and "1.200 spectatori pare puțin." in page
    client.post(answer_url(campaign, organisation), {"audience": "12,000", "young": "35", "submit": "1"})
    answer.refresh_from_db()
    assert answer.status == AnswerStatus.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        campaign_services.answer_accept(answer=answer, by=reviewer, value_status=ValueStatus.PROVISIONAL)
    values = IndicatorValue.objects.filter(organisation=organisation, year=2021)
    assert sorted((value.indicator.code, value.value, value.status, value.origin) for value in values) == [
        ("own-audience", Decimal(12000), ValueStatus.PROVISIONAL, ValueOrigin.CAMPAIGN),
        ("own-young", Decimal(35), ValueStatus.PROVISIONAL, ValueOrigin.CAMPAIGN)]
    assert "accepted" in mail.outbox[-1].subject

    # Found wrong later: queried again, corrected, accepted again: the values are replaced, not doubled.
    campaign_services.answer_query(answer=answer, by=reviewer, question=question, message="Verificați.")
    campaign_services.answer_save_draft(answer=answer, by=rep, answers={"audience": "11000", "young": ""})
    with pytest.raises(ValidationError):
        campaign_services.answer_submit(answer=answer, by=rep)  # the share is required
    campaign_services.answer_save_draft(answer=answer, by=rep, answers={"young": "30"})
    campaign_services.answer_submit(answer=answer, by=rep)
    campaign_services.answer_accept(answer=answer, by=reviewer)
    values = IndicatorValue.objects.filter(organisation=organisation, year=2021)
    assert sorted((value.indicator.code, value.value, value.status) for value in values) == [
        ("own-audience", Decimal(11000), ValueStatus.FINAL), ("own-young", Decimal(30), ValueStatus.FINAL)]


@pytest.mark.django_db
def test_a_review_refuses_when_the_answer_changed_since_it_was_read(campaign, organisation):
    reviewer = analyst()
    answer = make_answer(campaign, organisation, status=AnswerStatus.SUBMITTED)
    campaign_services.answer_accept(answer=answer, by=reviewer)
    with pytest.raises(ValidationError, match="s-a modificat în timp ce"):
        campaign_services.answer_query(answer=answer, by=reviewer, question=campaign.questions.first(),
                                       message="?", seen_status=AnswerStatus.SUBMITTED)


@pytest.mark.django_db
def test_two_representatives_changing_different_questions_keep_both(client, campaign, organisation, rep):
    colleague = representative(organisation)
    answer = campaign_services.answer_for(campaign=campaign, organisation=organisation, by=rep)
    base = {}
    campaign_services.answer_save_draft(answer=answer, by=rep, base=base,
                                        answers={"audience": "500", "young": None, "notes": ""})
    campaign_services.answer_save_draft(answer=answer, by=colleague, base=base,
                                        answers={"audience": None, "young": "20", "notes": ""})
    answer.refresh_from_db()
    assert answer.answers["audience"] == "500" and answer.answers["young"] == "20"


@pytest.mark.django_db
def test_an_attachment_is_private_under_a_random_name(client, organisation, rep):
    campaign = make_campaign()
    CampaignQuestion.objects.create(campaign=campaign, key="report", kind=FieldKind.FILE, position=4,
                                    label_ro="Raportul anual", required=False, file_types=["pdf"])
    client.force_login(rep)
    upload = SimpleUploadedFile("raport-teatrul-de-proba.pdf", pdf_bytes(author="Rita"), "application/pdf")
    client.post(answer_url(campaign, organisation), {"audience": "1", "young": "1", "report": upload, "save": "1"})
    stored = CampaignAnswer.objects.get().files.get()
    assert "raport" not in stored.file.name and stored.file.name.startswith("observatory/answers/")
    file_url = url("answer_file", campaign.slug, organisation.slug, "report")
    response = client.get(file_url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert b"Rita" not in b"".join(response.streaming_content)
    client.force_login(analyst())
    assert client.get(file_url).status_code == 200
    for outsider in (representative(MemberFactory()), _editor()):
        client.force_login(outsider)
        assert client.get(file_url).status_code == 404
    client.logout()
    assert client.get(file_url).status_code == 404


def _editor():
    from civica.accounts.roles import Role
    from civica.accounts.tests.factories import UserFactory

    return UserFactory(role=Role.EDITOR)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["other_member", "partner", "editor", "administrator", "evaluator", "participant"])
def test_nobody_else_sees_an_organisations_answer(client, make_user, campaign, organisation, kind):
    make_answer(campaign, organisation, status=AnswerStatus.SUBMITTED)
    if kind == "other_member":
        user = representative(MemberFactory())
    elif kind == "partner":
        user = representative(OrganisationFactory())
    elif kind == "evaluator":
        user = make_user("evaluator", scope=CallFactory())
    else:
        user = make_user(kind)
    client.force_login(user)
    assert client.get(answer_url(campaign, organisation)).status_code == 404
    assert client.post(url("answer_accept", campaign.slug, organisation.slug),
                       {"value_status": "final"}).status_code == 404
    assert IndicatorValue.objects.count() == 0


@pytest.mark.django_db
def test_a_visitor_is_sent_to_log_in_and_an_organisation_not_asked_gets_nothing(client, campaign, organisation):
    assert client.get(answer_url(campaign, organisation)).status_code == 302
    partner = OrganisationFactory()
    client.force_login(representative(partner))
    assert client.get(answer_url(campaign, partner)).status_code == 404
    assert not CampaignAnswer.objects.exists()


@pytest.mark.django_db
def test_a_draft_campaign_is_hidden_from_representatives(client, organisation, rep):
    draft = make_campaign(state="draft")
    client.force_login(rep)
    assert client.get(url("campaign_detail", draft.slug)).status_code == 404
    assert client.get(answer_url(draft, organisation)).status_code == 404
    assert draft.title_ro not in client.get(url("campaigns")).content.decode()


@pytest.mark.django_db
def test_the_representatives_list_shows_their_campaigns_and_statuses(client, campaign, organisation, rep):
    make_answer(campaign, organisation, status=AnswerStatus.QUERIED)
    client.force_login(rep)
    with translation.override("en"):
        page = client.get(reverse("observatory:campaigns")).content.decode()
    assert "Data collection 2021" in page and "Teatrul de Probă" in page and "Queried back" in page
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert url("campaigns") in profile


@pytest.mark.django_db
def test_a_participant_without_an_organisation_is_refused_the_list(client, participant):
    client.force_login(participant)
    assert client.get(url("campaigns")).status_code == 403


@pytest.mark.django_db
def test_bad_input_to_the_review_forms_is_a_message_not_a_500(client, campaign, organisation):
    other = make_campaign()
    make_answer(campaign, organisation, status=AnswerStatus.SUBMITTED)
    client.force_login(analyst())
    query = url("answer_query", campaign.slug, organisation.slug)
    for data in ({"question": "abc", "message": "?"}, {"question": other.questions.first().pk, "message": "?"},
                 {"question": "9" * 25, "message": "?"}, {"question": "-1", "message": "?"},
                 {"question": campaign.questions.first().pk, "message": ""}):
        response = client.post(query, data)
        assert response.status_code == 400
    assert client.post(url("answer_accept", campaign.slug, organisation.slug),
                       {"value_status": "bogus"}).status_code == 400
    assert client.get(f"{url('campaign_detail', campaign.slug)}questions/{'9' * 25}/").status_code == 404
    assert CampaignAnswer.objects.get(campaign=campaign).status == AnswerStatus.SUBMITTED


@pytest.mark.django_db
def test_an_analyst_sets_a_campaign_up_and_opens_it(client):
    client.force_login(analyst())
    indicator("own-audience")
    bad = client.post(url("campaign_new"), {"title_ro": "Colectare 2022", "year": "2022", "target": "members",
                                            "opens_at": "2030-03-01T09:00", "deadline": "2030-02-01T09:00"})
    assert bad.status_code == 400 and "Colectare 2022" in bad.content.decode()
    response = client.post(url("campaign_new"), {"title_ro": "Colectare 2022", "year": "2022", "target": "members",
                                                 "opens_at": "2030-03-01T09:00", "deadline": "2030-04-01T09:00"})
    assert response.status_code == 302
    from civica.observatory.models import Campaign

    campaign = Campaign.objects.get()
    assert campaign.slug == "colectare-2022-2022" and campaign.status == CampaignStatus.DRAFT
    move = url("campaign_move", campaign.slug)
    client.post(move, {"to": "open"})
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.DRAFT  # no question yet
    refused = client.post(url("question_new", campaign.slug), {"kind": "long_text", "key": "x", "label_ro": "X",
                                                               "indicator": indicator("own-audience").pk,
                                                               "max_file_mb": "10"})
    assert refused.status_code == 400
    client.post(url("question_new", campaign.slug), {"kind": "number", "key": "audience", "label_ro": "Public",
                                                     "indicator": indicator("own-audience").pk, "required": "on",
                                                     "max_file_mb": "10"})
    assert campaign.questions.get().indicator.code == "own-audience"
    client.post(move, {"to": "open"})
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.OPEN
    assert client.post(url("question_new", campaign.slug), {"kind": "number", "key": "b", "label_ro": "B",
                                                            "max_file_mb": "10"}).status_code == 400


@pytest.mark.django_db
def test_reminders_go_once_to_those_who_have_not_submitted_in_their_language(settings, organisation, rep):
    settings.CIVICA_OBSERVATORY_REMINDER_DAYS = [7, 1]
    campaign = make_campaign()
    campaign.deadline = timezone.now() + datetime.timedelta(days=6)
    campaign.save()
    done = MemberFactory()
    representative(done)
    make_answer(campaign, done, status=AnswerStatus.SUBMITTED)
    romanian = representative(MemberFactory(), language="ro")
    campaign_tasks.send_reminders()
    campaign_tasks.send_reminders()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([rep.email, romanian.email])
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[rep.email] == "[Civica] Deadline near: Data collection 2021"
    assert subjects[romanian.email].endswith("Colectarea de date 2021")
    # The last day: the one-day reminder, once.
    campaign.deadline = timezone.now() + datetime.timedelta(hours=20)
    campaign.save()
    campaign_tasks.send_reminders()
    campaign_tasks.send_reminders()
    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_the_pages_cost_the_same_queries_with_more_rows(client, django_assert_max_num_queries, organisation, rep):
    reviewer = analyst()
    campaigns = [make_campaign() for _ in range(2)]
    for campaign in campaigns:
        make_answer(campaign, organisation, status=AnswerStatus.SUBMITTED)
    client.force_login(rep)
    with django_assert_max_num_queries(12):
        assert client.get(url("campaigns")).status_code == 200
    client.force_login(reviewer)
    with django_assert_max_num_queries(14):
        assert client.get(url("campaign_detail", campaigns[0].slug)).status_code == 200
    for _ in range(5):
        other = MemberFactory()
        make_answer(campaigns[0], other, status=AnswerStatus.SUBMITTED)
        make_campaign()
    client.force_login(rep)
    with django_assert_max_num_queries(12):
        assert client.get(url("campaigns")).status_code == 200
    client.force_login(reviewer)
    with django_assert_max_num_queries(14):
        assert client.get(url("campaign_detail", campaigns[0].slug)).status_code == 200


def test_the_campaigns_tasks_keep_the_names_beat_and_the_broker_know(settings):
    """Moved into campaigns/tasks.py, the tasks keep their old module's names: beat's schedule names one
    and messages already in the broker name the other."""
    import civica.observatory.tasks  # noqa: F401 -- what a worker's autodiscovery imports
    from config.celery import app

    registered = set(app.tasks)
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
                 if entry["task"].startswith("civica.observatory.")}
    assert scheduled and scheduled <= registered
    assert (campaign_tasks.send_reminders.name, campaign_tasks.send_answer_news.name) == (
        "civica.observatory.campaign_tasks.send_reminders", "civica.observatory.campaign_tasks.send_answer_news")
