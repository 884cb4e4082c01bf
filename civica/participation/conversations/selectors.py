"""Reads of conversations, each page in a fixed number of queries: the conversation with its phase,
the next statement for a person, their votes and statements, the waiting queue, the map as shown."""

from django.db import connection
from django.db.models import Count, Q

from civica.moderation.models import ReviewState
from civica.moderation.registry import review_fingerprint

from .models import SHOWN, Conversation, Participant, Statement, Vote


def conversation_for_page(*, process, conversation_id, with_map=False):
    """The conversation with its phase; its map (``map_data``, a large JSON value) only ``with_map``: the
    map and the exports read it, the voting pages never."""
    conversations = Conversation.objects.filter(process=process, pk=conversation_id).select_related("phase")
    conversation = (conversations if with_map else conversations.defer("map_data")).first()
    if conversation is not None:
        conversation.process = process
    return conversation


def statement_for_vote(*, process, conversation_id, statement_id):
    """The statement voted on with its conversation and the conversation's phase, in one query (None when
    it is not a statement of that conversation of ``process``)."""
    statement = (Statement.objects.filter(pk=statement_id, conversation_id=conversation_id,
                                          conversation__process=process)
                 .select_related("conversation__phase").defer("conversation__map_data").first())
    if statement is not None:
        statement.conversation.process = process
    return statement


