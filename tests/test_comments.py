import datetime
import re

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from civica.accounts import services as account_services
from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.comments import services as comment_services
from civica.comments.models import Alignment, Comment
from civica.comments.selectors import CommentSort, comment_thread
from civica.moderation.models import Report
from civica.participation.models import Debate, Idea
from civica.participation.tests.factories import IdeaFactory, ProcessFactory


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_threads_go_three_levels_deep_and_counters_follow():
    idea = IdeaFactory()
    people = UserFactory.create_batch(4)
    top = comment_services.comment_post(target=idea, by=people[0], body="Top", alignment=Alignment.IN_FAVOUR)
    reply = comment_services.comment_post(target=idea, by=people[1], body="Reply", parent=top)
    deeper = comment_services.comment_post(target=idea, by=people[2], body="Deeper", parent=reply)
    deepest = comment_services.comment_post(target=idea, by=people[3], body="Too deep", parent=deeper)
    assert [top.depth, reply.depth, deeper.depth, deepest.depth] == [0, 1, 2, 2]
    assert deepest.parent_id == reply.pk
    idea.refresh_from_db()
    assert idea.comment_count == 4
    assert Comment.objects.get(pk=reply.pk).reply_count == 2
    tree = comment_thread(target=idea)
    assert [c.body for c in tree] == ["Top"]
    assert [c.body for c in tree[0].children] == ["Reply"]
    assert [c.body for c in tree[0].children[0].children] == ["Deeper", "Too deep"]


@pytest.mark.django_db
def test_markdown_in_comments_goes_through_the_sanitiser(client, participant):
    idea = IdeaFactory()
    comment_services.comment_post(target=idea, by=participant, body="**yes** <script>alert(1)</script>")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "<strong>yes</strong>" in page
    assert "<script>alert(1)" not in page


@pytest.mark.django_db
def test_edit_within_fifteen_minutes_only(participant):
    idea = IdeaFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        comment = comment_services.comment_post(target=idea, by=participant, body="Frist")
    with time_machine.travel(start + datetime.timedelta(minutes=14), tick=False):
        comment_services.comment_edit(comment=comment, by=participant, body="First")
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        with pytest.raises(PermissionDenied, match="15 minutes"):
            comment_services.comment_edit(comment=comment, by=participant, body="Changed later")
    comment.refresh_from_db()
    assert comment.body == "First" and comment.edited_at is not None


@pytest.mark.django_db
def test_deleting_a_comment_with_replies_keeps_a_placeholder(client, participant):
    idea = IdeaFactory()
    other = UserFactory()
    top = comment_services.comment_post(target=idea, by=participant, body="Secret thoughts")
    comment_services.comment_post(target=idea, by=other, body="An answer", parent=top)
    lonely = comment_services.comment_post(target=idea, by=participant, body="Alone")
    comment_services.comment_remove(comment=Comment.objects.get(pk=top.pk), by=participant)
    comment_services.comment_remove(comment=Comment.objects.get(pk=lonely.pk), by=participant)
    assert not Comment.objects.filter(pk=lonely.pk).exists()
    kept = Comment.objects.get(pk=top.pk)
    assert kept.is_deleted and kept.body == ""
    assert Idea.objects.get(pk=idea.pk).comment_count == 1
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Comment deleted." in page and "An answer" in page and "Secret thoughts" not in page


@pytest.mark.django_db
def test_only_authors_delete(participant):
    idea = IdeaFactory()
    comment = comment_services.comment_post(target=idea, by=participant, body="Mine")
    with pytest.raises(PermissionDenied):
        comment_services.comment_remove(comment=comment, by=UserFactory())
    moderator = UserFactory(role=Role.MODERATOR, role__scope=idea.process)
    with pytest.raises(PermissionDenied):  # moderators hide, with a reason (test_comment_targets.py)
        comment_services.comment_remove(comment=comment, by=moderator)
    comment_services.comment_remove(comment=comment, by=participant)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_votes_up_down_switch_and_take_back(participant):
    comment = comment_services.comment_post(target=IdeaFactory(), by=UserFactory(), body="Vote me")
    comment_services.comment_vote(comment=comment, by=participant, value=1)
    comment_services.comment_vote(comment=comment, by=participant, value=1)
    comment.refresh_from_db()
    assert (comment.upvotes, comment.downvotes) == (1, 0)
    comment_services.comment_vote(comment=comment, by=participant, value=-1)
    comment.refresh_from_db()
    assert (comment.upvotes, comment.downvotes) == (0, 1)
    comment_services.comment_vote(comment=comment, by=participant, value=0)
    comment.refresh_from_db()
    assert (comment.upvotes, comment.downvotes) == (0, 0)
    with pytest.raises(PermissionDenied):
        comment_services.comment_vote(comment=comment, by=comment.author, value=1)
    with pytest.raises(ValidationError):
        comment_services.comment_vote(comment=comment, by=participant, value=5)


