"""Background work on plans: their pages' parts rendered again after a change (parts.py), and the plan
document's PDF rendered once per version (document.py). Arguments are ids: each task reads the plan when
it runs, and does nothing for a plan deleted meanwhile."""

from django.utils import translation

from civica.queue.tasks import background_task


@background_task
def render_plan_pages(plan_id):
    from . import parts
    from .models import Plan

    plan = Plan.objects.filter(pk=plan_id).select_related("organisation").first()
    if plan is not None:
        parts.refresh(plan)


@background_task
def render_plan_document(plan_id, language, version):
    """Render the plan document in ``language`` and store its PDF as ``version`` (the claim made by the
    download that queued this)."""
    from civica.queue import documents

    from .document import document_html, document_name
    from .models import Plan

    plan = Plan.objects.filter(pk=plan_id).select_related("organisation").first()
    if plan is None:
        return
    with translation.override(language):
        documents.store_pdf(name=document_name(plan, language), html=document_html(plan), version=version)
