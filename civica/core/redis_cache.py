"""Django's Redis cache, with one ``redis.Redis`` client per connection pool instead of one per call.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` around the pool on every cache call,
and redis-py's constructor copies its table of about 170 response callbacks each time: measured on a
voucher's redemption (about 24 cache calls: session, rate limits, the page cache's counters) that was a
tenth of the request's CPU. A ``redis.Redis`` is safe to share between threads (each command borrows a
connection from the pool), so the client is made once per pool and kept. Everything else is Django's.

``single_server_client`` hands that client to code that sends several commands in one pipelined round trip
(the page cache's counters, the write limits)."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class KeptClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = KeptClientRedisCacheClient


def single_server_client(cache):
    """The ``redis.Redis`` client of ``cache`` when it is a Redis cache on one server (so several commands
    can go in one pipelined round trip), else None (the local-memory cache of the tests, several servers)."""
    backend = getattr(cache, "_cache", None)
    if isinstance(backend, RedisCacheClient) and len(backend._servers) == 1:
        return backend.get_client(write=True)
    return None


def serialized(cache, value):
    """``value`` as Django's Redis cache stores it (so ``cache.get`` reads back what a pipeline wrote)."""
    return cache._cache._serializer.dumps(value)


def deserialized(cache, raw):
    """A value a pipeline read, as ``cache.get`` would have returned it."""
    return cache._cache._serializer.loads(raw)
