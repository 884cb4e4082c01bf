"""Making and recognising tokens: ``civ_`` and 43 URL-safe characters (32 random bytes)."""

import hashlib
import secrets

TOKEN_PREFIX = "civ_"
SHOWN_PREFIX_LENGTH = 10


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def looks_like_a_token(value: str) -> bool:
    return value.startswith(TOKEN_PREFIX) and 40 <= len(value) <= 80
