"""Settings of `make demo`: development's database and files, with DEBUG off.

A visitor of the demo sees what a visitor of the real site would: Civica's own 404 and 500 pages,
never Django's technical pages (which list every route). Static files come through WhiteNoise
straight from the apps' folders (no collectstatic), and the public media folder is served by
``civica.core.views.media``. No map tiles (no other server is contacted). Plain HTTP, no HTTPS
redirect: it runs on the developer's machine.
"""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CIVICA_BASE_URL, content_security_policy

DEBUG = False
WHITENOISE_USE_FINDERS = True
CIVICA_SERVE_MEDIA = True

# `make demo HOST=…` sets the site's address; the host it names is then allowed too.
_base_host = urlsplit(CIVICA_BASE_URL).hostname
if _base_host and _base_host not in ALLOWED_HOSTS:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, _base_host]

# The demo contacts no other server: no map tiles unless CIVICA_MAP_TILE_URL is given (the pages then
# list their places with coordinates).
CIVICA_MAP_TILE_URL = os.environ.get("CIVICA_MAP_TILE_URL", "")
CONTENT_SECURITY_POLICY = content_security_policy(CIVICA_MAP_TILE_URL)

# The census key of the demo only (a real deployment reads CIVICA_CENSUS_KEY).
CIVICA_CENSUS_KEY = os.environ.get("CIVICA_CENSUS_KEY", "demo-only-census-key")
