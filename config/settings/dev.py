"""Development settings: the default of manage.py and `make demo`."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
WHITENOISE_AUTOREFRESH = True
CIVICA_SERVE_MEDIA = env_bool("CIVICA_SERVE_MEDIA", True)
