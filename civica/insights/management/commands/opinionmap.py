"""Print the opinion map of a Pol.is export folder: ``manage.py opinionmap PATH [--language en]``.

A developer tool: reads ``votes.csv`` and ``comments.csv`` (statements whose ``moderated`` is -1 are
left out), runs ``map_opinions`` and prints the groups, their sizes and representative statements,
and the consensus statements. It speaks the active language, Romanian by default (the site's
``LANGUAGE_CODE``), like the rest of Civica; ``--language`` picks another of ``settings.LANGUAGES``.
"""

import textwrap

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
        parser.add_argument(
            "--language", choices=[code for code, _name in settings.LANGUAGES],
            help="language of the output (default: the active language, the site's LANGUAGE_CODE)",
        )

    def handle(self, *args, path, min_votes, max_groups, seed, language=None, **options):
        with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
            self._print_map(path, min_votes, max_groups, seed)

    def _print_map(self, path, min_votes, max_groups, seed):
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
        write(_("Opinion map of %(path)s") % {"path": path})
        write(
            _(
                "%(participants)d participants cast %(votes)d votes on %(statements)d statements "
                "(%(moderated)d more moderated out)."
            )
            % {
                "participants": participants, "votes": len(export.votes),
                "statements": len(result.statements), "moderated": len(result.excluded_statements),
            }
        )
        placed = ngettext(
            "%(placed)d participant placed", "%(placed)d participants placed", len(result.group_of)
        ) % {"placed": len(result.group_of)}
        in_groups = ngettext("in %(groups)d group", "in %(groups)d groups", len(result.groups)) % {
            "groups": len(result.groups)
        }
        left_out = ngettext(
            "%(left_out)d left out: fewer than %(min_votes)d votes.",
            "%(left_out)d left out: fewer than %(min_votes)d votes.",
            len(result.left_out),
        ) % {"left_out": len(result.left_out), "min_votes": result.min_votes}
        write(f"{placed} {in_groups}; {left_out}")
        silhouette = "-" if result.silhouette is None else f"{result.silhouette:.2f}"
        write(
            _(
                "Structure: the first axis carries %(ratio)s× the variance it has once each statement's votes "
                "are shuffled; silhouette %(silhouette)s."
            )
            % {"ratio": f"{result.structure_ratio:.1f}", "silhouette": silhouette}
        )
        if result.weak_structure and len(result.groups) > 1:
            write(self.style.WARNING(_("Weak structure: these groups may be chance, not camps of opinion.")))
        for group in result.groups:
            write("")
            heading = ngettext(
                "Group %(group)s: %(members)d participant", "Group %(group)s: %(members)d participants",
                len(group.members),
            ) % {"group": _letter(group.number), "members": len(group.members)}
            write(self.style.MIGRATE_HEADING(heading))
            if not group.representative:
                write("  " + _("no statement sets this group apart"))
            for statement in group.representative:
                write("  " + _representative_line(statement))
                write(_wrapped(texts.get(statement.statement_id, "")))
        for title, statements in (
            (_("Consensus: agreed by every group"), result.consensus.agreed),
            (_("Consensus: rejected by every group"), result.consensus.rejected),
        ):
            write("")
            write(self.style.MIGRATE_HEADING(title))
            if not statements:
                write("  " + _("none"))
            for statement in statements:
                shares = ", ".join(
                    f"{_letter(figures.group)} {figures.agree_share:.0%}/{figures.disagree_share:.0%}"
                    for figures in statement.by_group
                )
                write(
                    "  "
                    + _("#%(statement)s: group-aware consensus %(consensus)s; agree/disagree by group: %(shares)s")
                    % {
                        "statement": statement.statement_id,
                        "consensus": f"{statement.group_aware_consensus:.2f}", "shares": shares,
                    }
                )
                write(_wrapped(texts.get(statement.statement_id, "")))


def _representative_line(statement):
    if statement.direction == AGREE:
        direction, own_share, rest_share = _("agree"), statement.agree_share, statement.rest_agree_share
    else:
        direction, own_share, rest_share = _("disagree"), statement.disagree_share, statement.rest_disagree_share
    return _(
        "%(direction)s #%(statement)s: %(share)s of the group (%(votes)d votes) vs %(rest_share)s of the rest; "
        "agree %(agree)s / disagree %(disagree)s; z %(z)s"
    ) % {
        "direction": f"{direction:<8}", "statement": statement.statement_id, "share": f"{own_share:.0%}",
        "votes": statement.votes, "rest_share": f"{rest_share:.0%}", "agree": f"{statement.agree_share:.0%}",
        "disagree": f"{statement.disagree_share:.0%}", "z": f"{statement.difference_z:.1f}",
    }


def _letter(group_number):
    # Pol.is names groups A, B, C…; the number is what `group_of` holds.
    return f"{chr(ord('A') + group_number)} ({group_number})" if group_number < 26 else str(group_number)


def _wrapped(text):
    return textwrap.fill(" ".join(text.split()), width=TEXT_WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
