"""The observatory's models, a module each: the indicators and their values (``indicators``)."""

from .indicators import (  # noqa: F401
    AGE_GROUPS,
    Aggregation,
    Breakdown,
    CulturalDomain,
    Dimension,
    Framework,
    Frequency,
    Indicator,
    IndicatorValue,
    Unit,
    ValueOrigin,
    ValueStatus,
)
from .reports import REPORT_TRANSITIONS, Report, ReportSection, ReportStatus  # noqa: F401 -- dashboards (slice 4)
