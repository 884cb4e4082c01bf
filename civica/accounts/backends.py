"""``EmailLoginBackend`` only logs people in (by e-mail, through allauth): it grants nothing, since
every permission is decided by `rules` and Django's group/permission tables are not used."""

from allauth.account.auth_backends import AuthenticationBackend


class EmailLoginBackend(AuthenticationBackend):
    """Logs people in by e-mail (allauth). It grants nothing: every permission is
    decided by `rules` (each app's rules.py), so Django's per-user and per-group
    permission tables are never consulted."""

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False
