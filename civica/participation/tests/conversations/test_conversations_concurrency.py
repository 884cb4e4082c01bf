"""Votes under a race (PostgreSQL): one person's two votes at once on one statement leave one row; a
vote and its change at once leave one row holding one of the two; first votes of many people at
once get distinct pseudonym numbers; a vote and a take-out at once; a vote and the phase's close at once (no
vote lands after the close committed); two moderators' decisions at once.
"""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connections, transaction
from django.utils import timezone

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.core.tests.concurrency import backend_pid, held_until_waiting, run_together, skip_unless_postgresql
from civica.moderation import services as moderation
from civica.moderation.models import ModerationAction
from civica.participation.conversations import services
from civica.participation.conversations.models import Participant, Statement, Vote
from civica.participation.conversations.opinion import conversation_votes
from civica.participation.models import Phase
from civica.participation.services import phases_save

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


def _close(phase, editor):
    """The editor's close of the conversation's phase: its end moved to now, through the phases' service."""
    phases_save(process=phase.process, by=editor, phases=[{
        "id": phase.pk, "kind": phase.kind, "name_ro": phase.name_ro, "name_en": phase.name_en,
        "starts_at": phase.starts_at, "ends_at": timezone.now()}])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("returning", [True, False], ids=["returning participant", "first vote"])
def test_a_vote_sent_while_the_phase_is_being_closed_waits_for_the_close_and_is_refused(returning):
    """The close has written the phase's new end and not committed yet; a vote whose request read the phase
    open (so ``refusals.check`` lets it through) starts then. It must wait for the close and be refused: a
    vote that did not wait would land after the close committed."""
    skip_unless_postgresql()
    conversation = open_conversation()
    first, second = statements(conversation, 2)
    person, editor = UserFactory(), UserFactory(role=Role.EDITOR)
    if returning:
        services.vote_cast(statement=first, by=person, choice=1)
    request_read = _statement(second.pk)  # the phase open, as the vote's request read it
    phase = Phase.objects.select_related("process").get(pk=conversation.phase_id)
    closed_uncommitted, vote_pid, vote_done = threading.Event(), [], threading.Event()
    outcome = {}

    def vote():
        try:
            closed_uncommitted.wait()
            vote_pid.append(backend_pid())
            services.vote_cast(statement=request_read, by=person, choice=-1)
        except Exception as error:  # noqa: BLE001 - the test looks at it
            outcome["error"] = error
        finally:
            vote_done.set()
            connections.close_all()

    def close():
        try:
            with transaction.atomic():
                _close(phase, editor)
                closed_uncommitted.set()
                # Held open until the vote waits for the phase's row (or, wrongly, got through without waiting).
                outcome["vote_waited"] = held_until_waiting(vote_pid, vote_done)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote), threading.Thread(target=close)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcome["vote_waited"], "the vote did not wait for the close under way"
    assert isinstance(outcome.get("error"), PermissionDenied)
    assert "closed" in str(outcome["error"]) or "închisă" in str(outcome["error"])
    assert list(Vote.objects.values_list("statement_id", flat=True)) == ([first.pk] if returning else [])


@pytest.mark.django_db(transaction=True)
def test_votes_and_the_close_at_once_leave_no_vote_after_the_close():
    """Eight people's votes (four returning, four first) and the close started together: each vote is recorded
    or refused because the conversation closed, and nothing else happens (no deadlock, no error)."""
    skip_unless_postgresql()
    conversation = open_conversation()
    statement, = statements(conversation, 1)
    voters, editor = UserFactory.create_batch(8), UserFactory(role=Role.EDITOR)
    for voter in voters[:4]:  # four returning participants, four first votes
        services.vote_cast(statement=statements(conversation, 1)[0], by=voter, choice=0)
    phase = Phase.objects.select_related("process").get(pk=conversation.phase_id)
    outcomes = run_together([lambda: _close(phase, editor)] + [
        lambda voter=voter: services.vote_cast(statement=_statement(statement.pk), by=voter, choice=1)
        for voter in voters])
    assert outcomes[0] is None
    assert all(outcome is None or isinstance(outcome, PermissionDenied) for outcome in outcomes[1:])
    assert Vote.objects.filter(statement=statement).count() == sum(outcome is None for outcome in outcomes[1:])
    with pytest.raises(PermissionDenied):  # and after it, the close holds
        services.vote_cast(statement=_statement(statement.pk), by=voters[0], choice=-1)
