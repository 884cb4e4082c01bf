"""The opinion map on small hand-made conversations whose answer is obvious, and on bad input."""

import random

import numpy as np
import pytest

from civica.insights.opinion_map import MIN_GROUP_SHARE, STRUCTURE_MARGIN, TOO_FEW_VOTES, _group_labels, map_opinions
from civica.insights.repness import AGREE, DISAGREE, Z_90

AGREES, DISAGREES, PASSES = 1, -1, 0


def camps(stances, per_camp, flip=0.05, pass_rate=0.05, seed=0):
    """Votes of camps of participants, each voting its stance on every statement, with a little noise.

    Participants are named "c<camp>-p<n>" and statements "s<n>"; returns (votes, camp of participant).
    """
    rng = np.random.default_rng(seed)
    votes, camp_of = [], {}
    for camp, stance in enumerate(stances):
        for number in range(per_camp):
            participant = f"c{camp}-p{number}"
            camp_of[participant] = camp
            for statement, vote in enumerate(stance):
                draw = rng.random()
                if draw < pass_rate:
                    vote = PASSES
                elif draw < pass_rate + flip:
                    vote = -vote
                votes.append((participant, f"s{statement}", int(vote)))
    return votes, camp_of


def partition(mapping):
    """The groups of a participant → group mapping, as a set of frozensets (labels do not matter)."""
    groups = {}
    for participant, group in mapping.items():
        groups.setdefault(group, set()).add(participant)
    return {frozenset(members) for members in groups.values()}


TWO_CAMPS = [[AGREES] * 6 + [DISAGREES] * 6, [DISAGREES] * 6 + [AGREES] * 6]
THREE_CAMPS = [
    [AGREES] * 4 + [DISAGREES] * 8,
    [DISAGREES] * 4 + [AGREES] * 4 + [DISAGREES] * 4,
    [DISAGREES] * 8 + [AGREES] * 4,
]
# Statements 12 and 13: every camp agrees with the first and rejects the second.
SHARED = [AGREES, DISAGREES]


def test_two_camps_are_two_groups():
    votes, camp_of = camps(TWO_CAMPS, per_camp=20)

    result = map_opinions(votes)

    assert partition(result.group_of) == partition(camp_of)
    assert result.structure_ratio > STRUCTURE_MARGIN
    assert [len(group.members) for group in result.groups] == [20, 20]
    assert set(result.coordinates) == set(camp_of)


def test_three_camps_are_three_groups():
    votes, camp_of = camps(THREE_CAMPS, per_camp=20)

    result = map_opinions(votes)

    assert partition(result.group_of) == partition(camp_of)
    assert len(result.groups) == 3


def test_one_camp_without_structure_is_flagged_but_still_grouped_as_polis_does():
    # Everyone holds the same views; who dissents where is noise, unrelated across statements. Pol.is
    # still shows groups, and so do we; the map says the structure is weak.
    votes, camp_of = camps([[AGREES] * 8 + [DISAGREES] * 4], per_camp=60, flip=0.2, pass_rate=0.1)

    result = map_opinions(votes)

    assert result.structure_ratio <= STRUCTURE_MARGIN
    assert result.weak_structure
    assert len(result.groups) >= 2
    assert result.silhouette is not None
    assert len(result.group_of) == 60


def test_real_camps_are_not_weak_structure():
    votes, _ = camps(TWO_CAMPS, per_camp=20)

    assert not map_opinions(votes).weak_structure


def test_a_far_outlier_is_not_a_group_of_its_own():
    # 100 participants in one camp, 10 in another nearby, one far away: the best silhouette would split
    # off the lone outlier; a group must hold at least MIN_GROUP_SHARE of the placed participants.
    rng = np.random.default_rng(0)
    points = np.vstack([rng.normal(0, 0.5, (100, 2)), rng.normal((6, 0), 0.5, (10, 2)), [[30.0, 0.0]]])

    labels, silhouette = _group_labels(points, max_groups=5, seed=0)

    sizes = np.bincount(labels)
    assert sizes.min() >= MIN_GROUP_SHARE * len(points)
    assert len(set(labels[100:110])) == 1 and labels[100] != labels[0]  # the small camp is a group
    assert silhouette is not None


