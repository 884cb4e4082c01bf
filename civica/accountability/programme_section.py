"""The programme page's sections from the plans (network.registry): the programme's objectives and its
activities in the approved plans, newest plan first. One query each."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from civica.network.registry import ProgrammeSection, SectionItem, programme_sections

from .models import Activity, Objective, PlanStatus


def objective_items(programme):
    objectives = (Objective.objects.filter(programme=programme, plan__status=PlanStatus.APPROVED)
                  .select_related("plan").order_by("-plan__year", "-plan__end_year", "position", "pk"))
    return [SectionItem(title=objective.translated("text"), url=objective.plan.get_absolute_url(),
                        group=objective.plan.translated("title")) for objective in objectives]


def activity_items(programme):
    activities = (Activity.objects.filter(programme=programme, plan__status=PlanStatus.APPROVED)
                  .select_related("plan").order_by("-plan__year", "-plan__end_year", "position", "pk"))
    return [SectionItem(title=activity.translated("title"),
                        url=reverse("accountability:programme", args=[activity.plan.slug, programme.slug]),
                        note=" · ".join(part for part in (activity.period_text, activity.get_status_display()) if part),
                        group=activity.plan.translated("title")) for activity in activities]


programme_sections.register(ProgrammeSection(key="objectives", title=_("Objectives"), order=10,
                                             items=objective_items))
programme_sections.register(ProgrammeSection(key="activities", title=_("Activities"), order=20,
                                             items=activity_items))
