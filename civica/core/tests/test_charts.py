"""The chart module on its own: plain data in, SVG out, with the values printed and named."""

import re
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.template import Context, Template
from django.utils import translation

from civica.core import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    # Inline SVG in HTML has no namespace; add it to parse as XML (which also proves the markup is well formed).
    return ElementTree.fromstring(str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def texts(markup):
    return [element.text for element in parse(markup).iter(f"{SVG}text")]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_bar_chart_prints_labels_and_values_and_is_named():
    markup = charts.bar_chart([("Local budget", Decimal("1200000.50")), ("Grants", 300000)],
                              title="Income by source", unit="lei")
    tree = parse(markup)
    assert tree.get("role") == "img"
    title_id, desc_id = tree.get("aria-labelledby").split()
    assert tree.find(f"{SVG}title").get("id") == title_id and tree.find(f"{SVG}title").text == "Income by source"
    assert tree.find(f"{SVG}desc").get("id") == desc_id
    assert "Local budget: 1,200,000 lei" in tree.find(f"{SVG}desc").text
    assert texts(markup) == ["Local budget", "1,200,000 lei", "Grants", "300,000 lei"]
    widths = [float(rect.get("width")) for rect in tree.iter(f"{SVG}rect")]
    assert widths[0] > widths[1] > 0


def test_bar_chart_uses_given_text_and_decimal_places():
    markup = charts.bar_chart([("Yes", 3, "3 (75%)"), ("No", 1.25)], title="Answers", decimal_places=2)
    assert texts(markup) == ["Yes", "3 (75%)", "No", "1.25"]


def test_bar_chart_with_shares_of_the_whole():
    markup = charts.bar_chart([("Fees", 25), ("Grants", 75), ("Nothing", 0)], title="Income", with_share=True)
    assert texts(markup)[1::2] == ["25 (25%)", "75 (75%)", "0 (0%)"]
    assert "(" not in "".join(texts(charts.bar_chart([("a", 0)], title="T", with_share=True))[1:])


def test_numbers_follow_the_active_language():
    with translation.override("ro"):
        assert "1.500" in texts(charts.bar_chart([("A", 1500)], title="T"))


def test_labels_and_titles_are_escaped():
    markup = str(charts.bar_chart([("<script>alert(1)</script> & co", 1)], title='"Quotes" <b>'))
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in markup
    assert texts(markup)[0] == "<script>alert(1)</script> & co"


def test_no_nan_or_infinity_and_zero_data_is_drawn():
    for markup in (
        charts.bar_chart([("a", 0), ("b", None), ("c", float("nan")), ("d", Decimal("NaN")), ("e", float("inf"))],
                         title="Zeros"),
        charts.compare_chart([("a", 0, 0), ("b", None, 5), ("c", float("nan"), None)], title="T", first="F",
                             second="S"),
        charts.column_chart([("1 Jan", 0), ("2 Jan", None)], title="Empty days"),
    ):
        assert not re.search(r"nan|inf", str(markup), re.IGNORECASE)
        parse(markup)
    assert "—" in texts(charts.bar_chart([("b", None)], title="T"))


def test_empty_data_says_so_instead_of_an_empty_picture():
    for markup in (charts.bar_chart([], title="T"), charts.compare_chart(None, title="T", first="a", second="b"),
                   charts.column_chart([], title="T")):
        assert "<svg" not in markup and "Nothing to chart yet." in markup


def test_compare_chart_names_both_series_so_colour_is_not_needed():
    markup = charts.compare_chart([("Participants", 80, 100), ("Events", 12, None)],
                                  title="Indicators against targets", first="Latest", second="Target")
    assert texts(markup) == ["Participants", "Latest: 80", "Target: 100", "Events", "Latest: 12", "Target: —"]
    tree = parse(markup)
    dashed = [rect for rect in tree.iter(f"{SVG}rect") if rect.get("stroke-dasharray")]
    assert len(dashed) == 1  # the second series is outlined and dashed, not only another colour


def test_column_chart_keeps_labels_readable_with_many_points():
    points = [(f"{day} Mar", day) for day in range(1, 31)]
    markup = charts.column_chart(points, title="Registrations")
    tree = parse(markup)
    assert len([rect for rect in tree.iter(f"{SVG}rect")]) == 30
    assert len([text for text in texts(markup) if text.endswith("Mar")]) <= 6
    assert "30 Mar: 30" in tree.find(f"{SVG}desc").text


def test_column_chart_prints_dates_in_the_active_language():
    import datetime

    points = [(datetime.date(2026, 11, 5), 2, 2), (datetime.date(2026, 11, 6), 3, 5)]
    with translation.override("ro"):
        markup = charts.column_chart(points, title="Înscrieri")
    assert "5 nov." in texts(markup) and "6 nov. 2026: 3" in parse(markup).find(f"{SVG}desc").text


def test_ids_are_stable_and_distinct():
    first = charts.bar_chart([("a", 1)], title="T")
    assert first == charts.bar_chart([("a", 1)], title="T")
    assert parse(first).get("aria-labelledby") != parse(charts.bar_chart([("a", 2)], title="T")).get("aria-labelledby")
    assert 'id="mine-title"' in charts.bar_chart([("a", 1)], title="T", chart_id="mine")


def test_template_tags():
    rendered = Template('{% load charts %}{% bar_chart rows title="Poll" %}{% column_chart rows title="Days" %}'
                        '{% compare_chart pairs title="KPI" first="Now" second="Target" %}').render(
        Context({"rows": [("x", 2)], "pairs": [("k", 1, 2)]}))
    assert rendered.count("<svg") == 3 and "&lt;svg" not in rendered


def test_a_reference_line_is_named_once_not_repeated_on_every_row():
    markup = charts.bar_chart([("Participants", 80), ("Events", 120), ("Subscribers", None)], title="KPIs",
                              unit="%", reference=100, reference_label="Target")
    assert markup.count("Target: 100%") == 2  # drawn once, and once in the description
    assert markup.count('class="chart-reference"') == 1
    assert "Participants: 80%" in markup and "Events: 120%" in markup and "Subscribers: —" in markup


def test_line_chart_breaks_at_a_missing_figure_and_says_it_in_words():
    markup = charts.line_chart([("Audience", [(2019, 100), (2020, None), (2021, Decimal("250.5"))])],
                               title="Audience", unit="lei", missing="withheld")
    tree = parse(markup)
    assert tree.get("role") == "img" and tree.find(f"{SVG}title").text == "Audience"
    assert tree.find(f"{SVG}desc").text == "2019: 100 lei; 2020: withheld; 2021: 250 lei"
    assert not [path for path in tree.iter(f"{SVG}path") if "chart-line" in path.get("class")]  # no two in a row
    assert len(list(tree.iter(f"{SVG}circle"))) == 2  # a marker per figure, none for the missing one
    assert ["100 lei", "250 lei"] == [text for text in texts(markup) if "lei" in text]


def test_line_chart_tells_several_series_apart_without_colour():
    markup = charts.line_chart([("Theatres", [(2020, 1), (2021, 2)]), ("Museums", [(2020, 3), (2021, 4)])],
                               title="By category")
    tree = parse(markup)
    lines = [element for element in tree.iter() if "chart-line" in (element.get("class") or "")]
    assert {element.get("stroke-dasharray") for element in lines} == {None, "8 4"}  # each its own dashes
    assert {"Theatres", "Museums"} <= set(texts(markup))  # the legend names them
    assert "Museums 2021: 4" in tree.find(f"{SVG}desc").text
    assert "Nothing to chart yet." in charts.line_chart([], title="Empty")


def test_range_chart_draws_only_the_figures_it_has():
    markup = charts.range_chart([("2020", 120, None, None, None, "Yours: 120 · withheld"),
                                 ("2021", 150, 80, 100, 200, "Yours: 150 · median 100")], title="Impact")
    tree = parse(markup)
    assert len([rect for rect in tree.iter(f"{SVG}rect") if rect.get("class") == "chart-bar-second"]) == 1
    assert len([line for line in tree.iter(f"{SVG}line") if line.get("class") == "chart-reference"]) == 1
    assert tree.find(f"{SVG}desc").text == "2020: Yours: 120 · withheld; 2021: Yours: 150 · median 100"
