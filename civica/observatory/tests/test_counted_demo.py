"""The demo's counted indicators: in the centre's own framework, counted from the demo's rows (no figure
typed, so none invented), and loaded again without duplicates."""

import pytest

from civica.observatory.demo import counted as demo_counted
from civica.observatory.models import Indicator, IndicatorValue, ValueOrigin
from civica.participation.tests.factories import IdeaFactory


@pytest.mark.django_db
def test_the_counted_indicators_are_counted_and_load_twice():
    IdeaFactory()  # one person proposed an idea this year
    lines = []
    demo_counted.load(lines.append)
    counts = (Indicator.objects.count(), IndicatorValue.objects.count())
    demo_counted.load(lines.append)
    assert (Indicator.objects.count(), IndicatorValue.objects.count()) == counts
    counted = Indicator.objects.exclude(computed_from="")
    assert counted.count() == len(demo_counted.COUNTED) and not counted.filter(illustrative=True).exists()
    assert set(IndicatorValue.objects.values_list("origin", flat=True)) == {ValueOrigin.COMPUTED}
    participants = IndicatorValue.objects.get(indicator__code="own-participants")
    assert participants.value == 1 and participants.organisation is None
    assert "counted indicators" in lines[0]
