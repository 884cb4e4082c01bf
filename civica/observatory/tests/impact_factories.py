"""Factories for the impact platform's tests: frameworks, indicators and organisations' values."""

from decimal import Decimal

import factory

from civica.network.tests.factories import OrganisationFactory
from civica.observatory.models import Framework, Indicator, IndicatorValue, Unit, ValueOrigin, ValueStatus


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        django_get_or_create = ("slug",)

    slug = "centre"
    name_ro = "Indicatorii centrului"
    name_en = "The centre's indicators"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"own-{n}")
    framework = factory.SubFactory(FrameworkFactory)
    name_ro = factory.Sequence(lambda n: f"Spectatori {n}")
    name_en = factory.Sequence(lambda n: f"Audience {n}")
    definition_ro = "Spectatori pe an."
    unit = Unit.COUNT


class OrganisationValueFactory(factory.django.DjangoModelFactory):
    """One organisation's accepted answer: its value of an indicator in a year."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = 2021
    organisation = factory.SubFactory(OrganisationFactory)
    value = Decimal(100)
    status = ValueStatus.FINAL
    origin = ValueOrigin.CAMPAIGN
