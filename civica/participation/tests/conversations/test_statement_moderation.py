"""A conversation's statements through the shared pre-moderation (civica.moderation): a participant's
statement waits whatever the consultation's setting, is seen by its author ("awaiting review") and the
moderators only, counted in their queue and dashboard and told to them; approved it is shown, rejected
its author is told the reason; who may review a statement (the truth table); the staff screen's forms
post to moderation's addresses."""

import pytest
from django.urls import reverse
from django.utils import translation

from civica.moderation import services as moderation
from civica.moderation.models import ModerationAction, ReviewState
from civica.moderation.registry import review_fingerprint
from civica.moderation.selectors import waiting_counts
from civica.notifications.models import Notification
from civica.participation.conversations import services
from civica.participation.conversations.models import Statement
from civica.participation.tests.factories import ProcessFactory

from .factories import open_conversation, statements, waiting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def told(person) -> list[str]:
    return list(Notification.objects.filter(recipient=person).values_list("message", flat=True))


def page(conversation):
    return f"/en/processes/{conversation.process.slug}/conversations/{conversation.pk}/"


def staff_page(conversation):
    return f"/en/processes/{conversation.process.slug}/manage/conversations/{conversation.pk}/"


@pytest.fixture
def world(make_user):
    conversation = open_conversation()  # its consultation does not make ideas and comments wait
    process = conversation.process
    return {"conversation": conversation, "author": make_user("participant"), "other": make_user("participant"),
            "here": make_user("moderator", scope=process), "elsewhere": make_user("moderator", scope=ProcessFactory()),
            "global": make_user("moderator")}


def test_a_statement_waits_is_counted_and_told_to_its_moderators_and_seen_by_its_author(world, client):
    conversation, author = world["conversation"], world["author"]
    assert not conversation.process.contributions_wait
    statement = services.statement_submit(conversation=conversation, by=author, text="Bănci noi în parc")
    assert (statement.review_state, statement.is_hidden) == (ReviewState.WAITING, True)
    assert [len(told(world[who])) for who in ("here", "global", "elsewhere", "other", "author")] == [1, 1, 0, 0, 0]
    assert "Bănci noi în parc" in told(world["here"])[0]
    assert waiting_counts(world["here"]) == [("statements", 1)] and waiting_counts(world["elsewhere"]) == []
    client.force_login(world["other"])
    assert "Bănci noi în parc" not in client.get(page(conversation)).content.decode()
    client.force_login(author)
    mine = client.get(page(conversation)).content.decode()
    assert "Bănci noi în parc" in mine and "awaiting review" in mine
    client.force_login(world["here"])
    queue = client.get(reverse("moderation:waiting")).content.decode()
    assert "Bănci noi în parc" in queue and reverse("moderation:review", args=["statements", statement.pk]) in queue
    dashboard = client.get("/en/staff/").content.decode()
    assert 'id="count-waiting-approval">1 <span class="meta">(statements: 1)' in dashboard


def test_approval_in_the_queue_shows_it_to_everyone_and_tells_its_author(world, client):
    conversation, author = world["conversation"], world["author"]
    statement = services.statement_submit(conversation=conversation, by=author, text="Bănci noi în parc")
    client.force_login(world["here"])
    response = client.post(reverse("moderation:review", args=["statements", statement.pk]),
                           {"decision": "approve", "fingerprint": review_fingerprint(statement)})
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.review_state, statement.is_hidden) == (ReviewState.APPROVED, False)
    assert len(told(author)) == 1 and "Bănci noi în parc" in told(author)[0]  # in the author's language
    client.force_login(world["other"])
    assert "Bănci noi în parc" in client.get(page(conversation)).content.decode()
    services.vote_cast(statement=statement, by=world["other"], choice=1)


