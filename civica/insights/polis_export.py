"""Read a Pol.is conversation export folder (`votes.csv`, `comments.csv`) for `map_opinions`, and write one
(`write_polis_export`: the four files Pol.is exports, for its tools and red-dwarf)."""

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path

MODERATED_OUT = -1  # comments.csv `moderated`: 1 accepted, 0 not yet moderated, -1 moderated out


@dataclass(frozen=True)
class PolisExport:
    votes: list  # (voter id, comment id, vote, timestamp in ms): the latest vote per pair counts
    texts: dict  # comment id → text
    moderated_out: frozenset  # comment ids moderated out


def read_polis_export(folder):
    """Votes, statement texts and moderated-out statements of a Pol.is export folder.

    Raises FileNotFoundError when a file is missing and ValueError when a row is malformed.
    """
    folder = Path(folder)
    votes = [
        (int(row["voter-id"]), int(row["comment-id"]), int(row["vote"]), int(row["timestamp"]))
        for row in _rows(folder / "votes.csv", ("voter-id", "comment-id", "vote", "timestamp"))
    ]
    texts, moderated_out = {}, set()
    for row in _rows(folder / "comments.csv", ("comment-id", "moderated", "comment-body")):
        comment = int(row["comment-id"])
        texts[comment] = row["comment-body"]
        if int(row["moderated"]) == MODERATED_OUT:
            moderated_out.add(comment)
    return PolisExport(votes=votes, texts=texts, moderated_out=frozenset(moderated_out))


def read_polis_groups(folder):
    """Participant id → the group Pol.is placed them in (`participants-votes.csv`), for those placed."""
    return {
        int(row["participant"]): int(row["group-id"])
        for row in _rows(Path(folder) / "participants-votes.csv", ("participant", "group-id"))
        if row["group-id"] != ""
    }


def _rows(path, columns):
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        missing = [column for column in columns if column not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: missing columns {', '.join(missing)}")
        try:
            yield from reader
        except csv.Error as error:
            raise ValueError(f"{path}: {error}") from None


VOTES_COLUMNS = ["timestamp", "datetime", "comment-id", "voter-id", "vote"]
COMMENTS_COLUMNS = ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated",
                    "is-meta", "is-seed", "comment-body"]
ORGANISERS = 0  # the author-id of seed statements (Pol.is gives the conversation owner's)
MODERATED_IN, NOT_MODERATED = 1, 0


@dataclass(frozen=True)
class ExportComment:
    comment_id: int
    author_id: int | None  # the participant's number; None for the organisers' (seed) statements
    body: str
    moderated: int  # 1 accepted, 0 not yet moderated, -1 moderated out (MODERATED_OUT)
    timestamp: int  # milliseconds since the epoch


def _polis_datetime(milliseconds):
    moment = datetime.datetime.fromtimestamp(milliseconds / 1000, tz=datetime.UTC)
    return moment.strftime("%a %b %d %H:%M:%S UTC %Y")


def write_polis_export(*, votes, comments, group_of, topic="", description="", url=""):
    """The four files of a Pol.is export, {file name: CSV text}, for Pol.is's own tools and red-dwarf.

    ``votes``: (voter id, comment id, vote, timestamp in ms); the latest per pair is the one that counts in
    ``participants-votes.csv`` (``votes.csv`` lists them all, oldest first, as Pol.is does).
    ``comments``: ``ExportComment``s. ``group_of``: voter id → group number for those placed."""
    def table(columns, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()

    votes = sorted(votes, key=lambda vote: (vote[3], vote[0], vote[1]))
    latest = {}
    for voter, comment, vote, _timestamp in votes:
        latest[(voter, comment)] = vote
    comments = sorted(comments, key=lambda comment: comment.comment_id)
    agrees, disagrees = {}, {}
    for (_voter, comment), vote in latest.items():
        if vote == 1:
            agrees[comment] = agrees.get(comment, 0) + 1
        elif vote == -1:
            disagrees[comment] = disagrees.get(comment, 0) + 1
    comment_ids = [comment.comment_id for comment in comments]
    voters = sorted({voter for voter, _comment in latest})
    written = {}
    for comment in comments:
        if comment.author_id is not None:
            written[comment.author_id] = written.get(comment.author_id, 0) + 1
    by_voter = {}
    for (voter, comment), vote in latest.items():
        by_voter.setdefault(voter, {})[comment] = vote
    participant_rows = []
    for voter in voters:
        cast = by_voter.get(voter, {})
        participant_rows.append([
            voter, group_of.get(voter, ""), written.get(voter, 0), len(cast),
            sum(1 for vote in cast.values() if vote == 1), sum(1 for vote in cast.values() if vote == -1),
            *[cast.get(comment, "") for comment in comment_ids],
        ])
    summary = [["topic", topic], ["url", url], ["voters", len(voters)], ["voters-in-conv", len(group_of)],
               ["commenters", len(written)], ["comments", len(comments)],
               ["groups", len(set(group_of.values()))], ["conversation-description", description]]
    return {
        "votes.csv": table(VOTES_COLUMNS, [[timestamp, _polis_datetime(timestamp), comment, voter, vote]
                                           for voter, comment, vote, timestamp in votes]),
        "comments.csv": table(COMMENTS_COLUMNS, [
            [comment.timestamp, _polis_datetime(comment.timestamp), comment.comment_id,
             ORGANISERS if comment.author_id is None else comment.author_id, agrees.get(comment.comment_id, 0),
             disagrees.get(comment.comment_id, 0), comment.moderated, "false",
             "true" if comment.author_id is None else "false", comment.body] for comment in comments]),
        "participants-votes.csv": table(
            ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", *comment_ids],
            participant_rows),
        "summary.csv": _summary_text(summary),
    }


def _summary_text(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
