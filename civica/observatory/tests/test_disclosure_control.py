"""Statistical disclosure control (disclosure.protect) and the sector's figures (sector): plain data, no
database, except the last tests, which read through the selectors every page uses.

The property tests play the attacker: for random organisations' values and random breakdowns, they
compute, independently of ``disclosure``, every figure an attacker can get from what is published (a
cell, the difference of two cells, a total less its published groups) and check that none of them is
one organisation's value alone (or an aggregate of fewer organisations than the threshold)."""

from collections import defaultdict
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from civica.observatory import disclosure
from civica.observatory.impact import sector
from civica.observatory.models import Aggregation

D = Decimal
MINIMUM = 3


def protect(cells, **options):
    return disclosure.protect(cells, minimum=options.pop("minimum", MINIMUM), share=options.pop("share", D(0)),
                              **options)


def published(result):
    return {key: aggregate.value for key, aggregate in result.items() if not aggregate.suppressed}


# --- Named attacks -------------------------------------------------------------------------------------

def test_a_cell_of_fewer_organisations_than_the_threshold_is_withheld():
    result = protect({(2021, "", ""): {"a": D(5), "b": D(7)}})
    assert result[2021, "", ""] == disclosure.Aggregate(None, 2, disclosure.TOO_FEW)


def test_differencing_attempt_all_organisations_against_all_but_one_category():
    """The differencing attempt of the issue: "all organisations" (A–E) is published, and so is the category
    holding A–D; their difference is E's value alone. One of the two must go: the category."""
    everyone = {"a": D(10), "b": D(20), "c": D(30), "d": D(40), "e": D(55)}
    cells = {(2021, "", ""): everyone,
             (2021, "category", "museums"): {name: everyone[name] for name in "abcd"},
             (2021, "category", "theatres"): {"e": D(55)}}
    result = protect(cells)
    shown = published(result)
    assert result[2021, "category", "theatres"].reason == disclosure.TOO_FEW
    assert result[2021, "category", "museums"].reason == disclosure.SECONDARY
    assert shown == {(2021, "", ""): D(155)}
    # Nothing published, alone or subtracted, gives E's 55.
    assert D(55) not in shown.values()


def test_a_total_with_all_but_one_groups_published_loses_the_smallest_group_too():
    values = {name: D(value) for name, value in zip("abcdefghi", (5, 6, 7, 50, 60, 70, 8, 9, 11), strict=True)}
    cells = {(2021, "", ""): values,
             (2021, "domain", "film"): {name: values[name] for name in "abc"},
             (2021, "domain", "music"): {name: values[name] for name in "def"},
             (2021, "domain", "theatre"): {name: values[name] for name in "gh"},  # 2: withheld
             }
    values["i"] = D(11)  # an organisation with no domain: total − film − music = g + h + i: three, safe
    result = protect(cells)
    assert result[2021, "domain", "theatre"].reason == disclosure.TOO_FEW
    assert not result[2021, "domain", "film"].suppressed and not result[2021, "domain", "music"].suppressed
    # Without i, total − film − music would be g + h: two organisations; the smaller group goes too.
    del values["i"]
    result = protect(cells)
    assert result[2021, "domain", "film"].reason == disclosure.SECONDARY
    assert not result[2021, "domain", "music"].suppressed
    assert not result[2021, "", ""].suppressed


def test_one_organisation_joining_in_a_year_where_no_other_value_changed():
    before = {"a": D(10), "b": D(20), "c": D(30)}
    cells = {(2021, "", ""): before, (2022, "", ""): {**before, "d": D(42)}}
    result = protect(cells)
    # 2022 − 2021 would be d's 42: the smaller of the two goes.
    assert result[2021, "", ""].reason == disclosure.SECONDARY
    assert result[2022, "", ""].value == D(102)
    # When the others' values changed too, the difference is only an estimate: both are published.
    cells[2022, "", ""] = {"a": D(11), "b": D(19), "c": D(33), "d": D(42)}
    assert published(protect(cells)).keys() == {(2021, "", ""), (2022, "", "")}


def test_the_dominance_rule_withholds_a_sum_made_mostly_by_one_organisation():
    cells = {(2021, "", ""): {"big": D(900), "b": D(50), "c": D(50)}}
    assert protect(cells, share=D("0.85"))[2021, "", ""].reason == disclosure.DOMINATED
    assert not protect(cells, share=D("0.95"))[2021, "", ""].suppressed
    assert not protect(cells, share=D(0))[2021, "", ""].suppressed


