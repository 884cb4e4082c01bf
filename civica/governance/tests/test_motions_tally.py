"""The tally on plain numbers: turnout, quorum and each majority rule, for/against and choices."""

from fractions import Fraction

import pytest

from civica.governance.motions.tally import (
    ABSOLUTE,
    ABSTAIN,
    AGAINST,
    FOR,
    SIMPLE,
    TWO_THIRDS,
    Count,
    tally,
)


def for_against(in_favour, against, abstain, *, electorate=10, quorum=50, majority=SIMPLE):
    return tally(counts=[Count("f", FOR, in_favour), Count("a", AGAINST, against), Count("x", ABSTAIN, abstain)],
                 electorate=electorate, quorum_percent=quorum, majority=majority, choice=False)


def choice(*votes, electorate=10, quorum=0, majority=SIMPLE):
    return tally(counts=[Count(index, "", number) for index, number in enumerate(votes)], electorate=electorate,
                 quorum_percent=quorum, majority=majority, choice=True)


def test_turnout_is_votes_over_the_electorate_at_opening():
    result = for_against(3, 1, 1, electorate=10)
    assert (result.votes, result.electorate, result.turnout) == (5, 10, Fraction(1, 2))
    assert result.turnout_percent == 50.0


def test_quorum_is_met_at_exactly_its_share():
    assert for_against(3, 1, 1, electorate=10, quorum=50).quorum_met
    assert not for_against(3, 1, 0, electorate=10, quorum=50).quorum_met
    assert for_against(0, 0, 0, electorate=10, quorum=0).quorum_met


def test_without_quorum_a_motion_with_a_majority_is_rejected():
    result = for_against(4, 0, 0, electorate=10, quorum=50)
    assert result.majority_met and not result.quorum_met and not result.adopted


@pytest.mark.parametrize(("votes", "adopted"), [((4, 3, 3), True), ((3, 3, 4), False), ((3, 4, 3), False),
                                                ((1, 0, 9), True)])
def test_simple_majority_is_more_for_than_against_abstentions_aside(votes, adopted):
    assert for_against(*votes, quorum=0).adopted is adopted


@pytest.mark.parametrize(("in_favour", "adopted"), [(5, False), (6, True)])
def test_absolute_majority_is_more_than_half_of_the_electorate(in_favour, adopted):
    assert for_against(in_favour, 0, 10 - in_favour, electorate=10, quorum=0, majority=ABSOLUTE).adopted is adopted


@pytest.mark.parametrize(("votes", "adopted"), [((6, 3, 0), True), ((5, 3, 1), False), ((6, 2, 1), True),
                                                ((0, 0, 0), False)])
def test_two_thirds_of_the_votes_cast_abstentions_counting_as_cast(votes, adopted):
    assert for_against(*votes, quorum=0, majority=TWO_THIRDS).adopted is adopted


def test_a_choice_is_won_by_the_option_that_leads_alone():
    result = choice(2, 5, 3)
    assert result.adopted and result.leader == 1


def test_a_tie_for_first_place_chooses_nothing():
    result = choice(4, 4, 1)
    assert result.leader is None and not result.adopted


def test_a_choice_by_absolute_majority_needs_more_than_half_of_the_electorate():
    assert not choice(5, 4, electorate=10, majority=ABSOLUTE).adopted
    assert choice(6, 4, electorate=10, majority=ABSOLUTE).adopted


def test_a_choice_by_two_thirds_of_the_votes_cast():
    assert choice(6, 3, majority=TWO_THIRDS).adopted
    assert not choice(5, 3, majority=TWO_THIRDS).adopted


def test_no_votes_no_electorate_no_division_by_zero():
    result = for_against(0, 0, 0, electorate=0, quorum=50)
    assert result.turnout == 0 and result.quorum_met and not result.adopted


def test_turnout_never_exceeds_everyone_when_members_joined_after_the_opening():
    result = for_against(3, 0, 0, electorate=2, quorum=100)
    assert result.turnout == 1 and result.electorate == 3


def test_an_unknown_majority_rule_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown majority"):
        for_against(1, 0, 0, majority="unanimous")