def statement_for_vote_by_address(*, slug, conversation_id, statement_id):
    """``statement_for_vote`` for a vote's post, the consultation found by its address in the same statement:
    the statement, its conversation (without the map), the conversation's phase and the consultation (without
    its page's texts) in one hand-written query, then the consultation's phases (what its permissions read)
    in a second; the ORM took longer to build these than the database to run them, on every vote. None when
    there is no such statement of that conversation of that consultation."""
    from civica.core import rows

    from ..models import Phase, Process

    shapes = ((Statement, "s", ()), (Conversation, "c", ("map_data",)), (Phase, "ph", ()),
              (Process, "p", ("summary_ro", "summary_en", "body_ro", "body_en")))
    fields = [rows.columns(model, exclude=exclude) for model, _alias, exclude in shapes]
    quote = connection.ops.quote_name
    selected = ", ".join(rows.select_list(alias, group) for (_m, alias, _e), group in zip(shapes, fields, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {selected} "
            f"FROM {quote(Statement._meta.db_table)} s "
            f"JOIN {quote(Conversation._meta.db_table)} c ON c.id = s.conversation_id "
            f"JOIN {quote(Phase._meta.db_table)} ph ON ph.id = c.phase_id "
            f"JOIN {quote(Process._meta.db_table)} p ON p.id = c.process_id "
            f"WHERE s.id = %s AND s.conversation_id = %s AND p.slug = %s",
            [statement_id, conversation_id, slug])
        row = cursor.fetchone()
        if row is None:
            return None
        objects, start = [], 0
        for (model, _alias, _exclude), group in zip(shapes, fields, strict=True):
            objects.append(rows.instance(model, group, row[start:start + len(group)]))
            start += len(group)
        statement, conversation, phase, process = objects
        phase_fields = fields[2]
        cursor.execute(f"SELECT {rows.select_list('ph', phase_fields)} FROM {quote(Phase._meta.db_table)} ph "
                       f"WHERE ph.process_id = %s ORDER BY ph.position, ph.starts_at", [process.pk])
        phases = [rows.instance(Phase, phase_fields, values) for values in cursor.fetchall()]
    kept = process.phases.all()  # as prefetch_related leaves it: the phases read, no query when asked again
    kept._result_cache, kept._prefetch_done = phases, True
    process._prefetched_objects_cache = {"phases": kept}
    conversation.phase, conversation.process, statement.conversation = phase, process, conversation
    return statement


def conversation_list(*, process):
    return Conversation.objects.filter(process=process).select_related("phase").order_by("-created_at")


def participant_of(conversation, user):
    if not user.is_authenticated:
        return None
    return Participant.objects.filter(conversation=conversation, user=user).first()


def shown_statement_count(conversation) -> int:
    return Statement.objects.filter(SHOWN, conversation=conversation).count()


def next_statement(conversation, participant_id):
    """The first shown statement this participant (None: someone who has not voted) has not voted on
    (the oldest first), or None."""
    statements = Statement.objects.filter(SHOWN, conversation=conversation)
    if participant_id is not None:
        statements = statements.exclude(votes__participant_id=participant_id)
    return statements.order_by("pk").first()


def voting_box(conversation, participant_id, *, latest: int):
    """What the voting box shows after a vote, in one statement written out (the htmx answer of every vote,
    where the ORM's building of two queries cost more than running them): the next statement as
    ``next_statement`` finds it, and the ``latest`` votes as ``votes_of(…, limit=latest)`` lists them, each
    with its statement's id and text. Rows come back with only those fields (the rest deferred)."""
    if participant_id is None:
        return next_statement(conversation, None), []
    statement_table, vote_table = (connection.ops.quote_name(model._meta.db_table) for model in (Statement, Vote))
    with connection.cursor() as cursor:
        cursor.execute(
            # The first part's last three columns are placeholders of the second's types (a bare NULL would be text).
            f"SELECT * FROM (SELECT 0 AS part, s.id, s.text, s.id AS vote_id, 0 AS choice, s.created_at AS voted_at "
            f"FROM {statement_table} s WHERE s.conversation_id = %s AND NOT s.is_hidden AND NOT EXISTS "
            f"(SELECT 1 FROM {vote_table} m WHERE m.statement_id = s.id AND m.participant_id = %s) "
            f"ORDER BY s.id LIMIT 1) AS next_one UNION ALL "
            f"SELECT * FROM (SELECT 1 AS part, s.id, s.text, v.id AS vote_id, v.choice, v.voted_at "
            f"FROM {vote_table} v JOIN {statement_table} s ON s.id = v.statement_id "
            f"WHERE v.participant_id = %s AND NOT s.is_hidden ORDER BY v.voted_at DESC, v.id DESC LIMIT %s) AS latest",
            [conversation.pk, participant_id, participant_id, latest])
        rows = cursor.fetchall()
    shown = ["id", "conversation_id", "text", "is_hidden"]
    statement, votes = None, []
    for part, statement_id, text, vote_id, choice, voted_at in rows:
        row = Statement.from_db(connection.alias, shown, [statement_id, conversation.pk, text, False])
        if part == 0:
            statement = row
            continue
        vote = Vote.from_db(connection.alias, ["id", "statement_id", "participant_id", "choice"],
                            [vote_id, statement_id, participant_id, choice])
        vote.statement = row
        votes.append((voted_at, vote_id, vote))
    votes.sort(key=lambda item: (item[0], item[1]), reverse=True)  # a UNION keeps no order: the latest first
    return statement, [vote for _at, _id, vote in votes]


def votes_of(participant_id, *, limit=None):
    """This participant's votes on shown statements, the latest first, with their statements (the
    latest ``limit`` only, if given)."""
    if participant_id is None:
        return []
    votes = (Vote.objects.filter(participant_id=participant_id, statement__is_hidden=False)
             .select_related("statement").order_by("-voted_at", "-pk"))
    return list(votes[:limit] if limit else votes)


def statements_of(participant):
    """What this participant wrote, with its review state (theirs to see while it waits)."""
    if participant is None:
        return []
    return list(Statement.objects.filter(author=participant).order_by("-pk"))


def waiting_statements(conversation):
    """What waits for the moderators, oldest first, each with the fingerprint moderation's decision form
    carries (``moderation.registry.review_fingerprint``)."""
    return [{"statement": statement, "fingerprint": review_fingerprint(statement)}
            for statement in Statement.objects.filter(conversation=conversation, review_state=ReviewState.WAITING)
            .select_related("author").order_by("pk")]


def statements_for_staff(conversation):
    """Every statement with its vote counts (one query), the newest first."""
    return list(Statement.objects.filter(conversation=conversation).select_related("author").annotate(
        agrees=Count("votes", filter=Q(votes__choice=Vote.Choice.AGREE)),
        disagrees=Count("votes", filter=Q(votes__choice=Vote.Choice.DISAGREE)),
        passes=Count("votes", filter=Q(votes__choice=Vote.Choice.PASS))).order_by("-pk"))


def statement_texts(conversation, ids) -> dict:
    return dict(Statement.objects.filter(conversation=conversation, pk__in=set(ids)).values_list("pk", "text"))


