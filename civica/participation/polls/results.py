"""Poll results from plain data: no database, no web (tested on its own).

Ranking uses Borda points: with n choices, a first place is worth n points, a last place 1."""

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class ChoiceResult:
    choice_id: int
    text: str
    count: int
    share: float  # of respondents who answered the question, 0..1


@dataclass(frozen=True)
class RankingResult:
    choice_id: int
    text: str
    points: int
    mean_rank: float | None


def choice_counts(choices, chosen_ids, respondents):
    """``choices``: [(id, text)]; ``chosen_ids``: one id per selection; ``respondents``: how many answered."""
    counts = Counter(chosen_ids)
    return [ChoiceResult(choice_id, text, counts[choice_id], counts[choice_id] / respondents if respondents else 0.0)
            for choice_id, text in choices]


def ranking_scores(choices, ranks):
    """``ranks``: [(choice_id, rank)] with rank 1 the best. Sorted by points, best first."""
    size = len(choices)
    points, placed = Counter(), {}
    for choice_id, rank in ranks:
        points[choice_id] += size + 1 - rank
        placed.setdefault(choice_id, []).append(rank)
    results = [RankingResult(choice_id, text, points[choice_id],
                             sum(placed[choice_id]) / len(placed[choice_id]) if placed.get(choice_id) else None)
               for choice_id, text in choices]
    return sorted(results, key=lambda result: (-result.points, result.choice_id))


def scale_summary(values, low=1, high=5):
    counts = Counter(values)
    total = sum(counts.values())
    return {
        "distribution": [(value, counts[value], counts[value] / total if total else 0.0)
                         for value in range(low, high + 1)],
        "mean": sum(value * count for value, count in counts.items()) / total if total else None,
        "count": total,
    }
