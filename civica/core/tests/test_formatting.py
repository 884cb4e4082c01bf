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
