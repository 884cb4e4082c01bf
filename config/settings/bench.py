"""Load-benchmark settings: production's behaviour on plain HTTP over loopback, against a throw-away database.

Used by ``bench/load_participation.py`` and ``bench/two_servers.py`` only. The secret key is public: never
serve real users with these.
The database is ``CIVICA_BENCH_DATABASE_URL`` (not ``DATABASE_URL``, so a developer's own database is
never seeded by accident), by default ``civica_bench`` on the local PostgreSQL.
"""

import copy
import os

import dj_database_url

from .base import *  # noqa: F403
from .base import MIDDLEWARE, PRIVATE_STORAGE, TEMPLATES, VAR_DIR

DEBUG = False
SECRET_KEY = "bench-only-public-secret-key-never-used-to-serve-real-users"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "config.urls_bench"
# Each app server of bench/two_servers.py names itself (CIVICA_BENCH_SERVER) in an X-Served-By header.
MIDDLEWARE = ["config.urls_bench.ServedByMiddleware", *MIDDLEWARE]

# Production minus HTTPS: the benchmark speaks plain HTTP to 127.0.0.1.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("CIVICA_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/civica_bench"),
        conn_max_age=600,
    )
}

# Templates are compiled once per process, as in production.
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["APP_DIRS"] = False
TEMPLATES[0]["OPTIONS"]["loaders"] = [
    ("django.template.loaders.cached.Loader", [
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]),
]

# WhiteNoise serves hashed, compressed files collected here (the benchmark runs collectstatic).
STATIC_ROOT = VAR_DIR / "bench" / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Errors still reach the console; per-request chatter would slow the server it measures.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The census key of the benchmark only.
CIVICA_CENSUS_KEY = "bench-only-census-key"

# bench/load_conversation.py shortens the opinion map's debounce (production: 30 s) so that its workers
# recompute several times while the votes are measured.
CONVERSATION_MAP_DEBOUNCE = int(os.environ.get("CIVICA_BENCH_MAP_DEBOUNCE", "30"))

# bench/load_conversation.py's 16 clients vote from one address as fast as they are answered: the write
# limits (300 a minute per address, 60 per person) would answer most of them 429. Lifted only when asked.
if os.environ.get("CIVICA_BENCH_WRITE_LIMITS") == "off":
    from .base import ACCOUNT_RATE_LIMITS

    ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS, "write_by_address": "1000000/m/ip",
                           "write_by_person": "1000000/m/user"}
    # bench/load_vouchers.py: sixteen venue staff at one address redeem without pause; the look-up limits
    # are made for people typing codes (the lock after wrong codes stays).
    VOUCHER_LOOKUP_LIMITS = {"by_person": (1_000_000, 60), "by_address": (1_000_000, 60)}
