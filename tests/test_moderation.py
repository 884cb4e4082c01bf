"""Moderation of what participation registers as moderatable (ideas, debates, comments): reports, hiding
past a threshold, moderators' hide and restore, the queue and the log. Site-wide: it sets up participation's rows."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import Comment
from civica.moderation import services as moderation
from civica.moderation.models import ModerationAction, Report
from civica.notifications.models import Notification
from civica.participation import services
from civica.participation.models import Debate, Idea
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_reports_past_the_threshold_hide_content_and_tell_the_author():
    idea = IdeaFactory(process=ProcessFactory(report_threshold=2))
    moderation.report_create(target=idea, by=UserFactory(), reason="spam")
    assert not Idea.objects.get(pk=idea.pk).is_hidden
    with pytest.raises(ValidationError, match="already reported"):
        moderation.report_create(target=idea, by=Report.objects.get().reporter, reason="spam")
    moderation.report_create(target=idea, by=UserFactory(), reason="offensive", note="insults")
    assert Idea.objects.get(pk=idea.pk).is_hidden
    action = ModerationAction.objects.get()
    assert action.kind == ModerationAction.Kind.AUTO_HIDE and action.moderator is None
    assert idea.title in Notification.objects.get(recipient=idea.author).message


@pytest.mark.django_db
def test_moderators_hide_and_restore_with_a_recorded_reason():
    comment = comment_services.comment_post(target=IdeaFactory(), by=UserFactory(), body="Buy cheap watches")
    moderator = UserFactory(role=Role.MODERATOR, role__scope=comment.scope)
    moderation.report_create(target=comment, by=UserFactory(), reason="spam")
    with pytest.raises(ValidationError, match="reason is recorded"):
        moderation.moderate(target=comment, by=moderator, hide=True, reason=" ")
    with pytest.raises(PermissionDenied):
        moderation.moderate(target=comment, by=UserFactory(), hide=True, reason="x")
    moderation.moderate(target=comment, by=moderator, hide=True, reason="Advertising")
    assert Comment.objects.get(pk=comment.pk).is_hidden
    assert not Report.objects.filter(is_resolved=False).exists()
    moderation.moderate(target=comment, by=moderator, hide=False, reason="Reviewed again: fine")
    assert not Comment.objects.get(pk=comment.pk).is_hidden
    log = list(ModerationAction.objects.order_by("pk").values_list("kind", "moderator", "reason"))
    assert log == [("hide", moderator.pk, "Advertising"), ("restore", moderator.pk, "Reviewed again: fine")]
    assert Notification.objects.filter(recipient=comment.author).count() == 2


@pytest.mark.django_db
def test_hidden_content_is_hidden_from_others_but_not_from_its_author_or_moderators(client):
    idea = IdeaFactory(title="Hidden thing")
    moderator = UserFactory(role=Role.MODERATOR, role__scope=idea.process)
    moderation.moderate(target=idea, by=moderator, hide=True, reason="Personal data")
    listing = f"/en/processes/{idea.process.slug}/ideas/"
    assert "Hidden thing" not in client.get(listing).content.decode()
    assert client.get(idea.get_absolute_url()).status_code == 404
    client.force_login(idea.author)
    assert "hidden while moderators review it" in client.get(idea.get_absolute_url()).content.decode()
    client.force_login(moderator)
    assert "Hidden thing" in client.get(listing).content.decode()


@pytest.mark.django_db
def test_queue_shows_only_the_processes_one_moderates(client):
    mine, other = ProcessFactory(), ProcessFactory()
    moderator = UserFactory(role=Role.MODERATOR, role__scope=mine)
    reported_here = IdeaFactory(process=mine, title="Reported here")
    reported_there = IdeaFactory(process=other, title="Reported there")
    Debate.objects.create(process=mine, question="Hidden debate?", is_hidden=True)
    for target in (reported_here, reported_there):
        moderation.report_create(target=target, by=UserFactory(), reason="off_topic")
    comment = comment_services.comment_post(target=reported_here, by=UserFactory(), body="A reported comment")
    moderation.report_create(target=comment, by=UserFactory(), reason="offensive")
    client.force_login(moderator)
    page = client.get("/en/moderation/").content.decode()
    assert "Reported here" in page and "A reported comment" in page and "Hidden debate?" in page
    assert "Reported there" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("kind, status", [(None, 302), ("participant", 403), ("moderator", 200), ("editor", 200)])
def test_queue_and_log_permissions(client, request, kind, status):
    if kind:
        client.force_login(request.getfixturevalue(kind))
    assert client.get("/en/moderation/").status_code == status
    assert client.get("/en/moderation/log/").status_code == status


@pytest.mark.django_db
def test_queue_query_count_is_constant(client, editor, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    process = ProcessFactory()

    def add_reported():
        idea = IdeaFactory(process=process)
        moderation.report_create(target=idea, by=UserFactory(), reason="spam")
        comment = comment_services.comment_post(target=idea, by=UserFactory(), body="c")
        moderation.report_create(target=comment, by=UserFactory(), reason="spam")

    add_reported()
    client.force_login(editor)
    client.get("/en/moderation/")
    with CaptureQueriesContext(connection) as first:
        client.get("/en/moderation/")
    expected = len(first)  # read now: Django clears the query log at the next request
    for _ in range(5):
        add_reported()
    with django_assert_num_queries(expected):
        client.get("/en/moderation/")


@pytest.mark.django_db
def test_report_and_moderate_through_the_pages(client, participant):
    idea = IdeaFactory()
    client.force_login(participant)
    response = client.post(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/report/",
                           {"reason": "spam", "note": "ads"}, follow=True)
    assert "the moderators will look at it" in response.content.decode()
    response = client.post(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/report/", {"reason": "nonsense"},
                           follow=True)
    assert "Choose why you report this." in response.content.decode()
    assert client.post(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/moderate/",
                       {"action": "hide", "reason": "x"}).status_code == 403
    editor = UserFactory(role=Role.EDITOR)
    client.force_login(editor)
    response = client.post(f"/en/processes/{idea.process.slug}/ideas/{idea.pk}/moderate/",
                           {"action": "hide", "reason": "Spam"})
    assert response["Location"] == "/en/moderation/"
    assert Idea.objects.get(pk=idea.pk).is_hidden
    assert "Spam" in client.get("/en/moderation/log/").content.decode()
    assert client.post(f"/en/processes/{idea.process.slug}/ideas/999999/report/", {"reason": "spam"}
                       ).status_code == 404


@pytest.mark.django_db
def test_answer_notifies_author_and_followers_by_email(participant):
    idea = IdeaFactory()
    follower = UserFactory(email_frequency="immediately")
    daily = UserFactory(email_frequency="daily")
    services.follow_set(by=follower, target=idea, following=True)
    services.follow_set(by=daily, target=idea, following=True)
    editor = UserFactory(role=Role.EDITOR)
    mail.outbox.clear()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        services.idea_answer(idea=idea, by=editor, status="accepted", answer="Yes")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([idea.author.email, follower.email])
    assert Notification.objects.filter(recipient=daily, emailed_at__isnull=True).count() == 1
    assert "unsubscribe" in mail.outbox[0].extra_headers["List-Unsubscribe"]


@pytest.mark.django_db
def test_deleting_a_consultation_takes_its_comments_reports_and_log_with_it():
    """They had a ``process`` key that cascaded; with a generic scope, ideas and debates take them along."""
    idea = IdeaFactory()
    comment = comment_services.comment_post(target=idea, by=UserFactory(), body="Cheap watches")
    moderation.report_create(target=comment, by=UserFactory(), reason="spam")
    moderation.report_create(target=idea, by=UserFactory(), reason="spam")
    moderation.moderate(target=idea, by=UserFactory(role=Role.EDITOR), hide=True, reason="Spam")
    idea.process.delete()
    assert not Comment.objects.exists() and not Report.objects.exists() and not ModerationAction.objects.exists()
