from django.contrib import admin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "process", "author", "alignment", "is_hidden", "is_deleted", "created_at"]
    list_filter = ["process", "is_hidden", "is_deleted", "alignment"]
    search_fields = ["body"]
    list_select_related = ["process", "author"]
    raw_id_fields = ["author", "parent"]
    # Hiding goes through moderation (a reason, logged, reversible) and only authors delete.
    readonly_fields = ["target_type", "target_id", "upvotes", "downvotes", "reply_count", "depth", "is_hidden",
                       "is_deleted"]

    def has_delete_permission(self, request, obj=None):
        return False
