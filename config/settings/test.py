"""Test settings: tiny and explicit (fast hasher, quiet logs, locmem mail, tasks run in the test)."""

import os

from .base import *  # noqa: F403
from .base import content_security_policy

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Off unless a test turns it on (civica/core/tests/test_page_cache.py): a kept page would outlive
# the test database it came from.
PAGE_CACHE_SECONDS = 0
# A test that writes then reads expects the page rendered again at once (test_page_cache.py shows the delay).
PAGE_CACHE_REFRESH_SECONDS = 0
# Likewise the observatory's audited figures (civica/observatory/tests/test_points_cache.py turns it on).
CIVICA_OBSERVATORY_POINTS_SECONDS = 0
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "CRITICAL"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage",
                "OPTIONS": {"location": "private", "base_url": "/private-files-have-no-address/"}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
# Tasks run inside the test that enqueues them, and their errors fail it. Only
# tests/integration/test_worker.py sends them through a real broker to a real worker.
CELERY_BROKER_URL = os.environ.get("CIVICA_TEST_BROKER_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# No tile server: pages list their places with coordinates and no request leaves the machine
# (tests/browser/test_maps.py points the maps at the live server's own test tile).
CIVICA_MAP_TILE_URL = ""
CONTENT_SECURITY_POLICY = content_security_policy(CIVICA_MAP_TILE_URL)

CIVICA_CENSUS_KEY = "test-only-census-key"
