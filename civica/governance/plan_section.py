"""The bodies' objectives in the plan document (accountability.registry): a plan shows the objectives of
the years it covers, body by body, with their assessment. One query. Saving an objective or a body renews
the kept documents of the plans of those years (accountability.versions.follow)."""

from django.utils.translation import gettext_lazy as _

from civica.accountability import versions
from civica.accountability.registry import PlanDocumentRow, PlanDocumentSection, plan_document_sections

from . import selectors
from .models import Body, BodyObjective


def objective_rows(plan):
    return [PlanDocumentRow(text=objective.translated("text"), group=objective.body.translated("name"),
                            level=objective.level, narrative=objective.translated("narrative"))
            for objective in selectors.objectives_for_years(plan.year, plan.end_year or plan.year)]


def _plans_of_objective(objective):
    return {"year__lte": objective.year, "end_year__gte": objective.year}


def _plans_of_body(body):
    years = list(BodyObjective.objects.filter(body_id=body.pk).values_list("year", flat=True))
    return {"year__lte": max(years), "end_year__gte": min(years)} if years else None


def register() -> None:
    plan_document_sections.register(PlanDocumentSection(
        key="body-objectives", title=_("Objectives of the centre's bodies"), order=40, rows=objective_rows))
    versions.follow(BodyObjective, _plans_of_objective, name="governance.objective")
    versions.follow(Body, _plans_of_body, name="governance.body")
