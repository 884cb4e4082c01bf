"""What the goal pages read (issue 19, point 5): for each Sustainable Development Goal and the EU
climate-neutral cities mission, what the city and the centre do for it.

Only what is public is gathered: published consultations, the activities of published plans, the
centre's programmes, calls past their draft, the projects funded by calls whose results are published
(a call's goals are its funded projects' goals), and the published observatory indicators whose SDG
targets name the goal (``11.4`` names SDG 11). Each page asks a fixed number of queries, whatever
the number of goals or things tagged."""

import re
from dataclasses import dataclass, field

from django.db.models import Count

from civica.accountability.models import Activity, PlanStatus
from civica.calls.models import Application, Call, CallStatus, Decision
from civica.goals.models import Goal, GoalKind
from civica.network.models import Programme
from civica.participation.models import Process

from ..models import Indicator

TARGET = re.compile(r"(\d{1,2})\.[0-9a-z]{1,2}")


def goal_numbers(sdg_targets: str) -> set[int]:
    """The goals an indicator's SDG targets name: ``"11.4, 4.7"`` → ``{11, 4}``."""
    return {int(number) for number in TARGET.findall(sdg_targets or "")}


def _indicators_by_goal() -> dict[int, list]:
    found: dict[int, list] = {}
    for indicator in Indicator.objects.published().select_related("framework").order_by(
            "framework__position", "position", "id"):
        for number in sorted(goal_numbers(indicator.sdg_targets)):
            found.setdefault(number, []).append(indicator)
    return found


@dataclass
class GoalCounts:
    processes: int = 0
    activities: int = 0
    programmes: int = 0
    calls: int = 0
    funded: int = 0
    indicators: int = 0

    @property
    def total(self) -> int:
        return self.processes + self.activities + self.programmes + self.calls + self.funded + self.indicators


def _count(through_rows, key="goal_id") -> dict[int, int]:
    return {row[key]: row["total"] for row in through_rows}


def goal_list() -> list[Goal]:
    """Every goal, in order, each with ``counts`` (a ``GoalCounts``). Seven queries."""
    goals = list(Goal.objects.order_by("position", "id"))
    processes = _count(Process.goals.through.objects.filter(process__is_published=True)
                       .values("goal_id").annotate(total=Count("process_id")))
    activities = _count(Activity.goals.through.objects.filter(activity__plan__status=PlanStatus.PUBLISHED)
                        .values("goal_id").annotate(total=Count("activity_id")))
    programmes = _count(Programme.goals.through.objects.values("goal_id").annotate(total=Count("programme_id")))
    calls = _count(Call.goals.through.objects.exclude(call__status=CallStatus.DRAFT)
                   .values("goal_id").annotate(total=Count("call_id")))
    funded = _count(_funded().values("call__goals").annotate(total=Count("pk", distinct=True)), key="call__goals")
    indicators = {number: len(items) for number, items in _indicators_by_goal().items()}
    for goal in goals:
        goal.counts = GoalCounts(
            processes=processes.get(goal.pk, 0), activities=activities.get(goal.pk, 0),
            programmes=programmes.get(goal.pk, 0), calls=calls.get(goal.pk, 0), funded=funded.get(goal.pk, 0),
            indicators=indicators.get(goal.number, 0) if goal.kind == GoalKind.SDG else 0)
    return goals


def _funded():
    return Application.objects.filter(decision=Decision.FUNDED, call__status=CallStatus.RESULTS_PUBLISHED)


@dataclass
class GoalPage:
    goal: Goal
    processes: list = field(default_factory=list)
    activities: list = field(default_factory=list)
    programmes: list = field(default_factory=list)
    calls: list = field(default_factory=list)
    funded: list = field(default_factory=list)
    indicators: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any((self.processes, self.activities, self.programmes, self.calls, self.funded,
                        self.indicators))


def goal_page(code: str) -> GoalPage | None:
    """What is done for the goal ``code``, or None for an unknown code. Seven queries."""
    goal = Goal.objects.filter(code=code).first()
    if goal is None:
        return None
    return GoalPage(
        goal=goal,
        processes=list(goal.processes.published().order_by("-starts_on", "slug")),
        activities=list(goal.activities.filter(plan__status=PlanStatus.PUBLISHED)
                        .select_related("plan", "programme")
                        .order_by("-plan__year", "programme__position", "programme__name_ro", "position", "id")),
        programmes=list(goal.programmes.order_by("position", "name_ro")),
        calls=list(goal.calls.public().order_by("-opens_at", "slug")),
        funded=list(_funded().filter(call__goals=goal).select_related("call", "organisation")
                    .order_by("-call__opens_at", "call__slug", "reference")),
        indicators=_indicators_by_goal().get(goal.number, []) if goal.kind == GoalKind.SDG else [],
    )
