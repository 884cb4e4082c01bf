from django.contrib import admin

from . import services
from .models import Meeting, MeetingDocument, Registration, Workshop, WorkshopQuestion, WorkshopRound, WorkshopTable


class DocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title_ro", "kind", "format", "starts_at", "capacity", "registration_open", "is_published"]
    list_filter = ["kind", "format", "is_published"]
    search_fields = ["title_ro", "title_en"]
    prepopulated_fields = {"slug": ["title_ro"]}
    inlines = [DocumentInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            services.promote_waiting(obj)  # more places: the waiting list moves up


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["code", "meeting", "person", "status", "created_at", "checked_in_at"]
    list_filter = ["meeting", "status"]
    search_fields = ["code", "person__email"]
    list_select_related = ["meeting", "person"]
    readonly_fields = ["code", "created_at", "promoted_at", "checked_in_at"]


class QuestionInline(admin.TabularInline):
    model = WorkshopQuestion
    extra = 0


class TableInline(admin.TabularInline):
    model = WorkshopTable
    extra = 0
    raw_id_fields = ["facilitator"]


class RoundInline(admin.TabularInline):
    model = WorkshopRound
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["meeting", "slug", "dots_per_person", "closed_at"]
    inlines = [QuestionInline, TableInline, RoundInline]
