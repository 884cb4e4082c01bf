"""The header's link to one's notifications, with the unread count (a personal part: core/personal_parts.py)."""

from civica.core.personal_parts import template_part

from .selectors import unread_count

template_part("notifications.header_link", "notifications/parts/header_link.html",
              lambda request: {"unread_notifications": unread_count(request.user)}
              if request.user.is_authenticated else None)
