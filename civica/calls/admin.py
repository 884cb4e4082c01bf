from django.contrib import admin

from .models import Application, Call, CallDocument, CallQuestion, Criterion, FormField


class FormFieldInline(admin.StackedInline):
    model = FormField
    extra = 0
    fields = [("position", "key", "kind", "required", "identifying"), ("label_ro", "label_en"), ("help_ro", "help_en"),
              ("max_length", "min_value", "max_value"), "choices", ("file_types", "max_file_mb")]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["position", "name_ro", "name_en", "weight", "scale_min", "scale_max"]


class DocumentInline(admin.TabularInline):
    model = CallDocument
    extra = 0


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title_ro", "kind", "status", "opens_at", "closes_at", "is_blind"]
    list_filter = ["kind", "status", "is_blind"]
    search_fields = ["title_ro", "title_en"]
    prepopulated_fields = {"slug": ["title_ro"]}
    readonly_fields = ["status"]
    inlines = [DocumentInline, FormFieldInline, CriterionInline]


@admin.register(CallQuestion)
class CallQuestionAdmin(admin.ModelAdmin):
    list_display = ["question", "call", "created_at", "answered_at"]
    list_filter = ["call"]
    readonly_fields = ["asked_by", "created_at", "answered_at"]
    fields = ["call", "question", "answer", "asked_by", "created_at", "answered_at"]

    def save_model(self, request, obj, form, change):
        from django.utils import timezone

        if obj.answer and not obj.answered_at:
            obj.answered_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["reference", "call", "status", "submitted_at", "decision"]
    list_filter = ["call", "status", "decision"]
    search_fields = ["reference", "title"]
    readonly_fields = ["reference", "code", "answers", "version", "submitted_at", "applicant", "status"]
    list_select_related = ["call"]
