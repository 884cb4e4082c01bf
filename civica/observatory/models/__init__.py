"""The observatory's models, a module each: the indicators and their values (``indicators``), the data
collection campaigns and organisations' answers (``campaigns``), open data's licences (``open_data``), the
diagnosis reports (``reports``)."""

from .campaigns import (  # noqa: F401
    ANSWER_TRANSITIONS,
    CAMPAIGN_TRANSITIONS,
    AnswerFile,
    AnswerStatus,
    Campaign,
    CampaignAnswer,
    CampaignQuestion,
    CampaignStatus,
    Target,
)
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
from .open_data import DEFAULT_LICENCE, LICENCE_URLS, DatasetLicence, Licence  # noqa: F401
from .reports import REPORT_TRANSITIONS, Report, ReportSection, ReportStatus  # noqa: F401
