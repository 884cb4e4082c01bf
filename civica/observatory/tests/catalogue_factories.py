"""Factories of the catalogue's rows (frameworks, dimensions, indicators, stated values) and an analyst."""

from decimal import Decimal

import factory

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.observatory.models import Dimension, Framework, Indicator, IndicatorValue, Unit


def analyst(**fields):
    return UserFactory(role=Role.ANALYST, **fields)


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    slug = factory.Sequence(lambda n: f"framework-{n}")
    name_ro = factory.Sequence(lambda n: f"Cadrul {n}")
    name_en = factory.Sequence(lambda n: f"Framework {n}")


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension

    framework = factory.SubFactory(FrameworkFactory)
    slug = factory.Sequence(lambda n: f"dimension-{n}")
    name_ro = factory.Sequence(lambda n: f"Dimensiunea {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"ind-{n}")
    framework = factory.SubFactory(FrameworkFactory)
    name_ro = factory.Sequence(lambda n: f"Indicatorul {n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    definition_ro = "Definiția indicatorului."
    unit = Unit.COUNT


class ValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.Sequence(lambda n: 2000 + n % 100)
    value = Decimal(100)
