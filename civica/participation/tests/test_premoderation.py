"""Pre-moderation (issue 21, point 5) in a consultation whose contributions wait for a moderator: a new
idea or comment is seen only by its author (badged "awaiting review") and the moderators, counted and
told to nobody else, listed in the moderation queue's waiting section; approval publishes it (followers
told then), rejection tells its author the reason; decisions are taken once and on the text read."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from civica.comments import services as comments
from civica.comments.models import Comment
from civica.moderation import services as moderation
from civica.moderation.models import ModerationAction, ReviewState
from civica.moderation.registry import review_fingerprint
from civica.notifications.models import Notification
from civica.notifications.services import follow_set
from civica.participation import selectors, services
from civica.participation.models import Idea
from civica.participation.tests.factories import IdeaFactory, ProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Read in English here (addresses under /en/, refusals and notices); the Romanian is the catalogue's.
    with translation.override("en"):
        yield
VISITOR_COUNT = {"status": None, "category": None}


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def world(make_user):
    process = ProcessFactory(contributions_wait=True)
    people = {"author": make_user("participant"), "follower": make_user("participant"),
              "here": make_user("moderator", scope=process),
              "elsewhere": make_user("moderator", scope=ProcessFactory()),
              "global": make_user("moderator")}
    follow_set(by=people["follower"], target=process, following=True)
    return {"process": process, **people}


def told(person) -> list[str]:
    return list(Notification.objects.filter(recipient=person).values_list("message", flat=True))


def visitor_count(process, anonymous):
    return selectors.idea_count(process=process, user=anonymous)


def test_a_waiting_idea_is_seen_and_told_only_to_its_author_and_moderators(world, client, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    process, author = world["process"], world["author"]
    idea = services.idea_create(process=process, by=author, title="Benches by the lake", body="Four benches.")
    assert (idea.review_state, idea.is_hidden) == (ReviewState.WAITING, True)
    assert told(world["follower"]) == [] and told(world["elsewhere"]) == [] and told(author) == []
    assert [len(told(world[who])) for who in ("here", "global")] == [1, 1]
    assert "Benches by the lake" in told(world["here"])[0]
    assert visitor_count(process, AnonymousUser()) == 0
    ideas_url = reverse("participation:idea_list", args=[process.slug])
    assert "Benches by the lake" not in client.get(ideas_url).content.decode()
    assert client.get(idea.get_absolute_url()).status_code == 404
    response = client.get(f"/api/v1/processes/{process.slug}/ideas")
    assert response.status_code == 200 and "Benches by the lake" not in response.content.decode()
    response = client.get("/en/search/?q=Benches")
    assert response.status_code == 200 and "Benches by the lake" not in response.content.decode()
    client.force_login(author)
    page = client.get(ideas_url).content.decode()
    assert "Benches by the lake" in page and "awaiting review" in page
    assert "waits for a moderator" in client.get(idea.get_absolute_url()).content.decode()
    client.force_login(world["here"])
    waiting_page = client.get(reverse("moderation:waiting")).content.decode()
    assert "Benches by the lake" in waiting_page and "Four benches." in waiting_page
    client.force_login(world["elsewhere"])
    assert "Benches by the lake" not in client.get(reverse("moderation:waiting")).content.decode()


def test_approval_publishes_counts_and_tells(world, client):
    from django.contrib.auth.models import AnonymousUser

    process, author = world["process"], world["author"]
    idea = services.idea_create(process=process, by=author, title="Shade trees", body="Plane trees.")
    approved = moderation.review_decide(target=idea, by=world["here"], approve=True,
                                        fingerprint=review_fingerprint(idea))
    assert (approved.review_state, approved.is_hidden) == (ReviewState.APPROVED, False)
    assert visitor_count(process, AnonymousUser()) == 1
    assert any("Shade trees" in message for message in told(world["follower"]))
    assert any("aprobat" in message for message in told(author))  # told in their language, Romanian
    assert ModerationAction.objects.filter(target_id=idea.pk, kind=ModerationAction.Kind.APPROVE,
                                           moderator=world["here"]).exists()
    assert client.get(idea.get_absolute_url()).status_code == 200
    assert "Shade trees" in client.get(f"/api/v1/processes/{process.slug}/ideas").content.decode()
    assert "Shade trees" in client.get("/en/search/?q=Shade").content.decode()
    with pytest.raises(ValidationError, match="already decided"):
        moderation.review_decide(target=idea, by=world["global"], approve=False, reason="Too late")


def test_rejection_needs_a_reason_the_author_is_told_and_an_edit_sends_it_back(world, client):
    process, author = world["process"], world["author"]
    idea = services.idea_create(process=process, by=author, title="A car park", body="On the lawn.")
    with pytest.raises(ValidationError, match="reason"):
        moderation.review_decide(target=idea, by=world["here"], approve=False, reason="  ")
    moderation.review_decide(target=idea, by=world["here"], approve=False, reason="The lawn is protected.")
    idea.refresh_from_db()
    assert (idea.review_state, idea.is_hidden) == (ReviewState.REJECTED, True)
    assert any("The lawn is protected." in message for message in told(author))
    assert told(world["follower"]) == []
    assert client.get(idea.get_absolute_url()).status_code == 404
    client.force_login(author)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "not published" in page and "The lawn is protected." in page
    with pytest.raises(ValidationError):  # the queue's hide / restore does not go around the decision
        moderation.moderate(target=idea, by=world["here"], hide=False, reason="Restore it")
    before = len(told(world["here"]))
    services.idea_update(idea=Idea.objects.get(pk=idea.pk), by=author, title="A bicycle park")
    idea.refresh_from_db()
    assert (idea.review_state, idea.is_hidden, idea.title) == (ReviewState.WAITING, True, "A bicycle park")
    assert len(told(world["here"])) == before + 1


def test_an_approval_of_a_text_its_author_changed_since_is_refused(world):
    idea = services.idea_create(process=world["process"], by=world["author"], title="Swings", body="Two swings.")
    read = review_fingerprint(idea)
    services.idea_update(idea=Idea.objects.get(pk=idea.pk), by=world["author"], body="Two swings and a casino.")
    with pytest.raises(ValidationError, match="changed it"):
        moderation.review_decide(target=idea, by=world["here"], approve=True, fingerprint=read)
    assert Idea.objects.get(pk=idea.pk).review_state == ReviewState.WAITING


def test_a_waiting_comment_is_out_of_the_thread_and_the_counts_until_approved(world, client, make_user):
    process = world["process"]
    idea = IdeaFactory(process=process)
    idea_url = idea.get_absolute_url()  # under /en/ (an API request leaves the thread in its own language)
    commenter = make_user("participant")
    comment = comments.comment_post(target=idea, by=commenter, body="Lovely idea, add a fountain")
    assert comment.review_state == ReviewState.WAITING
    idea.refresh_from_db()
    assert idea.comment_count == 0
    assert "add a fountain" not in client.get(idea_url).content.decode()
    api = f"/api/v1/processes/{process.slug}/ideas/{idea.pk}/comments"
    response = client.get(api)
    assert response.status_code == 200 and "add a fountain" not in response.content.decode()
    client.force_login(commenter)
    page = client.get(idea_url).content.decode()
    assert "add a fountain" in page and "awaiting review" in page
    client.force_login(make_user("participant"))
    assert "add a fountain" not in client.get(idea_url).content.decode()
    moderation.review_decide(target=comment, by=world["global"], approve=True)
    idea.refresh_from_db()
    assert idea.comment_count == 1
    client.logout()
    assert "add a fountain" in client.get(idea_url).content.decode()
    assert "add a fountain" in client.get(api).content.decode()
    comments.comment_remove(comment=Comment.objects.get(pk=comment.pk), by=commenter)
    idea.refresh_from_db()
    assert idea.comment_count == 0


def test_the_review_address_refuses_others_and_bad_input(world, client, make_user):
    idea = services.idea_create(process=world["process"], by=world["author"], title="Lights", body="LED lights.")
    url = reverse("moderation:review", args=["ideas", idea.pk])
    for person in (world["author"], world["elsewhere"], make_user("participant")):
        client.force_login(person)
        assert client.post(url, {"decision": "approve"}).status_code == 404
    client.force_login(world["here"])
    assert client.post(reverse("moderation:review", args=["debates", idea.pk]), {"decision": "approve"}
                       ).status_code == 404
    response = client.post(url, {"decision": "maybe", "fingerprint": "x"}, follow=True)
    assert response.status_code == 200 and "Choose to approve or reject" in response.content.decode()
    response = client.post(url, {"decision": "reject", "reason": ""}, follow=True)
    assert "Say why you reject it" in response.content.decode()
    assert Idea.objects.get(pk=idea.pk).review_state == ReviewState.WAITING
    response = client.post(url, {"decision": "approve", "fingerprint": review_fingerprint(idea)}, follow=True)
    assert "Approved" in response.content.decode()
    assert Idea.objects.get(pk=idea.pk).review_state == ReviewState.APPROVED


def test_the_waiting_section_costs_a_fixed_number_of_queries(world, client, assert_constant_queries, make_user):
    process = world["process"]

    def add(number):
        for index in range(number):
            idea = services.idea_create(process=process, by=world["author"], title=f"Waiting {index}", body="Body")
            comments.comment_post(target=IdeaFactory(process=process), by=make_user("participant"),
                                  body=f"Waiting comment {index}")
        return idea

    add(1)
    client.force_login(world["global"])
    counts = assert_constant_queries(client, [reverse("moderation:waiting"), reverse("staff:dashboard")],
                                     lambda: add(4))
    assert counts[0] <= 15
    page = client.get(reverse("moderation:waiting")).content.decode()
    assert "10 contributions wait for your approval" in page and "ideas 5" in page and "comments 5" in page


def test_a_change_after_approval_waits_again_and_leaves_the_counts(world, make_user):
    """Approved, then changed by its author while the consultation's contributions still wait: nobody
    sees the new text before a moderator reads it (an idea and a comment, whose count goes back too)."""
    idea = services.idea_create(process=world["process"], by=world["author"], title="Kiosk", body="Books.")
    moderation.review_decide(target=idea, by=world["here"], approve=True)
    services.idea_update(idea=Idea.objects.get(pk=idea.pk), by=world["author"], body="Books and ads.")
    idea.refresh_from_db()
    assert (idea.review_state, idea.is_hidden) == (ReviewState.WAITING, True)
    target = IdeaFactory(process=world["process"])
    commenter = make_user("participant")
    comment = comments.comment_post(target=target, by=commenter, body="Good")
    moderation.review_decide(target=comment, by=world["here"], approve=True)
    comments.comment_edit(comment=Comment.objects.get(pk=comment.pk), by=commenter, body="Good, visit my shop")
    comment.refresh_from_db()
    target.refresh_from_db()
    assert (comment.review_state, comment.is_hidden, target.comment_count) == (ReviewState.WAITING, True, 0)
