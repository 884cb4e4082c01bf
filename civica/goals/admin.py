from django.contrib import admin

from .models import Goal


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "number", "name_ro", "name_en", "colour"]
    list_filter = ["kind"]
    search_fields = ["code", "name_ro", "name_en"]
