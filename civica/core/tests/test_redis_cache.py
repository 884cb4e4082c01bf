"""civica.core.redis_cache against a real Redis (database 5, as the page cache's own Redis test)."""

import threading

import pytest
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from civica.core.redis_cache import RedisCache
from civica.core.tests.real_redis import LOCATION, server


@pytest.fixture
def backend():
    server()
    cache = RedisCache(LOCATION, {"KEY_PREFIX": "test-redis-cache"})
    yield cache
    cache.delete_many(["counter", "greeting"])


def test_one_client_serves_every_call_where_djangos_makes_one_a_call(backend):
    assert backend._cache.get_client() is backend._cache.get_client(write=True)
    django_backend = DjangoRedisCache(LOCATION, {})
    assert django_backend._cache.get_client() is not django_backend._cache.get_client()


def test_the_kept_client_reads_and_writes_as_djangos_does(backend):
    backend.set("greeting", {"ro": "Bună ziua"}, 30)
    assert backend.get("greeting") == {"ro": "Bună ziua"}
    assert DjangoRedisCache(LOCATION, {"KEY_PREFIX": "test-redis-cache"}).get("greeting") == {"ro": "Bună ziua"}
    assert backend.add("greeting", "other", 30) is False
    backend.delete("greeting")
    assert backend.get("greeting") is None


def test_threads_sharing_the_client_lose_no_increment(backend):
    backend.set("counter", 0, 30)
    client = backend._cache

    def count():
        for _ in range(200):
            backend.incr("counter")
            assert client.get_client() is client.get_client()

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert backend.get("counter") == 1600
