"""What sets each group apart, and what all groups share: Pol.is's statistics over vote counts.

Plain arrays in, plain records out; `opinion_map` calls this once the groups are known. Every figure
is the one Pol.is computes in `math/src/polismath/math/repness.clj` and `stats.clj`:

- smoothed probability of a vote: (count + 1) / (votes + 2), the "+1 pseudo-count" prior;
- one-proportion test of a majority: 2·sqrt(n + 1)·((count + 1)/(n + 1) − ½);
- two-proportion test, group against the rest, with +1 added to each of the four counts;
- significance: z above 1.2816, one-sided 90 %.

"Votes" on a statement are all of a group's votes on it: agree, disagree and pass (Pol.is's "seen").
"""

from dataclasses import dataclass

import numpy as np

Z_90 = 1.2816  # one-sided 90 % normal quantile, the threshold Pol.is uses (`z-sig-90?`)
REPRESENTATIVE_PER_GROUP = 5  # Pol.is shows at most five statements per group
CONSENSUS_PER_DIRECTION = 5
AGREE = "agree"
DISAGREE = "disagree"


@dataclass(frozen=True)
class RepresentativeStatement:
    """A statement on which one group votes unlike the rest of the participants."""

    statement_id: object
    direction: str  # AGREE or DISAGREE: what the group does more than the rest
    votes: int  # the group's votes on it, passes included
    agree_share: float  # of the group's votes, the share that agreed
    disagree_share: float
    rest_agree_share: float  # the same shares among everyone placed outside the group
    rest_disagree_share: float
    probability: float  # Pol.is's smoothed probability of the group voting in `direction`
    representativeness: float  # that probability over the rest's smoothed probability
    majority_z: float  # one-proportion test: the group votes in `direction` more often than not
    difference_z: float  # two-proportion test: the group does so more often than the rest
    metric: float  # Pol.is's ranking: representativeness · difference_z · probability · majority_z


@dataclass(frozen=True)
class GroupFigures:
    """How one group voted on a consensus statement."""

    group: int
    votes: int
    agree_share: float
    disagree_share: float
    probability: float  # smoothed probability of the consensus direction
    majority_z: float


@dataclass(frozen=True)
class ConsensusStatement:
    statement_id: object
    direction: str
    # Pol.is's group-aware consensus: the product over groups of the smoothed probability of
    # `direction`, high only when every group, small ones included, leans the same way.
    group_aware_consensus: float
    by_group: tuple[GroupFigures, ...]


@dataclass(frozen=True)
class Consensus:
    agreed: tuple[ConsensusStatement, ...]  # broadly agreed on, best first
    rejected: tuple[ConsensusStatement, ...]  # broadly disagreed with, best first


def smoothed(count, votes):
    return (count + 1.0) / (votes + 2.0)


def majority_z(count, votes):
    return 2.0 * np.sqrt(votes + 1.0) * ((count + 1.0) / (votes + 1.0) - 0.5)


def difference_z(count, votes, rest_count, rest_votes):
    share, rest_share = (count + 1.0) / (votes + 1.0), (rest_count + 1.0) / (rest_votes + 1.0)
    pooled = (count + rest_count + 2.0) / (votes + rest_votes + 2.0)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / (votes + 1.0) + 1.0 / (rest_votes + 1.0)))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (share - rest_share) / spread
    # Pol.is answers 0 when the pooled share is 1: nothing tells the group from the rest.
    return np.where(spread > 0, z, 0.0)


def share(count, votes):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(votes > 0, count / np.maximum(votes, 1), 0.0)


