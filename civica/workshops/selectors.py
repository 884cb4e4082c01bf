"""Reads of a world-café workshop: the public ones and their report (``report``, for the report page and
the API), the table a signed link opens (``table_token``: the link dies once the workshop is closed),
where the workshop is (``stage``: what the room screen says), the dot results, the colour a table's notes
take on the wall, what a harvest would do (the harvest page says it before it runs) and the harvest under
way, the notes in no theme, to be placed by staff, and the workshops being run now (for the staff
dashboard)."""

from django.core import signing
from django.db.models import Count, Q
from django.utils import timezone

from .models import Contribution, Harvest, HarvestStatus, Theme, Workshop, WorkshopTable

TABLE_SALT = "civica.workshop.table"


def public_workshops():
    """The workshops whose pages and reports anyone may read (their meeting is published), with it."""
    return Workshop.objects.filter(meeting__is_published=True).select_related("meeting__space")


def workshop_for_page(slug):
    """A public workshop with its rounds and questions, or None."""
    return public_workshops().filter(slug=slug).prefetch_related("rounds", "questions").first()


def report(workshop) -> dict:
    """What the workshop's report shows (``workshop_for_page`` gives the workshop): its questions and
    tables, the themes with their dots, contributions and up to five representative notes, the counts of
    contributions, contributors and rounds held, and the action plan. Five queries."""
    themes = dot_results(workshop)
    contributions = list(Contribution.objects.filter(table__workshop=workshop).select_related("table", "theme"))
    for theme in themes:
        theme.members = [item for item in contributions if item.theme_id == theme.pk]
        theme.representatives = [item for item in theme.members if item.is_representative][:5]
    return {
        "workshop": workshop, "questions": workshop.questions.all(),
        "tables": list(workshop.tables.select_related("question", "facilitator")),
        "themes": themes, "contribution_count": len(contributions),
        "contributor_count": len({(item.author_id, item.author_key) for item in contributions}),
        "round_count": sum(1 for round_ in workshop.rounds.all() if round_.started_at),
        "action_items": workshop.action_items.prefetch_related("themes"),
    }


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
    """What a harvest would do, for the page that asks before it runs: the themes there are (each
    stays, with its notes, dots and action-plan links) and the notes in no theme yet (placed by staff
    after a harvest again; grouped into themes by the first one)."""
    themes = list(Theme.objects.filter(workshop=workshop).annotate(
        dot_count=Count("dots", distinct=True), link_count=Count("action_items", distinct=True),
        note_count=Count("contributions", distinct=True)))
    notes = Contribution.objects.filter(table__workshop=workshop)
    return {
        "themes": themes, "unplaced_count": notes.filter(theme=None).count(), "note_count": notes.count(),
        "dots": sum(theme.dot_count for theme in themes), "links": sum(theme.link_count for theme in themes),
    }


def harvest_under_way(workshop):
    """The harvest of ``workshop`` queued and not given up (``Harvest.abandoned``), or None."""
    harvest = Harvest.objects.filter(workshop=workshop, status=HarvestStatus.QUEUED).first()
    return harvest if harvest is not None and not harvest.abandoned() else None


def unplaced_notes(workshop) -> list:
    """The notes in no theme, oldest first, with their table, round and suggested theme."""
    return list(Contribution.objects.filter(table__workshop=workshop, theme=None)
                .select_related("table", "round", "suggested_theme").order_by("created_at", "pk"))


def dot_results(workshop):
    return list(workshop.themes.annotate(dot_count=Count("dots")).order_by("-dot_count", "position"))


# What the room screen and the live wall say, and whether they keep asking the server for news.
WAITING, RUNNING, PAUSED, ROUNDS_OVER, ENDED = "waiting", "running", "paused", "rounds-over", "ended"

# Notes on the wall are coloured by table, always beside the table's name: this many colours, then again.
TABLE_COLOURS = 8


def stage(workshop, now=None) -> str:
    """Where the workshop is, from ``workshop.rounds.all()`` (a prefetch serves it): ended once closed;
    paused; a round running; every round held (the editors may still close it); or waiting for the next round."""
    if workshop.closed_at is not None:
        return ENDED
    if workshop.paused_at is not None:
        return PAUSED
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


def live_workshops(now=None) -> list:
    """The workshops being run now (a round running, or paused), for the staff dashboard: each with its
    meeting and rounds, so ``stage`` and ``current_round`` need no more queries."""
    now = now or timezone.now()
    candidates = (Workshop.objects.filter(closed_at=None)
                  .filter(Q(paused_at__isnull=False) | Q(rounds__started_at__lte=now)).distinct()
                  .select_related("meeting").prefetch_related("rounds"))
    return [workshop for workshop in candidates if stage(workshop, now) in (RUNNING, PAUSED)]
