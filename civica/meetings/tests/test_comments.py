"""Comments on a meeting: participation's threaded comments, open once the meeting has begun, for
participants with a verified e-mail; replies, votes, 15-minute edits; the author deletes, one of the
site's moderators hides (with a reason); a refused text comes back in the form."""

import datetime

import pytest
from django.utils import timezone

from civica.accounts import services as account_services
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import MAX_COMMENT_BODY, Comment
from civica.meetings.tests.factories import MeetingFactory
from civica.notifications.models import Notification
from civica.participation.tests.factories import ProcessFactory


@pytest.fixture
def past_meeting(db):
    return MeetingFactory(slug="park", starts_at=timezone.now() - datetime.timedelta(days=2),
                          ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=2))


def say(meeting, author, body, parent=None):
    return comment_services.comment_post(target=meeting, by=author, body=body, parent=parent)


@pytest.mark.django_db
def test_participants_comment_after_the_meeting_has_begun(client, participant, past_meeting):
    client.force_login(participant)
    response = client.post("/en/meetings/park/comments/", {"body": "Thank you for the **clear** minutes."})
    comment = Comment.objects.get()
    assert (comment.target, comment.scope, comment.depth) == (past_meeting, None, 0)
    assert response["Location"] == f"/en/meetings/park/#comment-{comment.pk}"
    page = client.get("/en/meetings/park/").content.decode()
    assert "<strong>clear</strong>" in page and participant.public_name in page and "Comments (1)" in page
    past_meeting.refresh_from_db()
    assert past_meeting.comment_count == 1


@pytest.mark.django_db
def test_who_may_comment(client, past_meeting):
    upcoming = MeetingFactory(slug="next")
    assert client.post("/en/meetings/park/comments/", {"body": "Hi"})["Location"].startswith("/en/accounts/login/")
    assert ('href="/en/accounts/login/?next=/en/meetings/park/%23comments">Log in to comment'
            in client.get("/en/meetings/park/").content.decode())
    client.force_login(UserFactory(verified=False))
    page = client.post("/en/meetings/park/comments/", {"body": "Hi"}, follow=True).content.decode()
    assert "Verify your e-mail address to comment" in page
    client.force_login(UserFactory())
    page = client.post("/en/meetings/next/comments/", {"body": "Too early"}, follow=True).content.decode()
    assert "Comments open when the meeting begins." in page
    assert "Too early" in page  # the text typed is back in the form
    assert upcoming.comment_count == 0 and not Comment.objects.exists()
    hidden = MeetingFactory(slug="draft", is_published=False, starts_at=past_meeting.starts_at,
                            ends_at=past_meeting.ends_at)
    assert client.post(f"/en/meetings/{hidden.slug}/comments/", {"body": "Hi"}).status_code == 404


@pytest.mark.django_db
def test_empty_and_over_long_comments_are_refused_and_kept(client, participant, past_meeting):
    client.force_login(participant)
    page = client.post("/en/meetings/park/comments/", {"body": "  "}, follow=True).content.decode()
    assert "Your comment was not posted" in page
    long_text = "y" * (MAX_COMMENT_BODY + 1)
    page = client.post("/en/meetings/park/comments/", {"body": long_text}, follow=True).content.decode()
    assert "Your comment was not posted" in page and long_text in page
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_replies_votes_and_edits_like_anywhere_else(client, participant, past_meeting):
    other = UserFactory()
    first = say(past_meeting, other, "Was the room accessible?")
    client.force_login(participant)
    client.post("/en/meetings/park/comments/", {"body": "Yes, with a ramp.", "parent": first.pk})
    reply = Comment.objects.get(parent=first)
    assert reply.depth == 1
    client.post(f"/en/comments/{first.pk}/vote/", {"vote": "up"})
    client.post(f"/en/comments/{reply.pk}/edit/", {"body": "Yes, with a ramp at the side door."})
    first.refresh_from_db()
    reply.refresh_from_db()
    assert first.upvotes == 1 and first.reply_count == 1 and reply.body == "Yes, with a ramp at the side door."
    page = client.get("/en/meetings/park/").content.decode()
    assert f'id="comment-{reply.pk}"' in page and "1 up, 0 down" in page
    # the first author hears of the reply, and follows the meeting from now on
    notices = Notification.objects.filter(recipient=other)
    assert [notice.url.split("/meetings/")[1] for notice in notices] == [f"park/#comment-{reply.pk}"]


