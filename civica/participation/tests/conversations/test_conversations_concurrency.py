"""Votes under a race (PostgreSQL): one person's two votes at once on one statement leave one row; a
vote and its change at once leave one row holding one of the two; first votes of many people at
once get distinct pseudonym numbers; a vote and a take-out at once; two moderators' decisions at once.
"""

import pytest

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import run_together, skip_unless_postgresql
from civica.moderation import services as moderation
from civica.moderation.models import ModerationAction
from civica.participation.conversations import services
from civica.participation.conversations.models import Participant, Statement, Vote
from civica.participation.conversations.opinion import conversation_votes

from .factories import open_conversation, statements, waiting


def _statement(pk):
    return Statement.objects.select_related("conversation__phase", "conversation__process").get(pk=pk)


@pytest.mark.django_db(transaction=True)
def test_two_votes_at_once_by_one_person_leave_one_row_and_first_votes_get_distinct_pseudonyms():
    skip_unless_postgresql()
    conversation = open_conversation()
    statement, = statements(conversation, 1)
    person, others = UserFactory(), UserFactory.create_batch(4)
    voters = [person] * 4 + others  # one person's double (quadruple) click, and four others' first votes
    outcomes = run_together([lambda voter=voter: services.vote_cast(statement=_statement(statement.pk), by=voter,
                                                                    choice=1) for voter in voters])
    assert outcomes == [None] * 8
    assert Vote.objects.filter(statement=statement, participant__user=person).count() == 1
    assert Vote.objects.filter(statement=statement).count() == 5
    assert sorted(Participant.objects.filter(conversation=conversation).values_list("number", flat=True)) == [
        1, 2, 3, 4, 5]


@pytest.mark.django_db(transaction=True)
def test_a_vote_and_its_change_at_once_leave_one_row():
    skip_unless_postgresql()
    conversation = open_conversation()
    statement, = statements(conversation, 1)
    person = UserFactory()
    services.vote_cast(statement=statement, by=person, choice=0)
    outcomes = run_together([lambda choice=choice: services.vote_cast(statement=_statement(statement.pk), by=person,
                                                                     choice=choice) for choice in (1, -1, 1, -1)])
    assert outcomes == [None] * 4
    assert list(Vote.objects.filter(statement=statement).values_list("choice", flat=True)) in ([1], [-1])


@pytest.mark.django_db(transaction=True)
def test_a_vote_against_a_statement_taken_out_at_once_never_counts_after_it():
    skip_unless_postgresql()
    conversation = open_conversation()
    statement, = statements(conversation, 1)
    person, moderator = UserFactory(), UserFactory(role=Role.MODERATOR)
    outcomes = run_together([
        lambda: services.vote_cast(statement=_statement(statement.pk), by=person, choice=1),
        lambda: moderation.moderate(target=_statement(statement.pk), by=moderator, hide=True, reason="Off topic"),
    ])
    assert outcomes[1] is None
    assert outcomes[0] is None or Vote.objects.count() == 0
    assert Statement.objects.get(pk=statement.pk).is_hidden  # and its votes, if any, are left off the map
    _votes, excluded = conversation_votes(conversation.pk)
    assert excluded == {statement.pk}


@pytest.mark.django_db(transaction=True)
def test_two_moderators_deciding_on_one_statement_at_once_decide_once():
    skip_unless_postgresql()
    conversation = open_conversation()
    statement = waiting(conversation)
    moderators = [UserFactory(role=Role.MODERATOR) for _ in range(2)]
    outcomes = run_together([
        lambda: moderation.review_decide(target=_statement(statement.pk), by=moderators[0], approve=True),
        lambda: moderation.review_decide(target=_statement(statement.pk), by=moderators[1], approve=False,
                                         reason="Off topic"),
    ])
    assert sorted(outcome is None for outcome in outcomes) == [False, True]  # one refused
    assert ModerationAction.objects.filter(target_id=statement.pk).count() == 1