def test_outliers_everywhere_still_give_groups():
    # Every k-means run splits off the lone outlier: better that grouping than one group.
    points = np.vstack([np.random.default_rng(0).normal(0, 0.5, (200, 2)), [[40.0, 0.0]]])

    labels, silhouette = _group_labels(points, max_groups=5, seed=0)

    assert len(set(labels)) >= 2 and silhouette is not None


def test_max_groups_one_puts_everyone_in_one_group():
    votes, _ = camps(TWO_CAMPS, per_camp=20)

    result = map_opinions(votes, max_groups=1)

    assert len(result.groups) == 1


def test_each_group_is_represented_by_its_own_stance():
    votes, camp_of = camps(TWO_CAMPS, per_camp=20)
    result = map_opinions(votes)

    for group in result.groups:
        stance = TWO_CAMPS[camp_of[group.members[0]]]
        assert group.representative, "each camp differs from the other on every statement"
        for statement in group.representative:
            expected = AGREE if stance[int(statement.statement_id[1:])] == AGREES else DISAGREE
            assert statement.direction == expected
            assert statement.difference_z > Z_90 and statement.majority_z > Z_90
            if expected == AGREE:
                assert statement.agree_share > 0.5 > statement.rest_agree_share
            else:
                assert statement.disagree_share > 0.5 > statement.rest_disagree_share
        directions = [statement.direction for statement in group.representative]
        assert directions == sorted(directions, key=lambda direction: direction != AGREE)  # agrees first


def test_consensus_is_what_every_group_agrees_with_or_rejects():
    votes, _ = camps([stance + SHARED for stance in TWO_CAMPS], per_camp=20)

    result = map_opinions(votes)

    assert len(result.groups) == 2
    assert [s.statement_id for s in result.consensus.agreed] == ["s12"]
    assert [s.statement_id for s in result.consensus.rejected] == ["s13"]
    agreed, rejected = result.consensus.agreed[0], result.consensus.rejected[0]
    assert all(figures.agree_share > 0.8 for figures in agreed.by_group)
    assert all(figures.disagree_share > 0.8 for figures in rejected.by_group)
    assert 0.5 < agreed.group_aware_consensus <= np.prod([f.probability for f in agreed.by_group]) + 1e-12
    assert [figures.group for figures in agreed.by_group] == [0, 1]


def test_participants_with_too_few_votes_are_left_out_and_say_why():
    votes, camp_of = camps(TWO_CAMPS, per_camp=10)
    votes += [("newcomer", "s0", AGREES), ("newcomer", "s1", AGREES), ("newcomer", "s7", DISAGREES)]

    result = map_opinions(votes, min_votes=7)

    assert "newcomer" not in result.group_of
    assert "newcomer" not in result.coordinates
    assert result.left_out == {"newcomer": TOO_FEW_VOTES}
    assert set(result.group_of) == set(camp_of)


def test_min_votes_is_capped_by_the_number_of_statements():
    # Pol.is places whoever voted on every statement when there are fewer than min_votes of them.
    votes, camp_of = camps([[AGREES] * 5, [DISAGREES] * 5], per_camp=10, flip=0, pass_rate=0)

    result = map_opinions(votes, min_votes=7)

    assert result.min_votes == 5
    assert set(result.group_of) == set(camp_of)


