"""The result of a motion from plain numbers: no database, so it is tested on plain data.

- turnout: the organisations that voted over the member organisations when voting opened (the
  electorate snapshotted by ``motion_open``);
- quorum: met when at least ``quorum_percent`` % of the electorate voted;
- majority, for a for/against motion (abstentions are votes cast, never votes for):
  ``simple``: more for than against; ``absolute``: for from more than half of the electorate;
  ``two_thirds``: for from at least two thirds of the votes cast;
- for a choice, the same rules apply to the option with the most votes, which must lead alone (a tie
  for first place chooses nothing);
- adopted when quorum and majority are both met (for a choice: the leading option is chosen)."""

from dataclasses import dataclass
from fractions import Fraction

FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
SIMPLE, ABSOLUTE, TWO_THIRDS = "simple", "absolute", "two_thirds"


@dataclass(frozen=True)
class Count:
    option: object  # what the caller identifies an option by (its id)
    key: str  # for / against / abstain, or "" for an option of a choice
    votes: int


@dataclass(frozen=True)
class Result:
    counts: tuple[Count, ...]
    votes: int
    electorate: int
    turnout: Fraction
    quorum_met: bool
    majority_met: bool
    leader: object | None  # the option that leads alone (None on a tie or with no votes)

    @property
    def adopted(self) -> bool:
        return self.quorum_met and self.majority_met

    @property
    def turnout_percent(self) -> float:
        return float(self.turnout * 100)


def _majority_met(rule: str, *, winning: int, losing: int, votes: int, electorate: int) -> bool:
    if rule == SIMPLE:
        return winning > losing
    if rule == ABSOLUTE:
        return winning * 2 > electorate
    if rule == TWO_THIRDS:
        return votes > 0 and winning * 3 >= votes * 2
    raise ValueError(f"unknown majority rule: {rule}")


def tally(*, counts: list[Count], electorate: int, quorum_percent: int, majority: str, choice: bool) -> Result:
    """The result of ``counts`` (one ``Count`` per option, in the motion's order)."""
    votes = sum(count.votes for count in counts)
    electorate = max(electorate, votes)  # never a turnout above 100 % (members joined after the opening)
    turnout = Fraction(votes, electorate) if electorate else Fraction(0)
    quorum_met = votes * 100 >= quorum_percent * electorate
    if choice:
        ranked = sorted(counts, key=lambda count: count.votes, reverse=True)
        first = ranked[0].votes if ranked else 0
        second = ranked[1].votes if len(ranked) > 1 else 0
        leader = ranked[0].option if ranked and first > second else None
        majority_met = leader is not None and _majority_met(majority, winning=first, losing=second, votes=votes,
                                                            electorate=electorate)
    else:
        by_key = {count.key: count.votes for count in counts}
        in_favour, against = by_key.get(FOR, 0), by_key.get(AGAINST, 0)
        majority_met = _majority_met(majority, winning=in_favour, losing=against, votes=votes, electorate=electorate)
        leader = next((count.option for count in counts if count.key == FOR), None) if majority_met else None
    return Result(counts=tuple(counts), votes=votes, electorate=electorate, turnout=turnout, quorum_met=quorum_met,
                  majority_met=majority_met, leader=leader)
