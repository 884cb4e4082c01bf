"""What the api app holds about a person, for download-my-data and delete-my-account: their access
tokens, described (never their digest); deleted with the account (the foreign key cascades)."""

from .models import AccessToken


def export(user) -> dict:
    def moment(value):
        return value.isoformat() if value else None

    return {"access_tokens": [
        {"name": token.name, "starts_with": token.prefix, "scopes": token.scopes,
         "created_at": moment(token.created_at), "expires_at": moment(token.expires_at),
         "last_used_at": moment(token.last_used_at),
         "revoked_at": moment(token.revoked_at)}
        for token in AccessToken.objects.filter(user=user)]}


def erase(user) -> None:
    AccessToken.objects.filter(user=user).delete()
