"""Factories of the observatory's rows, for every slice's tests: frameworks, dimensions, indicators
(``PublishedIndicatorFactory``: in a dimension and published, as the dashboards show them), stated values,
organisations' values (an accepted answer), diagnosis reports and their sections, and an analyst."""

from decimal import Decimal

import factory

from civica.accounts.roles import Role
from civica.accounts.tests.factories import UserFactory
from civica.network.tests.factories import OrganisationFactory
from civica.observatory.models import (
    Dimension,
    Framework,
    Indicator,
    IndicatorValue,
    Report,
    ReportSection,
    Unit,
    ValueOrigin,
    ValueStatus,
)


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
    name_en = factory.Sequence(lambda n: f"Dimension {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"ind-{n}")
    framework = factory.SubFactory(FrameworkFactory)
    name_ro = factory.Sequence(lambda n: f"Indicatorul {n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    definition_ro = "Definiția indicatorului."
    unit = Unit.COUNT


class PublishedIndicatorFactory(IndicatorFactory):
    dimension = factory.SubFactory(DimensionFactory)
    framework = factory.SelfAttribute("dimension.framework")
    definition_ro = "Ce măsoară."
    definition_en = "What it measures."
    is_published = True


class ValueFactory(factory.django.DjangoModelFactory):
    """A stated value (no organisation)."""

    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.Sequence(lambda n: 2000 + n % 100)
    value = Decimal(100)


class OrganisationValueFactory(ValueFactory):
    """One organisation's accepted answer: its value of an indicator in a year."""

    year = 2021
    organisation = factory.SubFactory(OrganisationFactory)
    status = ValueStatus.FINAL
    origin = ValueOrigin.CAMPAIGN


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    slug = factory.Sequence(lambda n: f"report-{n}")
    year = 2021
    title_ro = factory.Sequence(lambda n: f"Diagnoza {n}")
    title_en = factory.Sequence(lambda n: f"Diagnosis {n}")


class ReportSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportSection

    report = factory.SubFactory(ReportFactory)
    title_ro = factory.Sequence(lambda n: f"Secțiunea {n}")
    title_en = factory.Sequence(lambda n: f"Section {n}")
