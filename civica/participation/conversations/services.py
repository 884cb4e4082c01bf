"""Writes of conversations. Votes and statements by participants; seeding and import by staff. The
review of statements is ``civica.moderation``'s (approve or reject what waits, hide or restore what is
shown); ``statement_hidden_changed`` is what it calls back when one leaves the map or comes back.

A vote never computes the map: after it commits, ``tasks.map_requested`` queues one recomputation per
conversation and window (the debounce). A returning participant's vote is one INSERT … ON CONFLICT
statement (``_vote_upserted``: the unique index takes one person's concurrent votes on one statement
one after the other and leaves one row; the statement's being shown and the phase's being open are
checked in it, the phase's row read ``FOR SHARE`` on PostgreSQL, so a close waits for the votes under
way and no vote lands after it). Every other write that counts locks a row that exists first: the
participant (created, under the conversation's lock, on their first vote or statement)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import refusals
from civica.moderation import services as moderation

from ..models import Phase
from . import tasks
from .models import MAX_STATEMENT, MAX_STORED_STATEMENT, Conversation, Participant, Statement, Vote


def _new_participant(conversation, **fields) -> Participant:
    """The next pseudonym's number is taken under the conversation's lock (caller's transaction)."""
    Conversation.objects.select_for_update().filter(pk=conversation.pk).values_list("pk", flat=True).first()
    number = (Participant.objects.filter(conversation=conversation).aggregate(last=Max("number"))["last"] or 0) + 1
    return Participant.objects.create(conversation=conversation, number=number, **fields)


def participant_for(*, conversation, user) -> Participant:
    """``user``'s participant in ``conversation``, created the first time (one per person: constraint)."""
    participant = Participant.objects.filter(conversation=conversation, user=user).first()
    if participant is not None:
        return participant
    try:
        with transaction.atomic():
            existing = Participant.objects.filter(conversation=conversation, user=user).first()  # under the lock
            return existing or _new_participant(conversation, user=user)
    except IntegrityError:  # created meanwhile by the same person's other request
        return Participant.objects.get(conversation=conversation, user=user)


def _vote_upserted(*, statement, by, choice: int) -> Vote | None:
    """``by``'s new or changed vote in one statement, the common vote: INSERT … SELECT reads their
    participant and checks, in the database as it is now, that the statement is still shown and its
    conversation's phase open; ``ON CONFLICT`` turns it into the change of their existing vote, and only
    where the choice differs. On PostgreSQL the phase's row is read ``FOR SHARE``: a close (any UPDATE of
    the phase) either waits for this vote to commit, or has committed and this statement sees its new end
    (PostgreSQL re-reads a row it waited for), so no vote lands after the close committed; votes share
    the lock and never wait for each other. SQLite runs one writer at a time, the statement whole. The
    unique index takes one person's concurrent votes on one statement one after the other, and the row
    the change updates is locked by it. None when no row was written: no participant yet, the same
    choice again, the statement taken out or the phase closed meanwhile (``vote_cast`` then says which)."""
    vote_table, participant_table, statement_table, conversation_table, phase_table = (
        connection.ops.quote_name(model._meta.db_table) for model in (Vote, Participant, Statement, Conversation,
                                                                      Phase))
    voted_at = timezone.now()
    at = connection.ops.adapt_datetimefield_value(voted_at)
    shared = " FOR SHARE OF ph" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {vote_table} (statement_id, participant_id, choice, voted_at) "
            f"SELECT s.id, p.id, %s, %s FROM {statement_table} s "
            f"JOIN {conversation_table} c ON c.id = s.conversation_id "
            f"JOIN {phase_table} ph ON ph.id = c.phase_id "
            f"JOIN {participant_table} p ON p.conversation_id = s.conversation_id AND p.user_id = %s "
            f"WHERE s.id = %s AND s.conversation_id = %s AND NOT s.is_hidden "
            f"AND ph.starts_at <= %s AND ph.ends_at > %s{shared} "
            f"ON CONFLICT (participant_id, statement_id) DO UPDATE SET choice = excluded.choice, "
            f"voted_at = excluded.voted_at WHERE {vote_table}.choice <> excluded.choice "
            f"RETURNING id, participant_id",
            [choice, at, by.pk, statement.pk, statement.conversation_id, at, at])
        written = cursor.fetchone()
    if written is None:
        return None
    vote_id, participant_id = written
    return Vote(pk=vote_id, participant_id=participant_id, statement=statement, choice=choice, voted_at=voted_at)


def _unwritten(*, statement, by, choice: int) -> Vote | None:
    """Why a vote wrote nothing, read again: the statement taken out or the conversation closed meanwhile (the
    refusal says so), or the same vote twice (a double click: that vote, nothing to recompute). None: the
    person's own other vote on it changed it meanwhile (two clicks at once); the caller tries again."""
    fresh = (Statement.objects.select_related("conversation__phase").defer("conversation__map_data")
             .filter(pk=statement.pk).first())
    if fresh is None or not fresh.is_shown:
        raise ValidationError(_("This statement is no longer shown: moderators took it out."))
    fresh.conversation.process = statement.conversation.process
    refusals.check(by, "participation.vote_statement", fresh)  # the phase, as it is now
    vote = Vote.objects.filter(participant__conversation_id=statement.conversation_id, participant__user=by,
                               statement=statement).first()
    return vote if vote is not None and vote.choice == choice else None


