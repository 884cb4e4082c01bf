"""Development settings: the default of manage.py and `make demo`."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
WHITENOISE_AUTOREFRESH = True
# The development server and `make demo` serve the public uploads themselves (MEDIA_ROOT only).
CIVICA_SERVE_MEDIA = env_bool("CIVICA_SERVE_MEDIA", True)

# The census key of development only (production reads CIVICA_CENSUS_KEY).
CIVICA_CENSUS_KEY = os.environ.get("CIVICA_CENSUS_KEY", "dev-only-census-key")