def test_each_reason_has_its_sentence(settings):
    from django.utils import translation

    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    with translation.override("en"):
        assert disclosure.reason_text(disclosure.TOO_FEW) == "Withheld: fewer than 3 organisations answered."
        assert "one organisation" in disclosure.reason_text(disclosure.DOMINATED)
        assert "reveal" in disclosure.reason_text(disclosure.SECONDARY)
        assert disclosure.reason_text("") == ""


def test_medians_get_primary_suppression_only():
    cells = {(2021, "", ""): {"a": D(1), "b": D(2), "c": D(3), "d": D(4)},
             (2021, "category", "x"): {"a": D(1), "b": D(2), "c": D(3)}}
    result = protect(cells, how=Aggregation.MEDIAN)
    assert result[2021, "", ""].value == D("2.5") and result[2021, "category", "x"].value == D(2)


def test_a_mean_is_audited_as_its_sum():
    # The counts are published, so mean × count gives the sum: the category of A–D against everyone is E.
    everyone = {"a": D(10), "b": D(20), "c": D(30), "d": D(40), "e": D(55)}
    cells = {(2021, "", ""): everyone, (2021, "category", "x"): {name: everyone[name] for name in "abcd"}}
    assert protect(cells, how=Aggregation.MEAN)[2021, "category", "x"].reason == disclosure.SECONDARY


# --- The attacker's property ---------------------------------------------------------------------------

def subtract(first, second):
    """What ``first − second`` is an aggregate of: whoever is in one only, whatever their value, and
    whoever is in both with two different values (the same value cancels out)."""
    return {org: first.get(org, D(0)) - second.get(org, D(0)) for org in first.keys() | second.keys()
            if org not in first or org not in second or first[org] != second[org]}


def attacks(cells, shown):
    """Every figure computable from ``shown`` by one subtraction, as ``(what, difference set)`` where the
    difference set is {organisation: contribution} of the organisations the figure depends on."""
    keys = sorted(shown)
    for key in keys:
        yield ("cell", key), {org: value for org, value in cells[key].items()}
    for index, first in enumerate(keys):
        for second in keys[index + 1:]:
            difference = subtract(cells[first], cells[second])
            same_year, same_place = first[0] == second[0], first[1:] == second[1:]
            if same_year or same_place:
                yield ("pair", first, second), difference
    by_year_breakdown = defaultdict(list)
    for key in keys:
        if key[1]:
            by_year_breakdown[key[0], key[1]].append(key)
    for (year, _breakdown), groups in by_year_breakdown.items():
        if (year, "", "") not in shown:
            continue
        parts = defaultdict(Decimal)
        for key in groups:
            for org, value in cells[key].items():
                parts[org] += value
        yield ("residual", year, _breakdown), subtract(cells[year, "", ""], parts)


organisation_values = st.dictionaries(
    st.sampled_from([f"org{number}" for number in range(12)]),
    st.tuples(st.integers(min_value=0, max_value=1000),  # the value
              st.integers(min_value=0, max_value=3),  # the group of breakdown 1 (3: gave none)
              st.integers(min_value=0, max_value=2),  # the group of breakdown 2
              st.booleans(),  # present the year after
              st.booleans()),  # same value the year after
    min_size=0, max_size=12)


def build(values):
    cells = defaultdict(dict)
    for org, (value, first, second, stays, same) in values.items():
        for year, amount in ((2021, D(value)), (2022, D(value) if same else D(value + 7))):
            if year == 2022 and not stays:
                continue
            cells[year, "", ""][org] = amount
            if first < 3:
                cells[year, "domain", f"d{first}"][org] = amount
            cells[year, "category", f"c{second}"][org] = amount
    return dict(cells)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=organisation_values, minimum=st.integers(min_value=2, max_value=4))
def test_no_published_figure_nor_difference_of_two_reveals_one_organisation(values, minimum):
    cells = build(values)
    shown = published(protect(cells, minimum=minimum))
    for attack, difference in attacks(cells, shown):
        # Empty: the figures are equal and say nothing of anyone. Otherwise never fewer than the minimum.
        assert len(difference) == 0 or len(difference) >= minimum, (attack, difference)
        if len(difference) == 1:  # (covered by the line above; the words, kept explicit)
            pytest.fail(f"{attack} reveals {difference}")


@hypothesis_settings(max_examples=150, deadline=None)
@given(values=organisation_values)
def test_the_dominance_rule_holds_for_cells_and_differences_of_a_year(values):
    cells = build(values)
    share = D("0.85")
    shown = published(protect(cells, share=share))
    for attack, difference in attacks(cells, shown):
        if attack[0] == "pair" and attack[1][0] != attack[2][0]:
            continue  # two years: only the count is audited (disclosure's docstring)
        sizes = [abs(value) for value in difference.values()]
        if len(sizes) > 1 and sum(sizes):
            assert max(sizes) <= share * sum(sizes), (attack, difference)


