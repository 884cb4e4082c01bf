"""Truth table of Django admin: who may open it, and every model permission ``add_admin_perms``
registers (accounts, e-mail addresses, representations and the audit log: administrators; everything else: editors)."""

import pytest
import rules
from django.apps import apps

from civica.core.permissions import ADMIN_ACTIONS

# The audit log names the staff who did each thing: administrators read it.
ADMINISTRATORS_ONLY = {"accounts", "account", "audit"}
# Who represents which organisation makes member representatives: administrators, like roles.
ADMINISTRATORS_ONLY_MODELS = {"representation"}
KINDS = ["anonymous", "inactive", "unverified", "participant", "moderator", "editor", "administrator", "superuser"]
EDITORS = {"editor", "administrator", "superuser"}


def admin_permissions():
    """Every registered permission of the form ``app`` or ``app.<action>_<model>``."""
    names = {model._meta.app_label for model in apps.get_models()}
    names |= {f"{model._meta.app_label}.{action}_{model._meta.model_name}"
              for model in apps.get_models() for action in ADMIN_ACTIONS}
    return {name for name in names if rules.perm_exists(name)}


PERMISSIONS = admin_permissions() | {"core.access_admin"}


def expected(kind, permission):
    if permission.split(".")[0] in ADMINISTRATORS_ONLY or permission.rpartition("_")[2] in ADMINISTRATORS_ONLY_MODELS:
        return kind in {"administrator", "superuser"}
    return kind in EDITORS


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_admin_permissions(make_user, kind):
    user = make_user(kind)
    wrong = sorted(permission for permission in PERMISSIONS
                   if user.has_perm(permission) != expected(kind, permission))
    assert not wrong, f"{kind}: {wrong}"


def test_the_table_reaches_every_app_with_models_in_admin():
    assert {"accounts.change_user", "account.change_emailaddress", "accountability.change_plan", "calls.change_call",
            "meetings.change_meeting", "network.change_booking", "participation.change_idea"} <= PERMISSIONS