def test_excluded_statements_are_off_the_map():
    votes, _ = camps(TWO_CAMPS, per_camp=10)

    result = map_opinions(votes, exclude_statements={"s0", "s1", "never voted on"})

    assert result.excluded_statements == ("s0", "s1")
    assert "s0" not in result.statement_coordinates and "s0" not in result.statements
    shown = [s.statement_id for group in result.groups for s in group.representative]
    shown += [s.statement_id for s in result.consensus.agreed + result.consensus.rejected]
    assert not {"s0", "s1"} & set(shown)


def test_statement_positions_point_where_its_agreeing_camp_sits():
    votes, camp_of = camps(TWO_CAMPS, per_camp=20)
    result = map_opinions(votes)

    for camp in (0, 1):
        camp_centre = np.mean([result.coordinates[p] for p, c in camp_of.items() if c == camp], axis=0)
        agreed = [f"s{s}" for s, vote in enumerate(TWO_CAMPS[camp]) if vote == AGREES]
        for statement in agreed:
            assert np.dot(result.statement_coordinates[statement], camp_centre) > 0


def test_the_last_vote_counts_when_votes_have_no_timestamps():
    votes, _ = camps([stance + SHARED for stance in TWO_CAMPS], per_camp=20, flip=0, pass_rate=0)
    # c0-p0 agreed with s12 like everyone, then changed their mind.
    votes.append(("c0-p0", "s12", DISAGREES))

    result = map_opinions(votes)

    figures = {f.group: f for f in result.consensus.agreed[0].by_group}
    group = result.group_of["c0-p0"]
    assert figures[group].votes == 20
    assert figures[group].disagree_share == pytest.approx(1 / 20)


def test_the_latest_timestamp_counts_whatever_the_order():
    votes, _ = camps([stance + SHARED for stance in TWO_CAMPS], per_camp=20, flip=0, pass_rate=0)
    timestamped = [(*vote, 100) for vote in votes]
    # An earlier vote listed last does not replace the later one; a later one does.
    changed = timestamped + [("c0-p0", "s12", DISAGREES, 50), ("c0-p1", "s12", DISAGREES, 200)]

    ordered = map_opinions(changed)
    shuffled = changed[:]
    random.Random(1).shuffle(shuffled)

    assert map_opinions(shuffled) == ordered
    figures = {f.group: f for f in ordered.consensus.agreed[0].by_group}
    assert figures[ordered.group_of["c0-p0"]].disagree_share == pytest.approx(1 / 20)


def test_same_input_same_map_and_the_order_of_unique_votes_does_not_matter():
    # Unique (participant, statement) pairs: with duplicates, order decides which vote is the last.
    votes, _ = camps(THREE_CAMPS, per_camp=15, flip=0.15, pass_rate=0.1)
    shuffled = votes[:]
    random.Random(7).shuffle(shuffled)

    result = map_opinions(votes, seed=3)

    assert map_opinions(votes, seed=3) == result
    assert map_opinions(shuffled, seed=3) == result


def test_ids_of_any_hashable_kind():
    votes, camp_of = camps(TWO_CAMPS, per_camp=10)
    renamed = {participant: (i if i % 2 else ("person", i)) for i, participant in enumerate(camp_of)}
    mixed = [(renamed[p], int(s[1:]) if int(s[1:]) % 2 else s, v) for p, s, v in votes]

    result = map_opinions(mixed)

    assert partition(result.group_of) == partition({renamed[p]: c for p, c in camp_of.items()})
    assert result.statements[:3] == (1, 3, 5)  # ints in their order, then strings in theirs


# Bad input: a clear ValueError or a defined result, never a crash deep inside numpy.


def test_no_votes_give_an_empty_map():
    for votes in ([], (), iter([])):
        result = map_opinions(votes)

        assert result.group_of == {} and result.coordinates == {} and result.left_out == {}
        assert result.groups == ()
        assert result.consensus.agreed == () and result.consensus.rejected == ()


