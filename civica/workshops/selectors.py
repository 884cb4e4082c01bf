"""Reads of a world-café workshop: the table a signed link opens (``table_token``: the link dies once
the workshop is closed), where the workshop is (``stage``: what the room screen says), the dot results,
the colour a table's notes take on the wall, and what a harvest would change (the harvest page says it
before anything is replaced)."""

from django.core import signing
from django.db.models import Count
from django.utils import timezone

from .models import ActionItem, Contribution, Theme, WorkshopTable

TABLE_SALT = "civica.workshop.table"


def table_token(table) -> str:
    return signing.dumps({"table": table.pk, "workshop": table.workshop_id}, salt=TABLE_SALT)


def table_from_token(token):
    """The table a link opens, or None when the link is forged or the workshop is closed."""
    try:
        data = signing.loads(token, salt=TABLE_SALT)
    except signing.BadSignature:
        return None
    table = (WorkshopTable.objects.filter(pk=data.get("table"), workshop_id=data.get("workshop"))
             .select_related("workshop__meeting", "question").first())
    if table is None or table.workshop.closed_at is not None:
        return None
    return table


def harvest_preview(workshop) -> dict:
    """What a harvest would change, for the page that asks before it runs: the themes kept (with
    their dots and links), the suggestions that would be computed again, the notes in no kept theme,
    and what replacing everything would discard."""
    themes = list(Theme.objects.filter(workshop=workshop).annotate(
        dot_count=Count("dots", distinct=True), link_count=Count("action_items", distinct=True)))
    kept = [theme for theme in themes if theme.curated or theme.dot_count or theme.link_count]
    kept_ids = {theme.pk for theme in kept}
    notes = Contribution.objects.filter(table__workshop=workshop)
    return {
        "themes": themes, "kept": kept, "suggestions": [theme for theme in themes if theme.pk not in kept_ids],
        "notes_to_group": notes.exclude(theme__in=kept_ids).count(), "note_count": notes.count(),
        "dots": sum(theme.dot_count for theme in themes),
        "links": ActionItem.themes.through.objects.filter(theme__workshop=workshop).count(),
    }


def dot_results(workshop):
    return list(workshop.themes.annotate(dot_count=Count("dots")).order_by("-dot_count", "position"))


# What the room screen and the live wall say, and whether they keep asking the server for news.
WAITING, RUNNING, ROUNDS_OVER, ENDED = "waiting", "running", "rounds-over", "ended"

# Notes on the wall are coloured by table, always beside the table's name: this many colours, then again.
TABLE_COLOURS = 8


def stage(workshop, now=None) -> str:
    """Where the workshop is, from ``workshop.rounds.all()`` (a prefetch serves it): ended once closed;
    a round running; every round held (the editors may still close it); or waiting for the next round."""
    if workshop.closed_at is not None:
        return ENDED
    now = now or timezone.now()
    if workshop.current_round(now) is not None:
        return RUNNING
    rounds = list(workshop.rounds.all())
    if rounds and all(round_.started_at for round_ in rounds):
        return ROUNDS_OVER
    return WAITING


def table_colour(table) -> int:
    """The colour (1 to ``TABLE_COLOURS``) of a table's notes on the wall."""
    return (table.number - 1) % TABLE_COLOURS + 1
