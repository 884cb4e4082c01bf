from django.contrib import admin

from . import services
from .models import (
    Activity,
    Area,
    BudgetGroup,
    BudgetLine,
    Indicator,
    IndicatorValue,
    Objective,
    Plan,
    Priority,
    ProgressUpdate,
)


class RevisionAdmin(admin.ModelAdmin):
    """Editing anything of an approved plan records a revision."""

    def plan_of(self, obj):
        return obj.plan

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.plan_touched(plan=self.plan_of(obj))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            services.plan_touched(plan=self.plan_of(form.instance))


class AreaInline(admin.TabularInline):
    model = Area
    extra = 0


@admin.register(Plan)
class PlanAdmin(RevisionAdmin):
    list_display = ["title_ro", "organisation", "year", "end_year", "status", "revision", "revised_at"]
    list_filter = ["status", "organisation"]
    readonly_fields = ["revision", "revised_at"]
    inlines = [AreaInline]

    def plan_of(self, obj):
        return obj


class PriorityInline(admin.TabularInline):
    model = Priority
    extra = 0
    fields = ["position", "text_ro", "text_en", "level", "narrative_ro", "narrative_en"]


@admin.register(Area)
class AreaAdmin(RevisionAdmin):
    list_display = ["name_ro", "plan", "position"]
    list_filter = ["plan"]
    inlines = [PriorityInline]


@admin.register(Objective)
class ObjectiveAdmin(RevisionAdmin):
    list_display = ["text_ro", "programme", "plan"]
    list_filter = ["plan", "programme"]


@admin.register(Activity)
class ActivityAdmin(RevisionAdmin):
    list_display = ["title_ro", "programme", "plan", "period_text", "status", "progress"]
    list_filter = ["plan", "programme", "status"]
    search_fields = ["title_ro", "project"]
    filter_horizontal = ["implements_ideas"]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 1


@admin.register(Indicator)
class IndicatorAdmin(RevisionAdmin):
    list_display = ["name_ro", "plan", "target"]
    list_filter = ["plan"]
    inlines = [IndicatorValueInline]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


@admin.register(BudgetGroup)
class BudgetGroupAdmin(RevisionAdmin):
    list_display = ["name_ro", "plan", "kind", "stated_total"]
    list_filter = ["plan", "kind"]
    inlines = [BudgetLineInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["activity", "date", "progress", "illustrative"]
    list_filter = ["activity__plan", "illustrative"]
    raw_id_fields = ["activity"]
    readonly_fields = ["author"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            services.plan_touched(plan=obj.activity.plan)
            return
        created = services.progress_post(activity=obj.activity, by=request.user, progress=obj.progress,
                                         note_ro=obj.note_ro, note_en=obj.note_en, date=obj.date,
                                         attachment=obj.attachment)
        obj.pk = created.pk
