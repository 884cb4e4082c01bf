"""The observatory's demo, in the order its parts need each other: the catalogue of frameworks and
indicators (with the only values the seeds give), the indicators the platform counts from its own rows,
a 2021 data collection campaign to the members with fictional answers (marked so), then the fictional
diagnosis report built from the published indicators; last, the goals of the demo's programmes, calls
and plan activities."""

from . import campaigns, catalogue, counted, goals, reports


def load(log):
    catalogue.load(log)
    counted.load(log)
    campaigns.load(log)
    reports.load(log)
    goals.load(log)
