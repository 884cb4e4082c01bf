from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from civica.core.formatting import format_decimal, format_money

TOTAL_INCOME_2021 = Decimal("11155779.75")  # TOTAL VENITURI, Plan 2021 (seeds/000)


def test_romanian_number_format():
    with translation.override("ro"):
        assert format_decimal(TOTAL_INCOME_2021) == "11.155.779,75"
        assert format_money(TOTAL_INCOME_2021) == "11.155.779,75 lei"
        assert format_money(Decimal("4193.85")) == "4.193,85 lei"


def test_english_number_format():
    with translation.override("en"):
        assert format_decimal(TOTAL_INCOME_2021) == "11,155,779.75"
        assert format_money(TOTAL_INCOME_2021) == "11,155,779.75 lei"


def test_money_filter_in_templates_follows_the_active_language():
    template = Template("{{ amount|money }}")
    with translation.override("ro"):
        assert template.render(Context({"amount": TOTAL_INCOME_2021})) == "11.155.779,75 lei"
    with translation.override("en"):
        assert template.render(Context({"amount": TOTAL_INCOME_2021})) == "11,155,779.75 lei"


def test_dates_are_formatted_by_locale():
    import datetime

    template = Template('{{ day|date:"DATE_FORMAT" }}')
    day = datetime.date(2020, 3, 6)  # the General Assembly that approved the 2020 plan
    with translation.override("ro"):
        assert template.render(Context({"day": day})) == "6 martie 2020"
    with translation.override("en"):
        assert template.render(Context({"day": day})) == "6 March 2020"


def test_missing_amount_renders_empty():
    assert format_money(None) == ""


def test_time_values_are_valid_html_on_the_sites_clock():
    """``<time datetime>`` takes at most three digits of a second (the Nu HTML checker's error on
    comments, whose times have microseconds): moments go to the second, on Bucharest's clock."""
    import datetime

    from civica.core.formatting import html_datetime

    moment = datetime.datetime(2026, 11, 27, 13, 10, 54, 769551, tzinfo=datetime.UTC)
    template = Template('<time datetime="{{ moment|html_datetime }}">')
    assert template.render(Context({"moment": moment})) == '<time datetime="2026-11-27T15:10:54+02:00">'
    summer = datetime.datetime(2026, 7, 1, 23, 30, tzinfo=datetime.UTC)  # already the 2nd in Cluj
    assert html_datetime(summer, "day") == "2026-07-02"
    assert html_datetime(summer, "month") == "2026-07"
    assert html_datetime(datetime.date(2021, 3, 6)) == "2021-03-06"
    assert html_datetime(datetime.date(2021, 3, 6), "month") == "2021-03"
    assert html_datetime(None) == ""
