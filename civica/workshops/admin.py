from django.contrib import admin

from .models import Workshop, WorkshopQuestion, WorkshopRound, WorkshopTable


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
