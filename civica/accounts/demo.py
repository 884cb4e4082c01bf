"""Demo accounts, one per role, all with the same password (see demo_accounts.json,
which `make demo` also prints). Scoped roles (evaluator of a call, facilitator of a
workshop) are given by the demo of the app that owns the call or workshop; whom an account
represents ("represents") by network's demo, which runs after this one."""

import json
from pathlib import Path

from allauth.account.models import EmailAddress

from . import services
from .models import User
from .roles import Role

DEMO_FILE = Path(__file__).with_name("demo_accounts.json")
GLOBAL_DEMO_ROLES = {Role.ADMINISTRATOR, Role.EDITOR, Role.MODERATOR, Role.ANALYST}


def demo_accounts() -> dict:
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))


def demo_user(role: str) -> User:
    """The demo account for ``role`` (as named in demo_accounts.json), for other apps' demo data."""
    email = next(account["email"] for account in demo_accounts()["accounts"] if account["role"] == role)
    return User.objects.get(email=email)


def load(log):
    spec = demo_accounts()
    for account in spec["accounts"]:
        user, created = User.objects.get_or_create(
            email=account["email"], defaults={"display_name": account["display_name"]}
        )
        if created:
            user.set_password(spec["password"])
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email,
            defaults={"verified": account.get("verified", True), "primary": True},
        )
        if account["role"] in GLOBAL_DEMO_ROLES:
            services.role_grant(user=user, role=account["role"], by=None)
    log(f"{len(spec['accounts'])} demo accounts (password: {spec['password']})")
