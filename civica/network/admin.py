from django.contrib import admin

from .models import Organisation, Programme


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "relationship", "city", "website"]
    list_filter = ["category", "relationship"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_ro", "name_en", "organisation", "position"]
    search_fields = ["name_ro", "name_en"]
    prepopulated_fields = {"slug": ["name_ro"]}
    list_select_related = ["organisation"]
