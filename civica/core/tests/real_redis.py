"""Tests against the real Redis (database 5; CI and the development machine run it at 127.0.0.1:6379):
``use_real_redis(settings, name)`` points the default cache at it under a key prefix of the test's own (tests
run in parallel and share the database) and returns that prefix; ``forget(prefix)`` removes its keys."""

import uuid

import pytest

LOCATION = "redis://127.0.0.1:6379/5"


def server():
    """The Redis client of database 5, or the test skipped when no Redis answers."""
    import redis

    client = redis.Redis.from_url(LOCATION)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs Redis at 127.0.0.1:6379 (CI and the development machine have it)")
    return client


def use_real_redis(settings, name: str) -> str:
    server()
    prefix = f"test-{name}-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {"BACKEND": "civica.core.redis_cache.RedisCache", "LOCATION": LOCATION,
                                   "KEY_PREFIX": prefix}}
    return prefix


def forget(prefix: str) -> None:
    client = server()
    keys = client.keys(f"{prefix}:*")
    if keys:
        client.delete(*keys)
