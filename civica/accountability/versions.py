"""Which version of a plan its kept renderings show, known without rendering anything.

The plan page's parts (parts.py) and the plan document's PDF are rendered once per version and kept; a
request only asks whether its version is kept, so the version must cost next to nothing. It is
``stamp(plan, language)``: the plan's ``changed_at`` (read with the plan), the language, the version of
the templates (``TEMPLATES_VERSION``, raised when the kept templates change) and the values its live
indicators count today (one query, and one per live source: the only figures that change without a
write to the plan, e.g. newsletter subscribers).

``changed_at`` moves on with every write that changes what a plan shows, whoever writes: the receivers
below (connected by the app's ``ready``) follow saves and deletions of a plan and of each of its parts
(the services, the admin, workshops' activities, the demo), and of the programmes and organisations it
names; the services also move it for their ``QuerySet.update()`` writes (reordering). A plan's page and
document show the previous year's assessment, so a change to one plan moves the next year's plan on too.
The stamp is written in the same transaction as the change, and a rendering reads the stamp before the
rows: what is kept under a stamp is never older than the stamp says.
"""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .registry import live_source

# Raise when a template of a kept part or of the document changes: what was kept is then not used.
TEMPLATES_VERSION = 2


def live_values(plan) -> list:
    """``[(indicator id, date, value)]`` of the plan's indicators read from a live source, counted as
    ``selectors.indicators_with_values`` counts them."""
    from .models import Indicator

    found = [(pk, live_source(name)) for pk, name in
             Indicator.objects.filter(plan=plan).exclude(live_source="").values_list("pk", "live_source")]
    if not any(source for _, source in found):
        return []
    at = live_date(plan)
    counted = [(pk, source.value_at(at)) for pk, source in found if source is not None]
    return [(pk, at, Decimal(value)) for pk, value in counted if value is not None]


def live_date(plan) -> datetime.date:
    """The day a live indicator is counted at: the end of the plan's period, or today while it runs."""
    return min(datetime.date(plan.end_year or plan.year, 12, 31), timezone.localdate())


def stamp(plan, language: str) -> str:
    return ":".join(str(part) for part in (plan.pk, plan.changed_at.isoformat(), language, TEMPLATES_VERSION,
                                           live_values(plan)))


def touch(**lookup) -> None:
    """The plans matching ``lookup`` (and the plans of the year after each) changed."""
    from .models import Plan

    plans = list(Plan.objects.filter(**lookup).values_list("pk", "organisation_id", "end_year").distinct())
    if not plans:
        return
    which = Q(pk__in=[pk for pk, _, _ in plans])
    for _, organisation, end_year in plans:
        which |= Q(organisation_id=organisation, year=end_year + 1)
    Plan.objects.filter(which).update(changed_at=timezone.now())


# A part's model → how to find its plan from one of its rows.
PLAN_OF = {
    "Area": lambda row: {"pk": row.plan_id},
    "Objective": lambda row: {"pk": row.plan_id},
    "Activity": lambda row: {"pk": row.plan_id},
    "Indicator": lambda row: {"pk": row.plan_id},
    "BudgetGroup": lambda row: {"pk": row.plan_id},
    "Priority": lambda row: {"areas": row.area_id},
    "ProgressUpdate": lambda row: {"activities": row.activity_id},
    "IndicatorValue": lambda row: {"indicators": row.indicator_id},
    "BudgetLine": lambda row: {"budget_groups": row.group_id},
}
# Saves of a plan that change nothing it shows.
UNSEEN_PLAN_FIELDS = frozenset({"comment_count", "changed_at"})


def _part_changed(sender, instance, **kwargs):
    touch(**PLAN_OF[sender.__name__](instance))


def _plan_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= UNSEEN_PLAN_FIELDS:
        return
    touch(pk=instance.pk)


def _plan_deleted(sender, instance, **kwargs):
    from civica.queue import documents

    from .models import Plan

    Plan.objects.filter(organisation_id=instance.organisation_id, year=instance.end_year + 1).update(
        changed_at=timezone.now())
    documents.forget(f"accountability.plan:{instance.pk}:")


def _programme_saved(sender, instance, **kwargs):
    from .models import Plan

    touch(pk__in=Plan.objects.filter(Q(activities__programme=instance) | Q(objectives__programme=instance))
          .values("pk"))


def _organisation_saved(sender, instance, **kwargs):
    touch(organisation=instance)


def follow(model, plans_of, *, name: str) -> None:
    """Saves and deletions of ``model`` (an app's above, shown in a plan document section it registered)
    change the plans ``plans_of(row)`` names (a lookup for ``touch``, or None for none)."""

    def changed(sender, instance, **kwargs):
        lookup = plans_of(instance)
        if lookup is not None:
            touch(**lookup)

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"accountability.versions.{name}.save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"accountability.versions.{name}.delete")


def connect() -> None:
    from civica.network.models import Organisation, Programme

    from . import models

    for name in PLAN_OF:
        model = getattr(models, name)
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"accountability.versions.{name}.save")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"accountability.versions.{name}.delete")
    post_save.connect(_plan_saved, sender=models.Plan, dispatch_uid="accountability.versions.plan.save")
    post_delete.connect(_plan_deleted, sender=models.Plan, dispatch_uid="accountability.versions.plan.delete")
    post_save.connect(_programme_saved, sender=Programme, dispatch_uid="accountability.versions.programme")
    post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="accountability.versions.organisation")