@hypothesis_settings(max_examples=100, deadline=None)
@given(values=organisation_values)
def test_protecting_is_stable_and_publishes_true_sums(values):
    cells = build(values)
    result = protect(cells)
    for key, aggregate in result.items():
        if not aggregate.suppressed:
            assert aggregate.value == sum(cells[key].values(), D(0))
    assert protect(cells) == result


# --- The sector's figures ------------------------------------------------------------------------------

def test_the_sector_figures_are_withheld_below_their_thresholds(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    settings.CIVICA_OBSERVATORY_MIN_FOR_MEDIAN = 3
    settings.CIVICA_OBSERVATORY_MIN_FOR_QUARTILES = 5
    assert sector.sector_figures([D(1), D(2)]) == sector.SectorFigures(2, reason=sector.TOO_FEW_FOR_MEDIAN)
    four = sector.sector_figures([D(1), D(2), D(3), D(10)])
    assert (four.median, four.lower_quartile, four.reason) == (D("2.5"), None, sector.TOO_FEW_FOR_QUARTILES)
    five = sector.sector_figures([D(10), D(20), D(30), D(40), D(50)])
    assert (five.lower_quartile, five.median, five.upper_quartile) == (D(15), D(30), D(45))


def test_the_sector_thresholds_never_fall_below_the_publication_threshold(settings):
    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 4
    settings.CIVICA_OBSERVATORY_MIN_FOR_MEDIAN = 2
    settings.CIVICA_OBSERVATORY_MIN_FOR_QUARTILES = 3
    assert (sector.minimum_for_median(), sector.minimum_for_quartiles()) == (4, 4)
    assert sector.sector_figures([D(1), D(2), D(3)]).median is None


@given(st.lists(st.integers(min_value=-10**6, max_value=10**6), min_size=0, max_size=30))
def test_the_quartiles_are_ordered_and_within_the_values(numbers):
    values = [D(number) for number in numbers]
    figures = sector.sector_figures(values)
    assert figures.organisations == len(values)
    if figures.lower_quartile is not None:
        assert min(values) <= figures.lower_quartile <= figures.median <= figures.upper_quartile <= max(values)


# --- Through the selectors every page and download uses -------------------------------------------------

@pytest.mark.django_db
def test_the_differencing_attempt_through_the_selectors(settings, django_assert_max_num_queries):
    """Five museums and one theatre answer: "all organisations" and "museums" are both aggregates of enough
    organisations, but their difference is the theatre's value. The table, and the series of every
    breakdown, publish the total and withhold the museums (secondary) and the theatre (too few)."""
    from civica.network.models import Category
    from civica.network.tests.factories import OrganisationFactory
    from civica.observatory.models import Breakdown
    from civica.observatory.selectors import published_series, published_table
    from civica.observatory.tests.factories import IndicatorFactory, OrganisationValueFactory

    settings.CIVICA_OBSERVATORY_MIN_ORGANISATIONS = 3
    settings.CIVICA_OBSERVATORY_DOMINANCE_SHARE = "0.85"
    indicator = IndicatorFactory(breakdowns=[Breakdown.CATEGORY])
    museums = OrganisationFactory.create_batch(5, category=Category.CULTURAL_INSTITUTION)
    theatre = OrganisationFactory(category=Category.CIVIL_SOCIETY)
    for organisation, value in zip([*museums, theatre], (10, 20, 30, 40, 50, 77), strict=True):
        OrganisationValueFactory(indicator=indicator, organisation=organisation, value=D(value))
        OrganisationValueFactory(indicator=indicator, organisation=organisation, value=D(value),
                                 breakdown=Breakdown.CATEGORY, group=organisation.category)
    with django_assert_max_num_queries(2):
        table = published_table(indicator, breakdown=Breakdown.CATEGORY)
    assert table.years == [2021] and table.groups == [Category.CIVIL_SOCIETY, Category.CULTURAL_INSTITUTION]
    assert table.totals[2021].value == D(227) and table.totals[2021].organisations == 6
    lonely, many = table.rows[2021]
    assert (lonely.value, lonely.reason) == (None, disclosure.TOO_FEW)
    assert (many.value, many.reason, many.organisations) == (None, disclosure.SECONDARY, 5)
    by_category = published_series(indicator, breakdown=Breakdown.CATEGORY)
    assert [point.value for point in by_category] == [None, None]
    assert [point.value for point in published_series(indicator)] == [D(227)]
