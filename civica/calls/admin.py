from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from civica.core.uploads import PublicImageFormMixin

from . import form_rules
from .editing import SPEC
from .models import Application, Call, CallDocument, CallQuestion, CallStatus, Criterion, FormField


def _spec(values, label):
    return {**{name: values.get(name) for name in SPEC}, "label": label}


class PublishedFormGuard(BaseInlineFormSet):
    """Once a call is published its form may only change in ways that keep every draft valid."""

    def clean(self):
        super().clean()
        call = self.instance
        if call.pk is None or Call.objects.filter(pk=call.pk, status=CallStatus.DRAFT).exists():
            return
        problems = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            field = form.instance
            if field.pk is None:
                if not form.cleaned_data.get("DELETE"):
                    new_spec = _spec(form.cleaned_data, form.cleaned_data.get("label_ro"))
                    problems += form_rules.addition_problems(new_spec)
                continue
            old = FormField.objects.get(pk=field.pk)
            old_spec = _spec({name: getattr(old, name) for name in SPEC}, old.label_ro)
            if form.cleaned_data.get("DELETE"):
                problems += form_rules.removal_problems(old_spec)
            else:
                problems += form_rules.change_problems(old_spec, _spec(form.cleaned_data, old.label_ro))
        if problems:
            raise ValidationError(problems)


class FormFieldInline(admin.StackedInline):
    model = FormField
    formset = PublishedFormGuard
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


class CallAdminForm(PublicImageFormMixin, forms.ModelForm):
    class Meta:
        model = Call
        fields = "__all__"


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    form = CallAdminForm
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
