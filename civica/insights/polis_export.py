"""Read a Pol.is conversation export folder (`votes.csv`, `comments.csv`) for `map_opinions`."""

import csv
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
