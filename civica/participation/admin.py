"""The admin of consultations, kept for what has no screen of its own yet (tags) and for inspecting
every row; processes, phases, debates and polls are run from ``manage/``. What it changes in ideas and
categories goes around the services, so it recounts the processes' idea tallies afterwards."""

from django.contrib import admin

from .models import Category, Choice, Debate, Idea, Phase, Poll, Process, Question, Tag
from .phases import phase_contents
from .services import idea_tally_recount


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["position", "kind", "name_ro", "name_en", "starts_at", "ends_at"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            from django import forms

            return forms.ChoiceField(choices=phase_contents.choices(), label=db_field.verbose_name)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


class DebateInline(admin.StackedInline):
    model = Debate
    extra = 0
    fields = ["question", "question_en", "description", "description_en", "is_hidden"]


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin):
    list_display = ["title_ro", "starts_on", "ends_on", "is_published", "scope"]
    list_filter = ["is_published", "scope", "tags"]
    search_fields = ["title_ro", "title_en", "summary_ro"]
    prepopulated_fields = {"slug": ["title_ro"]}
    filter_horizontal = ["tags"]
    inlines = [PhaseInline, CategoryInline, DebateInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        idea_tally_recount(process=form.instance)  # a category removed leaves its ideas uncategorised


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name_ro", "name_en", "kind", "slug"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["name_ro"]}


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "status", "support_count", "comment_count", "is_hidden", "created_at"]
    list_filter = ["process", "status", "is_hidden"]
    search_fields = ["title", "body"]
    list_select_related = ["process"]
    raw_id_fields = ["author", "answered_by"]
    readonly_fields = ["support_count", "comment_count", "answered_at", "answered_by", "status", "answer"]

    def save_model(self, request, obj, form, change):
        before = Idea.objects.filter(pk=obj.pk).values_list("process_id", flat=True).first() if change else None
        super().save_model(request, obj, form, change)
        for process in Process.objects.filter(pk__in={before, obj.process_id} - {None}):
            idea_tally_recount(process=process)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        idea_tally_recount(process=obj.process)

    def delete_queryset(self, request, queryset):
        processes = list(Process.objects.filter(ideas__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for process in processes:
            idea_tally_recount(process=process)


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["position", "kind", "text", "text_en", "required", "max_choices"]
    show_change_link = True


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["title", "title_en", "process", "phase", "allow_anonymous", "results_visibility", "response_count"]
    list_filter = ["process", "allow_anonymous"]
    readonly_fields = ["response_count"]
    inlines = [QuestionInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 2


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "poll", "kind", "position"]
    list_filter = ["poll"]
    inlines = [ChoiceInline]
