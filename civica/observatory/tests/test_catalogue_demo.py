"""The catalogue's demo loads, marks what is fictional, and loads again without duplicates."""

import pytest

from civica.observatory import demo_catalogue
from civica.observatory.models import Dimension, Framework, Indicator, IndicatorValue


@pytest.mark.django_db
def test_the_demo_loads_twice():
    lines = []
    demo_catalogue.load(lines.append)
    counts = (Framework.objects.count(), Dimension.objects.count(), Indicator.objects.count(),
              IndicatorValue.objects.count())
    demo_catalogue.load(lines.append)
    assert (Framework.objects.count(), Dimension.objects.count(), Indicator.objects.count(),
            IndicatorValue.objects.count()) == counts
    assert counts[:3] == (4, 10, 7)
    assert not IndicatorValue.objects.filter(origin="typed", illustrative=False).exists()
    assert set(Indicator.objects.exclude(computed_from="").values_list("illustrative", flat=True)) == {False}
    assert "frameworks of indicators" in lines[0]
