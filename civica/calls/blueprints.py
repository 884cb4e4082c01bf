"""Call blueprints: what a new call of each kind starts with (who may apply, blind review, the form's
fields and the evaluation criteria with their weights). The editor adjusts everything afterwards;
the texts are Romanian first, English second, like the call itself."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .models import CallKind, Eligibility, FieldKind


@dataclass(frozen=True)
class FieldSpec:
    key: str
    kind: str
    label_ro: str
    label_en: str
    required: bool = True
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CriterionSpec:
    name_ro: str
    name_en: str
    weight: Decimal


@dataclass(frozen=True)
class CallBlueprint:
    kind: CallKind
    description: str
    eligibility: Eligibility
    fields: tuple[FieldSpec, ...]
    criteria: tuple[CriterionSpec, ...]
    is_blind: bool = False


_SUMMARY = FieldSpec("summary", FieldKind.LONG_TEXT, "Rezumatul proiectului", "Project summary",
                     options={"max_length": 2000})
_BUDGET = FieldSpec("budget", FieldKind.BUDGET_TABLE, "Bugetul proiectului", "Project budget")
_TEAM = FieldSpec("team", FieldKind.TEAM_MEMBERS, "Echipa", "Team", required=False)
_RULES = FieldSpec("rules", FieldKind.DECLARATION, "Am citit și accept regulamentul apelului",
                   "I have read and accept the rules of the call")

BLUEPRINTS: dict[str, CallBlueprint] = {spec.kind.value: spec for spec in (
    CallBlueprint(
        CallKind.OPEN_CALL, _("Open to every verified participant: a summary, activities, a budget and the rules."),
        Eligibility.PARTICIPANTS,
        (_SUMMARY, FieldSpec("activities", FieldKind.LONG_TEXT, "Activități și calendar", "Activities and timeline",
                             options={"max_length": 5000}), _BUDGET, _RULES),
        (CriterionSpec("Relevanță", "Relevance", Decimal(1)), CriterionSpec("Calitate", "Quality", Decimal(1))),
    ),
    CallBlueprint(
        CallKind.GRANT, _("A grant with a detailed budget, a team and a portfolio; four weighted criteria."),
        Eligibility.PARTICIPANTS,
        (_SUMMARY, FieldSpec("activities", FieldKind.LONG_TEXT, "Activități și calendar", "Activities and timeline",
                             options={"max_length": 5000}), _BUDGET, _TEAM,
         FieldSpec("portfolio", FieldKind.FILE, "Portofoliu (PDF)", "Portfolio (PDF)", required=False,
                   options={"file_types": ["pdf"], "max_file_mb": 10}), _RULES),
        (CriterionSpec("Relevanță pentru obiectivele apelului", "Relevance to the call's aims", Decimal(3)),
         CriterionSpec("Calitatea și originalitatea propunerii", "Quality and originality", Decimal(3)),
         CriterionSpec("Fezabilitate și buget", "Feasibility and budget", Decimal(2)),
         CriterionSpec("Impact în comunitate", "Community impact", Decimal(2))),
    ),
    CallBlueprint(
        CallKind.MEMBERS_CALL, _("For the representatives of member organisations: a short proposal and a budget."),
        Eligibility.MEMBER_REPRESENTATIVES,
        (_SUMMARY, _BUDGET, _RULES),
        (CriterionSpec("Relevanță pentru rețea", "Relevance to the network", Decimal(1)),
         CriterionSpec("Fezabilitate", "Feasibility", Decimal(1))),
    ),
    CallBlueprint(
        CallKind.COMPETITION,
        _("A solution competition judged blind: the entry as a PDF, no names before the ranking."),
        Eligibility.PARTICIPANTS,
        (FieldSpec("concept", FieldKind.LONG_TEXT, "Conceptul soluției", "The solution's concept",
                   options={"max_length": 3000}),
         FieldSpec("entry", FieldKind.FILE, "Planșele (PDF)", "Boards (PDF)",
                   options={"file_types": ["pdf"], "max_file_mb": 20}), _TEAM, _RULES),
        (CriterionSpec("Calitatea soluției", "Quality of the solution", Decimal(4)),
         CriterionSpec("Fezabilitate", "Feasibility", Decimal(3)),
         CriterionSpec("Integrare în context", "Fit with the context", Decimal(3))),
        is_blind=True,
    ),
)}


def choices():
    return [(key, CallKind(key).label) for key in BLUEPRINTS]
