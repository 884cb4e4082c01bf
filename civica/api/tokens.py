"""Making and recognising personal access tokens: ``civ_`` and 43 URL-safe characters (32 random bytes);
the making and hashing are core's (``core.secret_tokens``), shared with the venues' tokens."""

from civica.core import secret_tokens
from civica.core.secret_tokens import SHOWN_PREFIX_LENGTH, digest

TOKEN_PREFIX = "civ_"

__all__ = ["SHOWN_PREFIX_LENGTH", "TOKEN_PREFIX", "digest", "looks_like_a_token", "new_token"]


def new_token() -> str:
    return secret_tokens.new_token(TOKEN_PREFIX)


def looks_like_a_token(value: str) -> bool:
    return secret_tokens.looks_like_a_token(value, TOKEN_PREFIX)