def test_a_single_participant_is_one_group_of_one():
    votes = [("only", f"s{s}", AGREES if s % 3 else DISAGREES) for s in range(8)]

    result = map_opinions(votes)

    assert result.group_of == {"only": 0}
    assert result.coordinates["only"] == (0.0, 0.0)
    assert result.groups[0].members == ("only",)


def test_nobody_placed():
    votes = [("a", "s0", AGREES), ("a", "s1", AGREES), ("b", "s2", DISAGREES), ("c", "s3", PASSES)]

    result = map_opinions(votes, min_votes=2)

    assert result.group_of == {"a": 0}
    assert result.left_out == {"b": TOO_FEW_VOTES, "c": TOO_FEW_VOTES}
    assert map_opinions(votes, min_votes=3).groups == ()
    assert map_opinions(votes, min_votes=3).consensus.agreed == ()


def test_identical_voters_are_one_group():
    votes = [(f"p{p}", f"s{s}", AGREES) for p in range(30) for s in range(10)]

    result = map_opinions(votes)

    assert len(result.groups) == 1 and len(result.group_of) == 30


def test_a_statement_only_left_out_participants_voted_on():
    votes, camp_of = camps(TWO_CAMPS, per_camp=10)
    votes += [("lurker", "lonely", AGREES)]

    result = map_opinions(votes)

    assert "lonely" in result.statements
    assert result.left_out == {"lurker": TOO_FEW_VOTES}
    assert set(result.group_of) == set(camp_of)
    assert "lonely" not in [s.statement_id for group in result.groups for s in group.representative]


def test_every_statement_excluded():
    votes, camp_of = camps(TWO_CAMPS, per_camp=10)

    result = map_opinions(votes, exclude_statements=[f"s{s}" for s in range(12)])

    assert result.statements == ()
    assert len(result.groups) == 1 and set(result.group_of) == set(camp_of)


@pytest.mark.parametrize("vote", [2, -2, 0.5, "1", None, float("nan"), 1j])
def test_a_vote_outside_agree_disagree_pass_is_refused(vote):
    votes, _ = camps(TWO_CAMPS, per_camp=5)
    votes.append(("c0-p0", "s0", vote))

    with pytest.raises(ValueError, match="a vote must be 1 .agree., -1 .disagree. or 0 .pass."):
        map_opinions(votes)


def test_votes_as_floats_or_numpy_numbers_are_accepted():
    votes, _ = camps(TWO_CAMPS, per_camp=10)

    assert map_opinions([(p, s, float(v)) for p, s, v in votes]) == map_opinions(votes)
    assert map_opinions([(p, s, np.int8(v)) for p, s, v in votes]) == map_opinions(votes)


@pytest.mark.parametrize(
    "bad_vote", [("c0-p0", "s0"), ("c0-p0", "s0", 1, 5, "extra"), 7, "c0-p0"], ids=["pair", "five", "int", "str"]
)
def test_a_vote_that_is_not_a_triple_is_refused(bad_vote):
    votes, _ = camps(TWO_CAMPS, per_camp=5)
    votes.append(bad_vote)

    with pytest.raises(ValueError, match="each vote must be"):
        map_opinions(votes)


def test_unhashable_ids_are_refused():
    with pytest.raises(ValueError, match="participant ids must be hashable"):
        map_opinions([(["p"], "s0", AGREES), (["q"], "s0", AGREES)])
    with pytest.raises(ValueError, match="exclude_statements"):
        map_opinions([("p", "s0", AGREES)], exclude_statements=[["s0"]])


def test_votes_that_are_not_iterable_are_refused():
    with pytest.raises(ValueError, match="iterable"):
        map_opinions(None)


@pytest.mark.parametrize(
    "parameters", [{"min_votes": 0}, {"max_groups": 0}, {"seed": -1}, {"min_votes": 2.5}, {"max_groups": True}]
)
def test_bad_parameters_are_refused(parameters):
    with pytest.raises(ValueError, match="must be an integer"):
        map_opinions([("p", "s", AGREES)], **parameters)
