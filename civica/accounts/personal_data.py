"""What the accounts app holds about a person, for download-my-data and delete-my-account."""

from allauth.account.models import EmailAddress


def export(user) -> dict:
    return {
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "organisation_name": user.organisation_name,
            "language": user.language,
            "email_frequency": user.email_frequency,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "roles": [
            {
                "role": assignment.role,
                "scope": str(assignment.scope) if assignment.scope_type_id else None,
                "granted_at": assignment.granted_at.isoformat(),
            }
            for assignment in user.role_assignments.select_related("scope_type").order_by("pk")
        ],
    }


def erase(user) -> None:
    # E-mail addresses and roles go with the user row (CASCADE).
    return None
