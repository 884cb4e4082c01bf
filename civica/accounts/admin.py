from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    fields = ["role", "scope_type", "scope_id", "granted_by", "granted_at"]
    readonly_fields = ["granted_by", "granted_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "language", "is_active", "date_joined"]
    list_filter = ["is_active", "language", "role_assignments__role"]
    search_fields = ["email", "display_name", "organisation_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "organisation_name", "language", "email_frequency"]}),
        (_("Status"), {"fields": ["is_active", "is_superuser", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = []
    # network/admin.py puts the organisations a user represents first.
    inlines = [RoleAssignmentInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is RoleAssignment:
            for assignment in formset.save(commit=False):
                assignment.granted_by = assignment.granted_by or request.user
                assignment.full_clean()
                assignment.save()
            for removed in formset.deleted_objects:
                services.role_revoke(assignment=removed, by=request.user)
            return
        super().save_formset(request, form, formset, change)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "scope_type", "scope_id", "granted_at"]
    list_filter = ["role", "scope_type"]
    search_fields = ["user__email", "user__display_name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["granted_by", "granted_at"]
    list_select_related = ["user", "scope_type"]

    def save_model(self, request, obj, form, change):
        obj.granted_by = obj.granted_by or request.user
        super().save_model(request, obj, form, change)
