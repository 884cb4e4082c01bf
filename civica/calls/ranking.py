"""Ranking of applications from reviews: plain data in, plain data out (no database, no web).

An evaluator's score for an application is the weighted mean of their criterion scores, each
criterion first brought to a 0–10 range (so criteria on different scales weigh by their weight
only). The application's score is the mean over evaluators who completed a review. The spread is
the population standard deviation of those evaluator scores; above the call's threshold the
evaluators disagree strongly and the entry is flagged. Ties are broken by the mean of a chosen
criterion (higher first), then by submission time (earlier first), then by id.
Floats are used: scores are not money, and this runs over hundreds of thousands of scores."""

from dataclasses import dataclass, field
from statistics import fmean, pstdev


@dataclass(frozen=True)
class Criterion:
    id: int
    weight: float
    scale_min: float = 0.0
    scale_max: float = 10.0

    def normalised(self, value: float) -> float:
        return (value - self.scale_min) / (self.scale_max - self.scale_min) * 10.0


@dataclass(frozen=True)
class Entry:
    application_id: int
    submitted_at: object  # anything comparable: a datetime, or an int in tests
    # evaluator id → {criterion id → score}; incomplete reviews are left out of the ranking.
    reviews: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Ranked:
    application_id: int
    rank: int | None
    score: float | None
    evaluator_scores: dict
    spread: float | None
    disagreement: bool


def evaluator_score(criteria, scores) -> float | None:
    """Weighted mean (0–10) of one evaluator's scores, or None if a criterion is missing."""
    total_weight = sum(criterion.weight for criterion in criteria)
    if not criteria or total_weight <= 0:
        return None
    weighted = 0.0
    for criterion in criteria:
        value = scores.get(criterion.id)
        if value is None:
            return None
        weighted += criterion.weight * criterion.normalised(float(value))
    return weighted / total_weight


def rank(criteria, entries, *, disagreement_threshold=2.0, tie_break_criterion=None) -> list[Ranked]:
    criteria = list(criteria)
    tie_break = next((criterion for criterion in criteria if criterion.id == tie_break_criterion), None)
    scored, unscored = [], []
    for entry in entries:
        by_evaluator = {}
        for evaluator, scores in entry.reviews.items():
            value = evaluator_score(criteria, scores)
            if value is not None:
                by_evaluator[evaluator] = value
        if not by_evaluator:
            unscored.append(Ranked(entry.application_id, None, None, {}, None, False))
            continue
        values = list(by_evaluator.values())
        spread = pstdev(values) if len(values) > 1 else 0.0
        tie_value = 0.0
        if tie_break is not None:
            tie_value = fmean(tie_break.normalised(float(scores[tie_break.id])) for evaluator, scores
                              in entry.reviews.items() if evaluator in by_evaluator)
        scored.append((fmean(values), tie_value, entry, by_evaluator, spread))
    scored.sort(key=lambda item: (-item[0], -item[1], item[2].submitted_at, item[2].application_id))
    ranked = [
        Ranked(entry.application_id, position, score, by_evaluator, spread, spread > disagreement_threshold)
        for position, (score, _tie, entry, by_evaluator, spread) in enumerate(scored, start=1)
    ]
    return ranked + sorted(unscored, key=lambda item: item.application_id)
