"""Every kind of commentable (ideas, debates, meetings, plans) takes the same actions on its comments
at ``/<lang>/comments/<id>/…``: report, vote, moderate (issue 12, item 1: a plan's comments answered
500 because its "readable" rule takes no arguments). Moderators hide a comment with a reason, logged
and reversible; only its author deletes it (item 24)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from civica.accountability.models import PlanStatus
from civica.accountability.tests.factories import make_plan
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import Comment, CommentVote
from civica.meetings.tests.factories import MeetingFactory
from civica.moderation.models import ModerationAction, Report
from civica.participation.models import Debate
from civica.participation.tests.factories import IdeaFactory

KINDS = ["idea", "debate", "meeting", "plan"]


def make_target(kind):
    if kind == "idea":
        return IdeaFactory()
    if kind == "debate":
        return Debate.objects.create(process=IdeaFactory().process, question="Should the park stay open at night?")
    if kind == "meeting":
        begun = timezone.now() - datetime.timedelta(days=2)
        return MeetingFactory(starts_at=begun, ends_at=begun + datetime.timedelta(hours=2))
    return make_plan(status=PlanStatus.DRAFT)


def moderator_for(target):
    process = getattr(target, "process", None)
    return UserFactory(role=Role.MODERATOR, role__scope=process) if process else UserFactory(role=Role.MODERATOR)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_comment_on_any_commentable_is_reported_voted_on_and_moderated(client, participant, kind):
    target = make_target(kind)
    comment = comment_services.comment_post(target=target, by=UserFactory(), body="Cheap **watches** here")

    client.force_login(participant)
    page = client.get(f"/en/comments/{comment.pk}/report/")
    assert page.status_code == 200 and "<strong>watches</strong>" in page.content.decode()
    page = client.post(f"/en/comments/{comment.pk}/report/", {"reason": "spam"}, follow=True)
    assert page.status_code == 200 and "the moderators will look at it" in page.content.decode()
    assert Report.objects.filter(target_id=comment.pk, reporter=participant).exists()

    response = client.post(f"/en/comments/{comment.pk}/vote/", {"vote": "up"})
    assert response.status_code == 302 and response["Location"].endswith(f"#comment-{comment.pk}")
    assert CommentVote.objects.get(comment=comment, user=participant).value == 1

    client.force_login(moderator_for(target))
    response = client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "hide", "reason": "Advertising"})
    assert response.status_code == 302
    assert Comment.objects.get(pk=comment.pk).is_hidden
    assert ModerationAction.objects.filter(target_id=comment.pk, reason="Advertising").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_moderators_hide_with_a_reason_and_only_authors_delete(client, kind):
    target = make_target(kind)
    author = UserFactory()
    comment = comment_services.comment_post(target=target, by=author, body="Rude words")
    moderator = moderator_for(target)
    client.force_login(moderator)

    thread = client.get(target.get_absolute_url().replace("/ro/", "/en/", 1)).content.decode()
    assert f'action="/en/comments/{comment.pk}/delete/"' not in thread
    assert f'href="/en/comments/{comment.pk}/moderate/"' in thread
    client.post(f"/en/comments/{comment.pk}/delete/")
    assert Comment.objects.filter(pk=comment.pk, is_deleted=False, body="Rude words").exists()

    page = client.get(f"/en/comments/{comment.pk}/moderate/")
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    page = client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "hide", "reason": ""}, follow=True)
    assert "the reason is recorded in the moderation log" in page.content.decode()
    assert not Comment.objects.get(pk=comment.pk).is_hidden
    client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "hide", "reason": "Insults"})
    assert Comment.objects.get(pk=comment.pk).is_hidden
    client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "restore", "reason": "Reworded by the author"})
    assert not Comment.objects.get(pk=comment.pk).is_hidden
    log = ModerationAction.objects.filter(target_type=ContentType.objects.get_for_model(Comment), target_id=comment.pk)
    assert [(action.kind, action.reason, action.moderator) for action in log.order_by("pk")] == [
        (ModerationAction.Kind.HIDE, "Insults", moderator), (ModerationAction.Kind.RESTORE, "Reworded by the author",
                                                              moderator)]

    client.force_login(author)
    thread = client.get(target.get_absolute_url().replace("/ro/", "/en/", 1)).content.decode()
    assert f'action="/en/comments/{comment.pk}/delete/"' in thread
    client.post(f"/en/comments/{comment.pk}/delete/")
    assert not Comment.objects.filter(pk=comment.pk).exists()


@pytest.mark.django_db
def test_the_admin_neither_deletes_nor_hides_comments(client, editor):
    comment = comment_services.comment_post(target=make_target("idea"), by=UserFactory(), body="Rude words")
    client.force_login(editor)
    assert client.get(f"/en/admin/comments/comment/{comment.pk}/delete/").status_code == 403
    client.post(f"/en/admin/comments/comment/{comment.pk}/delete/", {"post": "yes"})
    page = client.get(f"/en/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert 'name="is_hidden"' not in page and 'name="is_deleted"' not in page
    assert Comment.objects.filter(pk=comment.pk, is_hidden=False, is_deleted=False).exists()
