"""Writes of conversations. Votes and statements by participants; seeding and import by staff. The
review of statements is ``civica.moderation``'s (approve or reject what waits, hide or restore what is
shown); ``statement_hidden_changed`` is what it calls back when one leaves the map or comes back.

A vote never computes the map: after it commits, ``tasks.map_requested`` queues one recomputation per
conversation and window (the debounce). A returning participant's vote is one INSERT … ON CONFLICT
statement (``_vote_upserted``: the unique index takes one person's concurrent votes on one statement
one after the other and leaves one row; the statement's being shown is checked in it). Every other
write that counts locks a row that exists first: the participant (created, under the conversation's
lock, on their first vote or statement)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import refusals
from civica.moderation import services as moderation

from . import tasks
from .models import MAX_STATEMENT, MAX_STORED_STATEMENT, SHOWN, Conversation, Participant, Statement, Vote


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
    """A returning participant's new or changed vote in one statement, the common vote: INSERT … SELECT
    reads their participant and checks the statement is still shown, ``ON CONFLICT`` turns it into the
    change of their existing vote, and only where the choice differs. The unique index takes one person's
    concurrent votes on one statement one after the other, and the row the change updates is locked by
    it. None when no row was written: no participant yet, the same choice again, or the statement taken
    out meanwhile (``vote_cast`` then takes the careful path, which says which)."""
    vote_table, participant_table, statement_table = (
        connection.ops.quote_name(model._meta.db_table) for model in (Vote, Participant, Statement))
    voted_at = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {vote_table} (statement_id, participant_id, choice, voted_at) "
            f"SELECT s.id, p.id, %s, %s FROM {statement_table} s, {participant_table} p "
            f"WHERE s.id = %s AND s.conversation_id = %s AND NOT s.is_hidden "
            f"AND p.conversation_id = %s AND p.user_id = %s "
            f"ON CONFLICT (participant_id, statement_id) DO UPDATE SET choice = excluded.choice, "
            f"voted_at = excluded.voted_at WHERE {vote_table}.choice <> excluded.choice "
            f"RETURNING id, participant_id",
            [choice, connection.ops.adapt_datetimefield_value(voted_at), statement.pk, statement.conversation_id,
             statement.conversation_id, by.pk])
        written = cursor.fetchone()
    if written is None:
        return None
    vote_id, participant_id = written
    return Vote(pk=vote_id, participant_id=participant_id, statement=statement, choice=choice, voted_at=voted_at)


def vote_cast(*, statement, by, choice: int) -> Vote:
    """Record or change ``by``'s vote on ``statement``; the same vote twice changes nothing. After a
    written vote commits, the map's recomputation is requested (``tasks.map_requested``)."""
    if choice not in Vote.Choice.values:
        raise ValidationError(_("Choose agree, disagree or pass."))
    refusals.check(by, "participation.vote_statement", statement)
    conversation = statement.conversation
    conversation_id, due = conversation.pk, conversation.map_due_at
    vote = _vote_upserted(statement=statement, by=by, choice=choice)
    if vote is not None:
        transaction.on_commit(lambda: tasks.map_requested(conversation_id, due=due))
        return vote
    with transaction.atomic():
        # The person's participant, locked: found and locked in one query (created the first time).
        participant = Participant.objects.select_for_update().filter(conversation=conversation, user=by).first()
        if participant is None:
            participant = participant_for(conversation=conversation, user=by)
            Participant.objects.select_for_update().filter(pk=participant.pk).values_list("pk", flat=True).first()
        if not Statement.objects.filter(SHOWN, pk=statement.pk).exists():  # re-checked: moderated out meanwhile
            raise ValidationError(_("This statement is no longer shown: moderators took it out."))
        vote = Vote.objects.filter(participant=participant, statement=statement).first()
        if vote is None:
            vote = Vote.objects.create(participant=participant, statement=statement, choice=choice)
        elif vote.choice != choice:
            vote.choice, vote.voted_at = choice, timezone.now()
            vote.save(update_fields=["choice", "voted_at"])
        else:
            vote.participant = participant
            return vote  # a double click: nothing changed, nothing to recompute
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