def representative_statements(agree, disagree, votes, statement_ids):
    """Per group, the statements it votes on unlike the rest, best first (agrees before disagrees).

    `agree`, `disagree`, `votes`: arrays groups × statements of counts. A statement qualifies in a
    direction when both its tests pass there (the group's majority and its difference from the rest);
    with a single group there is no rest to differ from, so there is none.
    """
    n_groups = agree.shape[0]
    if n_groups < 2:
        return [() for _ in range(n_groups)]
    rest_agree, rest_disagree, rest_votes = (total.sum(axis=0) - total for total in (agree, disagree, votes))
    per_direction = {}
    for direction, count, rest_count in ((AGREE, agree, rest_agree), (DISAGREE, disagree, rest_disagree)):
        probability = smoothed(count, votes)
        representativeness = probability / smoothed(rest_count, rest_votes)
        z_majority = majority_z(count, votes)
        z_difference = difference_z(count, votes, rest_count, rest_votes)
        passes = (z_majority > Z_90) & (z_difference > Z_90)
        metric = representativeness * z_difference * probability * z_majority
        per_direction[direction] = (passes, probability, representativeness, z_majority, z_difference, metric)

    agree_share, disagree_share = share(agree, votes), share(disagree, votes)
    rest_agree_share, rest_disagree_share = share(rest_agree, rest_votes), share(rest_disagree, rest_votes)
    chosen = []
    for group in range(n_groups):
        candidates = []
        for column in range(agree.shape[1]):
            # A significant majority goes one way only, so at most one direction passes.
            passing = [d for d in (AGREE, DISAGREE) if per_direction[d][0][group, column]]
            if not passing:
                continue
            direction = passing[0]
            _, probability, representativeness, z_majority, z_difference, metric = (
                values[group, column] for values in per_direction[direction]
            )
            candidates.append(RepresentativeStatement(
                statement_id=statement_ids[column],
                direction=direction,
                votes=int(votes[group, column]),
                agree_share=float(agree_share[group, column]),
                disagree_share=float(disagree_share[group, column]),
                rest_agree_share=float(rest_agree_share[group, column]),
                rest_disagree_share=float(rest_disagree_share[group, column]),
                probability=float(probability),
                representativeness=float(representativeness),
                majority_z=float(z_majority),
                difference_z=float(z_difference),
                metric=float(metric),
            ))
        # Column order breaks ties, so equal metrics still give one answer.
        best = sorted(candidates, key=lambda statement: -statement.metric)[:REPRESENTATIVE_PER_GROUP]
        chosen.append(tuple(sorted(best, key=lambda statement: statement.direction != AGREE)))
    return chosen


def consensus_statements(agree, disagree, votes, statement_ids):
    """Statements every group agrees with (or every group rejects), by group-aware consensus.

    A statement qualifies when, in every group, the direction has a smoothed probability above ½ and
    a significant majority (Pol.is's consensus test, applied to each group instead of to everyone).
    """
    if votes.shape[0] == 0:
        return Consensus(agreed=(), rejected=())
    by_direction = {}
    agree_share, disagree_share = share(agree, votes), share(disagree, votes)
    for direction, count in ((AGREE, agree), (DISAGREE, disagree)):
        probability = smoothed(count, votes)
        z_majority = majority_z(count, votes)
        qualifies = ((probability > 0.5) & (z_majority > Z_90)).all(axis=0)
        group_aware = probability.prod(axis=0)
        order = sorted(np.flatnonzero(qualifies), key=lambda column: -group_aware[column])
        by_direction[direction] = tuple(
            ConsensusStatement(
                statement_id=statement_ids[column],
                direction=direction,
                group_aware_consensus=float(group_aware[column]),
                by_group=tuple(
                    GroupFigures(
                        group=group,
                        votes=int(votes[group, column]),
                        agree_share=float(agree_share[group, column]),
                        disagree_share=float(disagree_share[group, column]),
                        probability=float(probability[group, column]),
                        majority_z=float(z_majority[group, column]),
                    )
                    for group in range(votes.shape[0])
                ),
            )
            for column in order[:CONSENSUS_PER_DIRECTION]
        )
    return Consensus(agreed=by_direction[AGREE], rejected=by_direction[DISAGREE])
