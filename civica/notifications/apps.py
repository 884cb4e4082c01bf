from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "civica.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from . import parts  # noqa: F401  (registers the header's unread count, a personal part)