@pytest.mark.django_db
def test_the_author_deletes_and_a_moderator_hides(client, participant, past_meeting):
    mine = say(past_meeting, participant, "Mine")
    theirs = say(past_meeting, UserFactory(), "Theirs")
    client.force_login(participant)
    page = client.get("/en/meetings/park/").content.decode()
    assert f"/en/comments/{mine.pk}/delete/" in page and f"/en/comments/{theirs.pk}/delete/" not in page
    client.post(f"/en/comments/{theirs.pk}/delete/", follow=True)
    assert Comment.objects.filter(pk=theirs.pk).exists()
    client.post(f"/en/comments/{mine.pk}/delete/")
    assert not Comment.objects.filter(pk=mine.pk).exists()
    # a moderator of one consultation only is not a moderator of meetings
    scoped = UserFactory()
    account_services.role_grant(user=scoped, role=Role.MODERATOR, scope=ProcessFactory(), by=None)
    client.force_login(scoped)
    client.post(f"/en/comments/{theirs.pk}/delete/")
    assert Comment.objects.filter(pk=theirs.pk).exists()
    assert client.post(f"/en/comments/{theirs.pk}/moderate/", {"action": "hide", "reason": "Spam"}).status_code == 403
    client.force_login(UserFactory(role=Role.MODERATOR))
    client.post(f"/en/comments/{theirs.pk}/delete/")  # moderators hide, they do not delete
    assert Comment.objects.filter(pk=theirs.pk, is_hidden=False).exists()
    client.post(f"/en/comments/{theirs.pk}/moderate/", {"action": "hide", "reason": "Spam"})
    assert Comment.objects.filter(pk=theirs.pk, is_hidden=True).exists()
    past_meeting.refresh_from_db()
    assert past_meeting.comment_count == 1
    assert client.post("/en/comments/999/delete/").status_code == 404


@pytest.mark.django_db
def test_comments_of_an_unpublished_meeting_cannot_be_reached(client, participant, past_meeting):
    comment = say(past_meeting, UserFactory(), "Before it was unpublished")
    past_meeting.is_published = False
    past_meeting.save()
    client.force_login(participant)
    assert client.post(f"/en/comments/{comment.pk}/vote/", {"vote": "up"}).status_code == 404


@pytest.mark.django_db
def test_reported_meeting_comments_hide_and_reach_the_sites_moderators(client, past_meeting):
    from civica.moderation.registry import REPORT_THRESHOLD_OUTSIDE_SCOPES

    comment = say(past_meeting, UserFactory(), "Spam, spam, spam")
    for _ in range(REPORT_THRESHOLD_OUTSIDE_SCOPES):
        client.force_login(UserFactory())
        page = client.post(f"/en/comments/{comment.pk}/report/", {"reason": "spam"}, follow=True).content.decode()
        assert "the moderators will look at it" in page
    comment.refresh_from_db()
    assert comment.is_hidden
    assert "This comment is hidden while moderators review it." in client.get("/en/meetings/park/").content.decode()
    scoped = UserFactory()
    account_services.role_grant(user=scoped, role=Role.MODERATOR, scope=ProcessFactory(), by=None)
    client.force_login(scoped)
    assert "Spam, spam" not in client.get("/en/moderation/").content.decode()
    assert client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "restore", "reason": "ok"}
                       ).status_code == 403
    client.force_login(UserFactory(role=Role.MODERATOR))
    queue = client.get("/en/moderation/").content.decode()
    assert "Spam, spam" in queue and "Outside consultations" in queue
    assert f"/en/comments/{comment.pk}/moderate/" in queue
    client.post(f"/en/comments/{comment.pk}/moderate/", {"action": "restore", "reason": "Not spam after all"})
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert "Not spam after all" in client.get("/en/moderation/log/").content.decode()


@pytest.mark.django_db
def test_a_reply_is_notified_with_the_meetings_title_in_the_readers_language(past_meeting):
    reader = UserFactory(language="en")
    first = say(past_meeting, reader, "Thanks")
    say(past_meeting, UserFactory(display_name="Ioana"), "De acord", parent=first)
    assert Notification.objects.get(recipient=reader).message == f'Ioana commented on "{past_meeting.title_en}"'
