"""Comments on a meeting: open once it has begun, for participants with a verified e-mail; the
author or a moderator deletes; refused text is kept in the form."""

import datetime

import pytest
from django.utils import timezone

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.meetings.models import MAX_MEETING_COMMENT, MeetingComment
from civica.meetings.tests.factories import MeetingFactory


@pytest.fixture
def past_meeting(db):
    return MeetingFactory(slug="park", starts_at=timezone.now() - datetime.timedelta(days=2),
                          ends_at=timezone.now() - datetime.timedelta(days=2) + datetime.timedelta(hours=2))


@pytest.mark.django_db
def test_participants_comment_after_the_meeting_has_begun(client, participant, past_meeting):
    client.force_login(participant)
    response = client.post("/en/meetings/park/comments/", {"body": "Thank you for the **clear** minutes."})
    comment = MeetingComment.objects.get()
    assert response["Location"] == f"/en/meetings/park/#meeting-comment-{comment.pk}"
    page = client.get("/en/meetings/park/").content.decode()
    assert "<strong>clear</strong>" in page and participant.public_name in page and "Comments <span" in page


@pytest.mark.django_db
def test_who_may_comment(client, past_meeting):
    upcoming = MeetingFactory(slug="next")
    assert client.post("/en/meetings/park/comments/", {"body": "Hi"})["Location"].startswith("/en/accounts/login/")
    assert "Log in to comment." in client.get("/en/meetings/park/").content.decode()
    client.force_login(UserFactory(verified=False))
    response = client.post("/en/meetings/park/comments/", {"body": "Hi"})
    assert response.status_code == 400 and "verified e-mail address to comment" in response.content.decode()
    client.force_login(UserFactory())
    response = client.post("/en/meetings/next/comments/", {"body": "Too early"})
    assert response.status_code == 400 and "Comments open when the meeting begins." in response.content.decode()
    assert upcoming.comments.count() == 0 and MeetingComment.objects.count() == 0


@pytest.mark.django_db
def test_empty_and_over_long_comments_are_refused_and_kept(client, participant, past_meeting):
    client.force_login(participant)
    assert "Write something first." in client.post("/en/meetings/park/comments/", {"body": "  "}).content.decode()
    long_text = "y" * (MAX_MEETING_COMMENT + 1)
    page = client.post("/en/meetings/park/comments/", {"body": long_text}).content.decode()
    assert f"At most {MAX_MEETING_COMMENT:,} characters".replace(",", "") in page.replace(",", "")
    assert long_text in page
    assert not MeetingComment.objects.exists()


@pytest.mark.django_db
def test_the_author_or_a_moderator_deletes(client, participant, past_meeting):
    mine = MeetingComment.objects.create(meeting=past_meeting, author=participant, body="Mine")
    theirs = MeetingComment.objects.create(meeting=past_meeting, author=UserFactory(), body="Theirs")
    client.force_login(participant)
    page = client.get("/en/meetings/park/").content.decode()
    assert f"/comments/{mine.pk}/remove/" in page and f"/comments/{theirs.pk}/remove/" not in page
    client.post(f"/en/meetings/park/comments/{theirs.pk}/remove/", follow=True)
    assert MeetingComment.objects.filter(pk=theirs.pk).exists()
    client.post(f"/en/meetings/park/comments/{mine.pk}/remove/")
    assert not MeetingComment.objects.filter(pk=mine.pk).exists()
    client.force_login(UserFactory(role=Role.MODERATOR))
    client.post(f"/en/meetings/park/comments/{theirs.pk}/remove/")
    assert not MeetingComment.objects.exists()
    assert client.post("/en/meetings/park/comments/999/remove/").status_code == 404
