"""Print the opinion map of a Pol.is export folder: ``manage.py opinionmap PATH``.

A developer tool: reads ``votes.csv`` and ``comments.csv`` (statements whose ``moderated`` is -1 are
left out), runs ``map_opinions`` and prints the groups, their sizes and representative statements,
and the consensus statements.
"""

import textwrap

from django.core.management.base import BaseCommand, CommandError

from civica.insights.opinion_map import map_opinions
from civica.insights.polis_export import read_polis_export
from civica.insights.repness import AGREE

TEXT_WIDTH = 100
INDENT = " " * 6


class Command(BaseCommand):
    help = "Print the opinion groups, representative and consensus statements of a Pol.is export folder."

    def add_arguments(self, parser):
        parser.add_argument("path", help="folder holding votes.csv and comments.csv")
        parser.add_argument("--min-votes", type=int, default=7, help="votes needed to be placed (default 7)")
        parser.add_argument("--max-groups", type=int, default=5, help="most groups to consider (default 5)")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, path, min_votes, max_groups, seed, **options):
        try:
            export = read_polis_export(path)
            result = map_opinions(
                export.votes, exclude_statements=export.moderated_out,
                min_votes=min_votes, max_groups=max_groups, seed=seed,
            )
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        write = self.stdout.write
        texts = export.texts
        participants = len(result.group_of) + len(result.left_out)
        write(f"Opinion map of {path}")
        write(
            f"{participants} participants cast {len(export.votes)} votes on {len(result.statements)} statements "
            f"({len(result.excluded_statements)} more moderated out)."
        )
        write(
            f"{len(result.group_of)} participants placed in {len(result.groups)} "
            f"group{'s' if len(result.groups) != 1 else ''}; {len(result.left_out)} left out: fewer than "
            f"{result.min_votes} votes."
        )
        silhouette = "-" if result.silhouette is None else f"{result.silhouette:.2f}"
        write(
            f"Structure: the first axis carries {result.structure_ratio:.1f}× the variance it has once each "
            f"statement's votes are shuffled; silhouette {silhouette}."
        )
        for group in result.groups:
            write("")
            write(self.style.MIGRATE_HEADING(f"Group {_letter(group.number)}: {len(group.members)} participants"))
            if not group.representative:
                write("  no statement sets this group apart")
            for statement in group.representative:
                if statement.direction == AGREE:
                    own_share, rest_share = statement.agree_share, statement.rest_agree_share
                else:
                    own_share, rest_share = statement.disagree_share, statement.rest_disagree_share
                write(
                    f"  {statement.direction:<8} #{statement.statement_id}: {own_share:.0%} of the group "
                    f"({statement.votes} votes) vs {rest_share:.0%} of the rest; "
                    f"agree {statement.agree_share:.0%} / disagree {statement.disagree_share:.0%}; "
                    f"z {statement.difference_z:.1f}"
                )
                write(_wrapped(texts.get(statement.statement_id, "")))
        for title, statements in (
            ("Consensus: agreed by every group", result.consensus.agreed),
            ("Consensus: rejected by every group", result.consensus.rejected),
        ):
            write("")
            write(self.style.MIGRATE_HEADING(title))
            if not statements:
                write("  none")
            for statement in statements:
                shares = ", ".join(
                    f"{_letter(figures.group)} {figures.agree_share:.0%}/{figures.disagree_share:.0%}"
                    for figures in statement.by_group
                )
                write(
                    f"  #{statement.statement_id}: group-aware consensus {statement.group_aware_consensus:.2f}; "
                    f"agree/disagree by group: {shares}"
                )
                write(_wrapped(texts.get(statement.statement_id, "")))


def _letter(group_number):
    # Pol.is names groups A, B, C…; the number is what `group_of` holds.
    return f"{chr(ord('A') + group_number)} ({group_number})" if group_number < 26 else str(group_number)


def _wrapped(text):
    return textwrap.fill(" ".join(text.split()), width=TEXT_WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