def test_a_rejection_needs_a_reason_its_author_reads(world, client):
    conversation, author = world["conversation"], world["author"]
    statement = services.statement_submit(conversation=conversation, by=author, text="Bănci noi în parc")
    client.force_login(world["here"])
    review = reverse("moderation:review", args=["statements", statement.pk])
    client.post(review, {"decision": "reject", "reason": ""})
    statement.refresh_from_db()
    assert statement.review_state == ReviewState.WAITING  # refused: no reason
    client.post(review, {"decision": "reject", "reason": "Already proposed"})
    statement.refresh_from_db()
    assert (statement.review_state, statement.is_hidden) == (ReviewState.REJECTED, True)
    assert any("Already proposed" in message for message in told(author))
    client.force_login(author)
    mine = client.get(page(conversation)).content.decode()
    assert "not published: Already proposed" in mine


@pytest.mark.parametrize("kind, scoped, may", [
    ("anonymous", False, False), ("participant", False, False), ("author", False, False),
    ("moderator", True, True), ("moderator", "elsewhere", False), ("moderator", False, True),
    ("editor", False, True), ("administrator", False, True), ("superuser", False, True),
    ("evaluator", True, False), ("facilitator", True, False),
])
def test_who_may_review_a_statement(world, make_user, kind, scoped, may):
    conversation = world["conversation"]
    if kind == "author":
        person = world["author"]
    else:
        scope = conversation.process if scoped is True else ProcessFactory() if scoped == "elsewhere" else None
        person = make_user(kind, scope=scope)
    statement = services.statement_submit(conversation=conversation, by=world["author"], text="Mai multe umbrare")
    shown, = statements(conversation, 1)
    assert person.has_perm("moderation.review", statement) is may
    assert person.has_perm("moderation.moderate", shown) is may
    assert person.has_perm("participation.moderate_conversation", conversation) is may
    assert person.has_perm("moderation.see_unpublished", statement) is (may or kind == "author")


@pytest.mark.parametrize("kind, status", [("anonymous", 302), ("participant", 404), ("elsewhere", 404),
                                          ("here", 302)])
def test_the_review_address_of_a_statement(world, client, kind, status):
    statement = waiting(world["conversation"])
    if kind != "anonymous":
        client.force_login(world.get(kind) or world["other"])
    response = client.post(reverse("moderation:review", args=["statements", statement.pk]), {"decision": "approve"})
    assert response.status_code == status
    statement.refresh_from_db()
    assert (statement.review_state == ReviewState.APPROVED) is (kind == "here")


def test_the_staff_screen_lists_what_waits_with_moderations_forms_and_takes_one_out(world, client):
    conversation = world["conversation"]
    statement = waiting(conversation)
    shown, = statements(conversation, 1)
    client.force_login(world["here"])
    screen = client.get(staff_page(conversation)).content.decode()
    assert "Mai multe parcuri de skate" in screen
    assert reverse("moderation:review", args=["statements", statement.pk]) in screen
    take_out = reverse("participation:moderate", args=[conversation.process.slug, "statements", shown.pk])
    assert take_out in screen
    assert client.post(take_out, {"action": "hide", "reason": "Duplicate"}).status_code == 302
    shown.refresh_from_db()
    assert shown.is_hidden and ModerationAction.objects.filter(target_id=shown.pk, reason="Duplicate").exists()
    other_conversation = open_conversation()
    foreign = reverse("participation:moderate", args=[other_conversation.process.slug, "statements", shown.pk])
    assert client.post(foreign, {"action": "restore", "reason": "x"}).status_code == 404
    client.force_login(world["other"])
    assert client.get(staff_page(conversation)).status_code == 403
    assert "Statement 0" not in client.get(page(conversation)).content.decode()


def test_a_statement_waits_again_only_through_moderation_and_not_a_second_decision(world):
    statement = waiting(world["conversation"])
    moderation.review_decide(target=statement, by=world["here"], approve=True)
    with pytest.raises(Exception, match="already decided"):
        moderation.review_decide(target=Statement.objects.get(pk=statement.pk), by=world["global"], approve=False,
                                 reason="No")
