"""Hand-computed examples for ranking.py."""

import pytest

from civica.calls.ranking import Criterion, Entry, evaluator_score, rank

RELEVANCE, QUALITY = Criterion(1, weight=2.0), Criterion(2, weight=1.0)


def test_weighted_mean_of_one_evaluator():
    # (2×9 + 1×6) / 3 = 8
    assert evaluator_score([RELEVANCE, QUALITY], {1: 9, 2: 6}) == pytest.approx(8.0)
    assert evaluator_score([RELEVANCE, QUALITY], {1: 9}) is None


def test_criteria_on_other_scales_are_brought_to_0_10():
    five_point = Criterion(3, weight=1.0, scale_min=1, scale_max=5)
    # 5 on 1–5 → 10; 3 → 5; mean with a 0–10 criterion at 6 (equal weights) = (5 + 6) / 2
    assert evaluator_score([five_point, Criterion(4, 1.0)], {3: 3, 4: 6}) == pytest.approx(5.5)


def test_mean_over_evaluators_spread_and_disagreement():
    entries = [
        Entry(10, submitted_at=1, reviews={"a": {1: 9, 2: 6}, "b": {1: 3, 2: 3}}),   # 8 and 3 → 5.5, spread 2.5
        Entry(11, submitted_at=2, reviews={"a": {1: 6, 2: 6}, "b": {1: 6, 2: 3}}),   # 6 and 5 → 5.5, spread 0.5
        Entry(12, submitted_at=3, reviews={"a": {1: 10, 2: 10}}),                    # 10
        Entry(13, submitted_at=4, reviews={"a": {1: 10}}),                           # incomplete: unranked
    ]
    result = rank([RELEVANCE, QUALITY], entries, disagreement_threshold=2.0)
    assert [(r.application_id, r.rank) for r in result] == [(12, 1), (10, 2), (11, 3), (13, None)]
    by_id = {r.application_id: r for r in result}
    assert by_id[10].score == pytest.approx(5.5) and by_id[10].spread == pytest.approx(2.5)
    assert by_id[10].disagreement and not by_id[11].disagreement
    assert by_id[12].spread == 0.0


def test_ties_broken_by_the_chosen_criterion_then_by_submission_time():
    entries = [
        Entry(1, submitted_at=5, reviews={"a": {1: 6, 2: 9}}),   # (12 + 9) / 3 = 7
        Entry(2, submitted_at=9, reviews={"a": {1: 7, 2: 7}}),   # (14 + 7) / 3 = 7
        Entry(3, submitted_at=1, reviews={"a": {1: 7, 2: 7}}),   # 7, submitted first
    ]
    by_relevance = rank([RELEVANCE, QUALITY], entries, tie_break_criterion=1)
    assert [r.application_id for r in by_relevance] == [3, 2, 1]
    by_quality = rank([RELEVANCE, QUALITY], entries, tie_break_criterion=2)
    assert [r.application_id for r in by_quality] == [1, 3, 2]
    by_time = rank([RELEVANCE, QUALITY], entries)
    assert [r.application_id for r in by_time] == [3, 1, 2]


def test_no_criteria_or_no_reviews():
    assert rank([], [Entry(1, 1, {"a": {}})])[0].rank is None
    assert rank([RELEVANCE], []) == []