def vote_cast(*, statement, by, choice: int) -> Vote:
    """Record or change ``by``'s vote on ``statement``; the same vote twice changes nothing. The permission is
    asked first (its reasons); what may change meanwhile (the statement taken out, the phase closed) is
    checked again inside the write itself (``_vote_upserted``). A first vote creates the person's
    participant (under the conversation's lock, ``participant_for``) in the vote's transaction, so a
    refused first vote leaves none. After a written vote commits, the map's recomputation is requested
    (``tasks.map_requested``)."""
    if choice not in Vote.Choice.values:
        raise ValidationError(_("Choose agree, disagree or pass."))
    refusals.check(by, "participation.vote_statement", statement)
    conversation = statement.conversation
    conversation_id, due = conversation.pk, conversation.map_due_at
    vote = _vote_upserted(statement=statement, by=by, choice=choice)  # in autocommit: one round trip
    if vote is None:
        with transaction.atomic():
            for _attempt in range(3):  # the person's own other clicks may change the row between two reads
                if not Participant.objects.filter(conversation=conversation, user=by).exists():
                    participant_for(conversation=conversation, user=by)  # a first vote
                vote = _vote_upserted(statement=statement, by=by, choice=choice)
                if vote is not None:
                    break
                same = _unwritten(statement=statement, by=by, choice=choice)
                if same is not None:
                    return same
            else:
                raise ValidationError(_("Your vote was not recorded: send it again."))
    transaction.on_commit(lambda: tasks.map_requested(conversation_id, due=due))
    return vote


def statement_submit(*, conversation, by, text: str) -> Statement:
    """A participant's statement: it waits for a moderator before anyone else sees it (the shared
    pre-moderation: the consultation's moderators and the site's are told, and decide in their queue)."""
    refusals.check(by, "participation.submit_statement", conversation)
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError(_("Write your statement."))
    if len(text) > MAX_STATEMENT:
        raise ValidationError(_("A statement has at most %(max)s characters.") % {"max": MAX_STATEMENT})
    participant = participant_for(conversation=conversation, user=by)
    with transaction.atomic():
        Participant.objects.select_for_update().filter(pk=participant.pk).values_list("pk", flat=True).first()
        if Statement.objects.filter(conversation=conversation, author=participant, text=text).exists():
            raise ValidationError(_("You have already submitted this statement."))
        statement = Statement(conversation=conversation, author=participant, text=text)
        moderation.review_hold(statement)  # a conversation's statements always wait (its registration)
        statement.save()
        moderation.review_submitted(statement)
    return statement


def statements_seed(*, conversation, by, texts: list[str]) -> list[Statement]:
    """The editors' statements, one a line: published at once; ones already there are skipped."""
    if not by.has_perm("participation.manage_conversation", conversation):
        raise PermissionDenied(_("Only the centre's editors run consultations."))
    cleaned = [" ".join(text.split()) for text in texts]
    cleaned = [text for text in dict.fromkeys(cleaned) if text]
    if not cleaned:
        raise ValidationError(_("Write at least one statement, one a line."))
    too_long = [text for text in cleaned if len(text) > MAX_STORED_STATEMENT]
    if too_long:
        raise ValidationError(_("A statement has at most %(max)s characters.") % {"max": MAX_STORED_STATEMENT})
    with transaction.atomic():
        there = set(Statement.objects.filter(conversation=conversation, text__in=cleaned)
                    .values_list("text", flat=True))
        return Statement.objects.bulk_create([Statement(conversation=conversation, text=text, is_seed=True)
                                              for text in cleaned if text not in there])


def statement_hidden_changed(statement) -> None:
    """A moderator took ``statement`` out or put it back (``civica.moderation``, in its transaction): the
    map is recomputed without (or with) its votes, once the change commits."""
    if statement.votes.exists():
        conversation_id = statement.conversation_id
        transaction.on_commit(lambda: tasks.map_requested(conversation_id))


CONVERSATION_FIELDS = ("title", "title_en", "description", "description_en", "participants_submit")


def conversation_save(*, process, by, phase, conversation=None, **fields) -> Conversation:
    if not by.has_perm("participation.manage_conversation", process):
        raise PermissionDenied(_("Only the centre's editors run consultations."))
    if phase is None or phase.process_id != process.pk:
        raise ValidationError({"phase": _("Choose a phase of this consultation.")})
    if conversation is not None and conversation.process_id != process.pk:
        raise PermissionDenied(_("This conversation belongs to another consultation."))
    conversation = conversation or Conversation(process=process)
    conversation.phase = phase
    for name in CONVERSATION_FIELDS:
        if name in fields:
            setattr(conversation, name, fields[name])
    conversation.full_clean()
    conversation.save()
    return conversation
