"""The header's link to one's notifications, with the unread count (a personal part: core/personal_parts.py)."""

from civica.accounts.predicates import cached_on_user
from civica.core.personal_parts import template_part

from .selectors import unread_count

# Kept on the user like the predicates' facts, so a person's kept identity (core.page_cache) holds it;
# a new notification moves their person generation (services.notify).
template_part("notifications.header_link", "notifications/parts/header_link.html",
              lambda request: {"unread_notifications": cached_on_user(
                  request.user, "_civica_unread_notifications", lambda: unread_count(request.user))}
              if request.user.is_authenticated else None)
