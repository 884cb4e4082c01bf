"""Writes on accounts: profiles, the language, roles, download-my-data and deletion
(representations: network.services).

Download-my-data is JSON gathered from every app's ``personal_data.export``; delete-my-account runs
every app's ``personal_data.erase`` first (contributions others replied to stay, anonymised and shown as
"Participant șters / Deleted participant" by the ``participant_name`` filter; the rest goes), then
deletes the user row."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core.discovery import app_modules

from .models import RoleAssignment, User
from .predicates import forget_cached_identity
from .roles import GLOBAL_ONLY, SCOPED_ONLY, Role


def profile_update(*, user: User, display_name: str, organisation_name: str, language: str,
                   email_frequency: str) -> User:
    user.display_name = display_name.strip()
    user.organisation_name = organisation_name.strip()
    user.language = language
    user.email_frequency = email_frequency
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "organisation_name", "language", "email_frequency"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    if user.language != language:
        user.language = language
        user.full_clean(exclude=["password"])
        user.save(update_fields=["language"])


def role_grant(*, user: User, role: str, scope=None, by: User | None) -> RoleAssignment:
    """Give ``role`` to ``user`` (on ``scope`` for scoped roles). Only administrators may."""
    if by is not None and not by.has_perm("accounts.grant_role"):
        raise PermissionDenied(_("Only administrators may give roles."))
    role = Role(role)
    if role in SCOPED_ONLY and scope is None:
        raise ValidationError(_("The role %(role)s is given for one call, workshop or process.") % {"role": role.label})
    if role in GLOBAL_ONLY and scope is not None:
        raise ValidationError(_("The role %(role)s applies to the whole platform.") % {"role": role.label})
    lookup = {"user": user, "role": role}
    if scope is None:
        assignment, _created = RoleAssignment.objects.get_or_create(
            **lookup, scope_type=None, scope_id=None, defaults={"granted_by": by}
        )
    else:
        assignment = RoleAssignment.objects.for_object(scope).filter(**lookup).first()
        if assignment is None:
            assignment = RoleAssignment.objects.create(**lookup, scope=scope, granted_by=by)
    forget_cached_identity(user)
    return assignment


def role_revoke(*, assignment: RoleAssignment, by: User | None) -> None:
    if by is not None and not by.has_perm("accounts.grant_role"):
        raise PermissionDenied(_("Only administrators may take roles away."))
    user = assignment.user
    assignment.delete()
    forget_cached_identity(user)


def personal_data_export(*, user: User) -> dict:
    """Everything the platform holds about ``user``, one section per app."""
    data = {}
    for app_config, module in app_modules("personal_data"):
        section = module.export(user)
        if section:
            data[app_config.label] = section
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account. Each app first erases or anonymises what the user contributed:
    contributions others replied to stay, shown as "Deleted participant"; the rest goes."""
    for _app_config, module in app_modules("personal_data"):
        module.erase(user)
    user.delete()
