from django.contrib import admin

from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "scope_type", "author", "alignment", "is_hidden", "is_deleted", "created_at"]
    list_filter = ["is_hidden", "is_deleted", "alignment"]
    search_fields = ["body"]
    list_select_related = ["scope_type", "author"]
    raw_id_fields = ["author", "parent"]
    # Hiding goes through moderation (a reason, logged, reversible) and only authors delete.
    readonly_fields = ["target_type", "target_id", "scope_type", "scope_id", "upvotes", "downvotes", "reply_count",
                       "depth", "is_hidden", "is_deleted"]

    def has_delete_permission(self, request, obj=None):
        return False
