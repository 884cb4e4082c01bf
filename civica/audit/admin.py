from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: the log is written by the services, never edited."""

    list_display = ["at", "actor_label", "action", "target_label"]
    list_filter = ["action"]
    search_fields = ["actor_label", "target_label", "summary"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
