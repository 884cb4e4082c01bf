"""Reads of the account page: e-mail addresses and the organisations a person represents."""

from allauth.account.models import EmailAddress


def account_overview(user) -> dict:
    """What the account page shows besides the profile form."""
    return {
        "email_addresses": list(EmailAddress.objects.filter(user=user).order_by("-primary", "email")),
        "representations": list(user.representations.select_related("organisation").order_by("organisation__name")),
        "role_assignments": list(user.role_assignments.select_related("scope_type").order_by("role")),
    }