@pytest.mark.django_db
def test_sorting_oldest_newest_best(participant):
    idea = IdeaFactory()
    first = comment_services.comment_post(target=idea, by=participant, body="first")
    second = comment_services.comment_post(target=idea, by=participant, body="second")
    Comment.objects.filter(pk=first.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    Comment.objects.filter(pk=second.pk).update(upvotes=5)
    assert [c.body for c in comment_thread(target=idea)] == ["first", "second"]
    for sort in (CommentSort.NEWEST, CommentSort.BEST):
        assert [c.body for c in comment_thread(target=idea, sort=sort)] == ["second", "first"]


@pytest.mark.django_db
def test_commenting_needs_a_verified_account_and_an_open_phase(unverified, participant):
    idea = IdeaFactory()
    with pytest.raises(PermissionDenied, match="Verify your e-mail address to comment"):
        comment_services.comment_post(target=idea, by=unverified, body="x")
    closed = IdeaFactory(process=ProcessFactory(phases=[]))
    with pytest.raises(PermissionDenied, match="not open for participation"):
        comment_services.comment_post(target=closed, by=participant, body="x")


@pytest.mark.django_db
def test_debate_page_shows_both_columns_with_counts(client, participant):
    process = ProcessFactory()
    debate = Debate.objects.create(process=process, question="Close the centre to cars on Sundays?")
    people = UserFactory.create_batch(3)
    comment_services.comment_post(target=debate, by=people[0], body="Cleaner air", alignment=Alignment.IN_FAVOUR)
    comment_services.comment_post(target=debate, by=people[1], body="Shops suffer", alignment=Alignment.AGAINST)
    comment_services.comment_post(target=debate, by=people[2], body="Less noise", alignment=Alignment.IN_FAVOUR)
    comment_services.comment_post(target=debate, by=people[2], body="Which streets?")
    page = client.get(debate.get_absolute_url()).content.decode()
    assert "Arguments for (2)" in page and "Arguments against (1)" in page
    assert page.index("Cleaner air") < page.index("Arguments against")
    assert page.index("Shops suffer") > page.index("Arguments against")
    assert "Which streets?" in page
    assert f'href="{debate.get_absolute_url()}"' in client.get(f"/en/processes/{process.slug}/").content.decode()


@pytest.mark.django_db
def test_post_reply_edit_vote_and_delete_through_the_pages(client, participant):
    idea = IdeaFactory()
    other = UserFactory()
    client.force_login(participant)
    response = client.post(idea.get_absolute_url() + "comments/", {"body": "Good idea", "alignment": "for"})
    comment = Comment.objects.get()
    assert response["Location"] == f"{idea.get_absolute_url()}#comment-{comment.pk}"
    assert comment.alignment == Alignment.IN_FAVOUR
    client.post(idea.get_absolute_url() + "comments/", {"body": "Good idea"})
    client.post(f"/en/comments/{comment.pk}/edit/", {"body": "Very good idea"})
    assert Comment.objects.get(pk=comment.pk).body == "Very good idea"
    client.force_login(other)
    client.post(idea.get_absolute_url() + "comments/", {"body": "Agreed", "parent": comment.pk})
    client.post(f"/en/comments/{comment.pk}/vote/", {"vote": "up"})
    assert Comment.objects.get(pk=comment.pk).upvotes == 1
    response = client.post(f"/en/comments/{comment.pk}/delete/", follow=True)
    assert "You may only delete your own comments." in response.content.decode()
    response = client.post(f"/en/comments/{comment.pk}/vote/", {"vote": "sideways"}, follow=True)
    assert "A vote is up or down." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["", "x" * 5001])
