"""Truth table of conversations: each role (visitor, unverified, participant, the statement's author,
moderators scoped here, elsewhere and everywhere, editor) × the conversation open or closed, for
voting, submitting, reviewing (moderation's permissions on a statement), the full export and running
conversations; and the pages' answers."""

import pytest

from civica.participation.conversations import services
from civica.participation.tests.conversations.factories import open_conversation, statements, waiting
from civica.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

PERMISSIONS = ["participation.vote_statement", "participation.submit_statement",
               "participation.moderate_conversation", "participation.export_conversation_full",
               "participation.manage_conversation"]
KINDS = ["anonymous", "unverified", "participant", "author", "moderator_here", "moderator_elsewhere", "moderator",
         "editor"]
MODERATORS = {"moderator_here", "moderator", "editor"}
TAKING_PART = {"participant", "author", "moderator_here", "moderator_elsewhere", "moderator", "editor"}


def user_for(make_user, kind, conversation):
    if kind == "author":
        return make_user("participant")
    role, _, where = kind.partition("_")
    if where:
        return make_user(role, scope=conversation.process if where == "here" else ProcessFactory())
    return make_user(kind)


@pytest.mark.parametrize("open_now", [True, False], ids=["open", "closed"])
@pytest.mark.parametrize("kind", KINDS)
def test_who_may_do_what(make_user, kind, open_now):
    conversation = open_conversation(open_now=open_now)
    shown, = statements(conversation, 1)
    user = user_for(make_user, kind, conversation)
    held = waiting(conversation)
    if kind == "author" and open_now:
        held = services.statement_submit(conversation=conversation, by=user, text="A mea")
    assert {permission: user.has_perm(permission, shown if permission == "participation.vote_statement"
                                      else conversation) for permission in PERMISSIONS} == {
        "participation.vote_statement": open_now and kind in TAKING_PART,
        "participation.submit_statement": open_now and kind in TAKING_PART,
        "participation.moderate_conversation": kind in MODERATORS,
        "participation.export_conversation_full": kind in MODERATORS,
        "participation.manage_conversation": kind == "editor",
    }
    # Nobody votes on a statement waiting for review, its author and its moderators included; its review
    # (approve, reject) and taking a shown one out are the shared moderation's, the consultation's moderators'.
    assert not user.has_perm("participation.vote_statement", held)
    assert user.has_perm("moderation.review", held) is (kind in MODERATORS)
    assert user.has_perm("moderation.moderate", shown) is (kind in MODERATORS)
    assert user.has_perm("moderation.see_unpublished", held) is (kind in MODERATORS or (kind == "author" and open_now))


@pytest.mark.parametrize("kind", KINDS)
def test_the_pages_answer_each_role(client, make_user, kind):
    conversation = open_conversation()
    shown, = statements(conversation, 1)
    user = user_for(make_user, kind, conversation)
    if kind != "anonymous":
        client.force_login(user)
    public = f"/en/processes/{conversation.process.slug}/conversations/{conversation.pk}/"
    staff = f"/en/processes/{conversation.process.slug}/manage/conversations/{conversation.pk}/"
    assert client.get(public).status_code == 200
    assert client.get(public + "map/").status_code == 200
    assert client.get(public + "polis.zip").status_code == 200
    vote = client.post(public + "vote/", {"statement": shown.pk, "choice": "1"}).status_code
    assert vote == {"anonymous": 302, "unverified": 403}.get(kind, 302)
    expected_staff = 302 if kind == "anonymous" else (200 if kind in MODERATORS else 403)
    assert client.get(staff).status_code == expected_staff
    assert client.get(staff + "polis-full.zip").status_code == expected_staff
    expected_edit = 302 if kind == "anonymous" else (200 if kind == "editor" else 403)
    assert client.get(staff + "edit/").status_code == expected_edit
    assert client.post(staff + "seed/", {"texts": "O afirmație"}).status_code == (
        302 if kind in {"anonymous", "editor"} else 403)


def test_a_refused_voter_reads_why(client):
    conversation = open_conversation(open_now=False)
    shown, = statements(conversation, 1)
    page = client.get(f"/en/processes/{conversation.process.slug}/conversations/{conversation.pk}/").content.decode()
    assert "Log in" in page
    from civica.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    page = client.get(f"/en/processes/{conversation.process.slug}/conversations/{conversation.pk}/").content.decode()
    assert "This conversation is closed." in page
