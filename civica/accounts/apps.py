from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "civica.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from allauth.account.models import EmailAddress
        from django.contrib.auth import get_user_model

        from civica.core.page_cache import watch_person_rows

        from .models import RoleAssignment

        # A person's kept pages (core.page_cache) show their name, roles and whether they are verified.
        watch_person_rows(get_user_model(), RoleAssignment, EmailAddress)
