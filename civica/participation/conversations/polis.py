"""Pol.is's CSV format in and out (issue 21, point 3), through ``insights.polis_export``.

``polis_import``: an editor brings a Pol.is export (``votes.csv`` and ``comments.csv``) into a
conversation that has no votes yet. Each comment becomes a statement (its ``comment-id`` kept; moderated
out in Pol.is: rejected here, the rejection in the moderation log), each voter a participant without an
account, numbered in voter-id order (so the map's canonical order, hence its groups, are those of
``manage.py opinionmap`` on the same folder), and the latest vote of each voter on each comment a vote.
The map is computed at once.

``polis_files``: the four files of a Pol.is export of a conversation: comment ids are statement ids,
voter and author ids the participants' pseudonym numbers. ``public=True`` (anyone may download it) leaves
out the text of statements moderators took out and of those still waiting; neither export has a name, an
e-mail or an account id."""

import datetime
import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.insights.polis_export import (
    MODERATED_IN,
    MODERATED_OUT,
    NOT_MODERATED,
    ExportComment,
    read_polis_export,
    write_polis_export,
)
from civica.moderation import services as moderation
from civica.moderation.models import ReviewState

from .models import MAX_STORED_STATEMENT, Participant, Statement, Vote
from .opinion import compute_map

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def read_uploaded(*, votes_file, comments_file):
    """A ``PolisExport`` from two uploaded files; ValidationError with a readable reason when malformed."""
    for upload in (votes_file, comments_file):
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file %(name)s is too large.") % {"name": upload.name})
    with tempfile.TemporaryDirectory() as folder:
        for name, upload in (("votes.csv", votes_file), ("comments.csv", comments_file)):
            with open(Path(folder) / name, "wb") as file:
                for chunk in upload.chunks():
                    file.write(chunk)
        try:
            return read_polis_export(folder)
        except (ValueError, KeyError, UnicodeDecodeError) as error:
            raise ValidationError(_("These files are not a Pol.is export: %(reason)s") % {
                "reason": str(error).replace(folder + "/", "")}) from None


def polis_import(*, conversation, by, export) -> dict:
    """Import ``export`` (``insights.polis_export.PolisExport``) into an empty conversation."""
    if not by.has_perm("participation.manage_conversation", conversation):
        raise PermissionDenied(_("Only the centre's editors run consultations."))
    if not export.votes:
        raise ValidationError(_("This export holds no votes."))
    bad = [vote for vote in export.votes if vote[2] not in (-1, 0, 1)]
    if bad:
        raise ValidationError(_("A vote is not -1, 0 or 1 (comment %(comment)s).") % {"comment": bad[0][1]})
    with transaction.atomic():
        type(conversation).objects.select_for_update().filter(pk=conversation.pk).values_list("pk").first()
        if Vote.objects.filter(statement__conversation=conversation).exists() or \
                Participant.objects.filter(conversation=conversation).exists():
            raise ValidationError(_("This conversation has votes already: import into a new conversation."))
        comment_ids = sorted(set(export.texts) | {vote[1] for vote in export.votes})
        statements = Statement.objects.bulk_create([
            Statement(conversation=conversation, polis_id=comment, is_seed=True,
                      text=(export.texts.get(comment) or f"#{comment}")[:MAX_STORED_STATEMENT],
                      review_state=ReviewState.REJECTED if comment in export.moderated_out else ReviewState.NONE,
                      is_hidden=comment in export.moderated_out)
            for comment in comment_ids])
        moderation.review_imported(targets=statements, by=by, reason=_("Moderated out in Pol.is."))
        statement_of = {statement.polis_id: statement for statement in statements}
        voter_ids = sorted({vote[0] for vote in export.votes})
        participants = Participant.objects.bulk_create([
            Participant(conversation=conversation, polis_id=voter, number=number)
            for number, voter in enumerate(voter_ids, start=1)])
        participant_of = {participant.polis_id: participant for participant in participants}
        latest = {}
        for voter, comment, vote, timestamp in sorted(export.votes, key=lambda vote: vote[3]):
            latest[(voter, comment)] = (vote, timestamp)
        Vote.objects.bulk_create([
            Vote(participant=participant_of[voter], statement=statement_of[comment], choice=vote,
                 voted_at=datetime.datetime.fromtimestamp(timestamp / 1000, tz=datetime.UTC))
            for (voter, comment), (vote, timestamp) in latest.items()], batch_size=2000)
    data = compute_map(conversation.pk)
    return {"statements": len(statements), "participants": len(participants), "votes": len(latest),
            "groups": len(data["groups"]) if data else 0}


def polis_files(conversation, *, public: bool) -> dict:
    """{file name: CSV text} of ``conversation`` in Pol.is's format; see the module docstring."""
    comments = []
    for pk, text, state, hidden, number, created in (
            Statement.objects.filter(conversation=conversation)
            .values_list("pk", "text", "review_state", "is_hidden", "author__number", "created_at").order_by("pk")):
        # Waiting: not yet moderated; taken out (rejected or hidden): moderated out; else moderated in.
        moderated = NOT_MODERATED if state == ReviewState.WAITING else MODERATED_OUT if hidden else MODERATED_IN
        comments.append(ExportComment(comment_id=pk, author_id=number, body=text if not hidden or not public else "",
                                      moderated=moderated,
                                      timestamp=int(created.timestamp() * 1000)))
    votes = [(number, statement, choice, int(at.timestamp() * 1000)) for number, statement, choice, at in
             Vote.objects.filter(statement__conversation=conversation)
             .values_list("participant__number", "statement_id", "choice", "voted_at")]
    data = conversation.map_data or {}
    group_of = {point[0]: point[3] for point in data.get("points", [])}
    return write_polis_export(votes=votes, comments=comments, group_of=group_of, topic=conversation.title,
                              description=conversation.description,
                              url=conversation.get_absolute_url() if conversation.process_id else "")
