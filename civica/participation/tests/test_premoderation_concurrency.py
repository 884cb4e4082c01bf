"""Pre-moderation's races, on PostgreSQL (real transactions, threads released at once): an approval and
a rejection of the same idea (one wins, the other is refused, one decision logged, the counters right),
and an approval against its author's edit (whichever wins, the changed text waits for a moderator)."""

import pytest
from django.utils import translation

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.moderation import services as moderation
from civica.moderation.models import ModerationAction, ReviewState
from civica.moderation.registry import review_fingerprint
from civica.participation import services
from civica.participation.models import Idea
from civica.participation.tests.factories import ProcessFactory


def in_english(action):
    """The action as a thread runs it, in English: a thread starts in the site's language (Romanian), and
    the refusals are read in English here."""
    def run():
        with translation.override("en"):
            return action()
    return run


def waiting_idea():
    process = ProcessFactory(contributions_wait=True)
    author = UserFactory()
    idea = services.idea_create(process=process, by=author, title="A pond", body="With ducks.")
    return idea, author, UserFactory(role=Role.MODERATOR, role__scope=process), UserFactory(role=Role.MODERATOR)


def approve_against_reject():
    idea, _author, here, everywhere = waiting_idea()
    outcomes = run_together([
        in_english(lambda: moderation.review_decide(target=Idea.objects.get(pk=idea.pk), by=here, approve=True)),
        in_english(lambda: moderation.review_decide(target=Idea.objects.get(pk=idea.pk), by=everywhere,
                                                    approve=False, reason="Off topic")),
    ])
    assert sum(outcome is None for outcome in outcomes) == 1
    refused = next(outcome for outcome in outcomes if outcome is not None)
    assert "already decided" in str(refused)
    idea.refresh_from_db()
    decisions = list(ModerationAction.objects.filter(target_id=idea.pk).values_list("kind", flat=True))
    assert len(decisions) == 1
    assert (idea.review_state, idea.is_hidden) == (
        (ReviewState.APPROVED, False) if decisions == ["approve"] else (ReviewState.REJECTED, True))


def approve_against_the_authors_edit():
    idea, author, here, _everywhere = waiting_idea()
    read = review_fingerprint(idea)
    outcomes = run_together([
        in_english(lambda: moderation.review_decide(target=Idea.objects.get(pk=idea.pk), by=here, approve=True,
                                                    fingerprint=read)),
        in_english(lambda: services.idea_update(idea=Idea.objects.get(pk=idea.pk), by=author,
                                                body="With ducks and a casino.")),
    ])
    assert outcomes[1] is None  # the author's edit always goes through
    idea.refresh_from_db()
    # Whichever came first, the changed text waits for a moderator: approved first, the edit sent it back;
    # edited first, the approval of the text read was refused.
    assert (idea.body, idea.review_state, idea.is_hidden) == ("With ducks and a casino.", ReviewState.WAITING, True)
    approvals = ModerationAction.objects.filter(target_id=idea.pk, kind="approve").count()
    assert approvals == (1 if outcomes[0] is None else 0)
    if outcomes[0] is not None:
        assert "changed it" in str(outcomes[0])


@pytest.mark.django_db(transaction=True)
def test_decisions_race_each_other_and_the_author():
    """Both races in one test: a transactional test's database flush is its dearest part."""
    skip_unless_postgresql()
    for _round in range(2):
        approve_against_reject()
        approve_against_the_authors_edit()
