"""Factories of the dashboards' tests (slice 4): frameworks, dimensions, indicators, reports."""

import factory

from civica.observatory.models import Dimension, Framework, Indicator, Report, ReportSection, Unit


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

    dimension = factory.SubFactory(DimensionFactory)
    framework = factory.SelfAttribute("dimension.framework")
    code = factory.Sequence(lambda n: f"ind-{n}")
    name_ro = factory.Sequence(lambda n: f"Indicatorul {n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    definition_ro = "Ce măsoară."
    definition_en = "What it measures."
    unit = Unit.COUNT
    is_published = True


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
