"""Bearer tokens kept as digests: a token is a prefix and 43 URL-safe characters (32 random bytes), shown
once when made; only its SHA-256 is stored (256 random bits: a fast hash is enough, nothing to guess from
it). The API's personal access tokens (``civ_``) and the vouchers' venue tokens (``civv_``) are made here."""

import hashlib
import secrets

SHOWN_PREFIX_LENGTH = 10


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def looks_like_a_token(value: str, prefix: str) -> bool:
    return value.startswith(prefix) and 40 <= len(value) <= 80