def test_bad_comments_are_refused_with_a_message(client, participant, body):
    idea = IdeaFactory()
    client.force_login(participant)
    response = client.post(idea.get_absolute_url() + "comments/", {"body": body, "alignment": "against"}, follow=True)
    page = response.content.decode()
    assert "Your comment was not posted" in page
    assert not Comment.objects.exists()
    if body:  # what was typed is back in the form, once
        assert body in page
        assert re.search(r'<input type="radio" name="alignment" value="against"[^>]* checked', page)
        assert body not in client.get(idea.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_refused_reply_comes_back_in_its_own_reply_box(client, participant):
    idea = IdeaFactory()
    parent = comment_services.comment_post(target=idea, by=UserFactory(), body="First")
    client.force_login(participant)
    page = client.post(idea.get_absolute_url() + "comments/", {"body": "r" * 5001, "parent": parent.pk},
                       follow=True).content.decode()
    assert '<details class="reply" open>' in page
    assert f'id="reply-{parent.pk}" name="body" rows="3" maxlength="5000" required>{"r" * 5001}</textarea>' in page


@pytest.mark.django_db
def test_comment_urls_for_missing_or_foreign_comments_are_404(client, participant):
    idea = IdeaFactory()
    unpublished = IdeaFactory()
    elsewhere = comment_services.comment_post(target=unpublished, by=UserFactory(), body="x")
    unpublished.process.is_published = False
    unpublished.process.save()
    client.force_login(participant)
    assert client.post(f"/en/comments/{elsewhere.pk}/vote/", {"vote": "up"}).status_code == 404
    assert client.get(f"/en/comments/{elsewhere.pk}/edit/").status_code == 404
    assert client.get("/en/comments/999999/edit/").status_code == 404
    assert client.get(f"/en/processes/{idea.process.slug}/debates/999999/").status_code == 404


@pytest.mark.django_db
def test_account_deletion_keeps_answered_comments_anonymised(client):
    person, other = UserFactory(), UserFactory()
    idea = IdeaFactory()
    answered = comment_services.comment_post(target=idea, by=person, body="Keep this thought")
    comment_services.comment_post(target=idea, by=other, body="I reply", parent=answered)
    comment_services.comment_post(target=idea, by=person, body="Nobody answered this")
    account_services.account_delete(user=person)
    assert Comment.objects.get(pk=answered.pk).author is None
    assert not Comment.objects.filter(body="Nobody answered this").exists()
    assert Idea.objects.get(pk=idea.pk).comment_count == 2
    with translation.override("ro"):
        page = client.get(f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/").content.decode()
    assert "Participant șters" in page and "Keep this thought" in page


@pytest.mark.django_db
def test_idea_page_with_many_comments_uses_constant_queries(client, participant, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    idea = IdeaFactory()
    people = UserFactory.create_batch(5)
    for person in people:
        top = comment_services.comment_post(target=idea, by=person, body="c")
        comment_services.comment_post(target=idea, by=people[0] if person != people[0] else people[1], body="r",
                              parent=top)
    client.force_login(participant)
    client.get(idea.get_absolute_url())
    with CaptureQueriesContext(connection) as first:
        client.get(idea.get_absolute_url())
    expected = len(first)  # read now: Django clears the query log at the next request
    for person in UserFactory.create_batch(20):
        comment_services.comment_post(target=idea, by=person, body="more")
    with django_assert_num_queries(expected):
        client.get(idea.get_absolute_url())


@pytest.mark.django_db
def test_the_same_comment_sent_twice_is_kept_once(client, participant):
    idea = IdeaFactory()
    client.force_login(participant)
    for _click in range(2):
        client.post(idea.get_absolute_url() + "comments/", {"body": "Double click"})
    assert Comment.objects.count() == 1
    assert Idea.objects.get(pk=idea.pk).comment_count == 1


@pytest.mark.django_db
def test_large_ids_are_printed_without_thousand_separators(client, participant):
    """Seen at city scale: a Romanian page printed comment 1030001 as "1.030.001" and replies failed."""
    idea = IdeaFactory()
    comment = comment_services.comment_post(target=idea, by=UserFactory(), body="First")
    Comment.objects.filter(pk=comment.pk).update(id=1030001)
    client.force_login(participant)
    page = client.get(f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/").content.decode()
    assert 'id="comment-1030001"' in page and 'value="1030001"' in page and "1.030.001" not in page
    client.post(f"/ro/processes/{idea.process.slug}/ideas/{idea.pk}/comments/", {"body": "Reply", "parent": "1030001"})
    assert Comment.objects.get(body="Reply").parent_id == 1030001


@pytest.mark.django_db
def test_a_comment_is_reported_from_a_page_of_its_own(client, participant):
    idea = IdeaFactory()
    comment = comment_services.comment_post(target=idea, by=UserFactory(), body="Buy **cheap** watches")
    assert client.get(f"/en/comments/{comment.pk}/report/")["Location"].startswith("/en/accounts/login/")
    client.force_login(participant)
    assert client.post(f"/en/processes/{idea.process.slug}/comments/{comment.pk}/report/",
                       {"reason": "spam"}).status_code == 404  # one address per comment, not two
    thread = client.get(idea.get_absolute_url().replace("/ro/", "/en/")).content.decode()
    assert f'href="/en/comments/{comment.pk}/report/"' in thread and "report-reason-comments" not in thread
    page = client.get(f"/en/comments/{comment.pk}/report/").content.decode()
    assert "<strong>cheap</strong>" in page and 'name="reason"' in page
    page = client.post(f"/en/comments/{comment.pk}/report/", {"reason": "spam"}, follow=True).content.decode()
    assert "the moderators will look at it" in page
    assert Report.objects.filter(target_id=comment.pk, reason="spam", reporter=participant).exists()
    # one's own comment, or one already hidden, has nothing to report here
    mine = comment_services.comment_post(target=idea, by=participant, body="Mine")
    assert client.get(f"/en/comments/{mine.pk}/report/").status_code == 302
    Comment.objects.filter(pk=comment.pk).update(is_hidden=True)
    assert client.get(f"/en/comments/{comment.pk}/report/").status_code == 302
