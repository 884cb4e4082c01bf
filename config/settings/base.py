"""Settings shared by every environment, read from environment variables.

Defaults are safe for a newcomer's first run (SQLite and files under ``var/``);
``config.settings.production`` tightens everything for a real deployment.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("CIVICA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps come first so their templates override allauth's and admin's.
    "civica.core",
    "civica.queue",
    "civica.accounts",
    "civica.network",
    "civica.goals",
    "civica.verification",
    "civica.notifications",
    "civica.moderation",
    "civica.comments",
    "civica.participation",
    "civica.calls",
    "civica.accountability",
    "civica.meetings",
    "civica.workshops",
    "civica.audit",
    "civica.news",
    "civica.governance",
    "civica.observatory",
    "civica.vouchers",
    "civica.archive",
    "civica.heritage",
    "civica.oai",
    "civica.api",
    "ninja",
    "civica.newsletter",
    "civica.insights",
    "civica.search",
    "civica.content",
    "civica.pages",
    "civica.staff",
    "civica.core.apps.CivicaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "csp",
    # Kept versions of a plan's figures (accountability): "changed on … by …" on the plan page.
    "simple_history",
    "anymail",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzip-compressed for browsers that accept it (static files come compressed from WhiteNoise
    # above, which answers them before this runs). BREACH: since Django 4.2 GZipMiddleware adds up to
    # 100 random bytes to each response (the "Heal The Breach" mitigation), and CSRF tokens are masked:
    # https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.gzip
    "django.middleware.gzip.GZipMiddleware",
    "civica.core.page_cache.AnonymousPageCacheMiddleware",
    # A signed-in person's kept page, before the rest of the stack (its own read of their session).
    "civica.core.page_cache.PersonalPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # /api/: ?lang=, CORS for reading, ETag and 304 (civica.api.middleware).
    "civica.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    # /oai/: what the guards below answer stays OAI-PMH XML (civica.oai.middleware).
    "civica.oai.middleware.OaiErrorsMiddleware",
    "civica.core.middleware.RejectNullCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who made a change, for the kept versions of a plan's figures (simple_history).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "civica.core.middleware.WriteRateLimitMiddleware",
    # Last: fills each page's personal parts for the person asking, and keeps @shared_page pages.
    "civica.core.page_cache.SharedPageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "civica.core.context_processors.site",
                # A visitor's render of a shared page carries a placeholder for the CSRF token.
                "civica.core.personal_parts.context",
            ],
            "builtins": ["django.templatetags.i18n", "civica.core.templatetags.civica"],
        },
    }
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default: SQLite under var/
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'civica.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "civica.core.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole pages for visitors without cookies (civica.core.page_cache), only where every app server
# shares the cache and so learns of every write at once.
PAGE_CACHE_SECONDS = int(os.environ.get("CIVICA_PAGE_CACHE_SECONDS", "60" if REDIS_URL else "0"))
# A kept page made stale by other people's writes is rendered again at most once in this time (seconds):
# under ten writes a second the hot pages would otherwise be rendered without pause.
PAGE_CACHE_REFRESH_SECONDS = float(os.environ.get("CIVICA_PAGE_CACHE_REFRESH_SECONDS", "1"))
# A signed-in person's filled page kept for them (civica.core.page_cache), at most this long, and shown
# for this long after other people's writes made it stale (their own show at once).
PERSONAL_PAGE_SECONDS = int(os.environ.get("CIVICA_PERSONAL_PAGE_SECONDS", "30"))
PERSONAL_PAGE_STALE_SECONDS = float(os.environ.get("CIVICA_PERSONAL_PAGE_STALE_SECONDS", "2"))

# The task queue (config/celery.py): e-mails, digests, PDF documents and workshop vectors run as Celery
# tasks on workers, with Redis as the broker. Without a broker (the embedded demo) every task runs at
# once in the process that enqueued it, so `make demo` needs nothing else.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True
# A task is acknowledged once it has run, and given back to the queue when its worker dies: every task
# is idempotent (civica.queue), so running one twice does no harm; fetching one at a time keeps a long
# PDF from holding back e-mails behind it on the same worker.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands an unacknowledged task to another worker after this long (longer than any task runs).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# `celery -A config beat` replaces cron: the daily digest at 07:00, Bucharest time (CELERY_TIMEZONE).
CELERY_BEAT_SCHEDULE = {
    "daily-digest": {"task": "civica.notifications.tasks.send_digests",
                     "schedule": crontab(hour=7, minute=0)},
    # Newsletter campaigns: start those whose time has come; pick up a send whose worker died.
    "newsletter-start-due": {"task": "civica.newsletter.sending.start_due_campaigns", "schedule": 60.0},
    "newsletter-resume": {"task": "civica.newsletter.sending.resume_campaigns", "schedule": 300.0},
    # Record the close of motions whose voting window has ended (pages treat them as closed already).
    "governance-close-motions": {"task": "civica.governance.motions.tasks.close_ended_motions", "schedule": 60.0},
    # Remind organisations of a data collection campaign's deadline (each reminder sent once).
    # (civica.observatory.campaigns.tasks keeps the name of its old module: this entry and queued tasks name it.)
    "observatory-campaign-reminders": {"task": "civica.observatory.campaign_tasks.send_reminders",
                                       "schedule": crontab(minute=15)},
    # The observatory's indicators counted from Civica's own data, every night (issue 19).
    "observatory-refresh-computed": {"task": "civica.observatory.tasks.refresh_computed",
                                     "schedule": crontab(hour=3, minute=30)},
    # Beneficiaries of voucher programmes past their retention date are erased (civica.vouchers.tasks).
    "vouchers-erase-past-retention": {"task": "civica.vouchers.tasks.erase_past_retention",
                                      "schedule": crontab(hour=3, minute=45)},
}
# When each entry last ran (a file beat writes; its folder must exist).
CELERY_BEAT_SCHEDULE_FILENAME = os.environ.get("CELERY_BEAT_SCHEDULE_FILENAME", str(VAR_DIR / "celerybeat-schedule"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "civica.accounts.backends.EmailLoginBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

# django-allauth: e-mail is the login; verification is sent at sign-up and an
# unverified account may read but not contribute (see civica.accounts.predicates).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Civica] "
ACCOUNT_ADAPTER = "civica.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "civica.accounts.forms.SignupExtraForm"
# Sign-up never tells whether an address has an account: its owner is e-mailed instead, and
# every sign-up ends on the same "check your e-mail" page (civica.accounts.signup).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_FORMS = {"signup": "civica.accounts.signup.SignupForm"}
ACCOUNT_SIGNUP_REDIRECT_URL = "account_email_verification_sent"
# Explicit limits (allauth's own rate limiting, kept in the cache): per client IP
# and, where it applies, per e-mail address ("key").
# Behind load balancers the client's address is the last one they add to X-Forwarded-For: say how many
# of them are yours, or every person in the city counts as the balancer's one address (0: trust none).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("CIVICA_TRUSTED_PROXY_COUNT", "0"))
ACCOUNT_RATE_LIMITS = {
    "signup": "10/m/ip,30/h/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "10/m/ip,3/5m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "3/3m/key",
    "change_password": "5/m/user",
    # Every other write (civica.core.middleware.WriteRateLimitMiddleware): generous per IP, since a
    # whole world-café room may share one venue address.
    "write_by_address": "300/m/ip",
    "write_by_person": "60/m/user",
    # A whole public inventory streamed (the heritage objects, the archive's works: CSV, JSON, GeoJSON;
    # civica.core.write_limits.limited): enough for anyone downloading by hand or a harvester's daily run, not
    # for a loop that would keep the database reading every row.
    "download_by_address": "20/m/ip",
    # The newsletter's subscribe form (civica.newsletter.views): per client IP a 429 page; per address the
    # request is accepted and shows the same page, but no further confirmation e-mail is sent.
    "newsletter_by_address": "10/m/ip,60/h/ip",
    "newsletter_by_email": "3/h/key",
    # Applications to become a member (civica.network.membership_views): a form sent, valid or not.
    "membership_application": "10/h/user,30/h/ip",
    # A person verifying their residence or typing a desk code (civica.verification.views): per person and
    # per address, so nobody tries identifiers or codes in bulk.
    "verification_attempt": "5/h/user,20/h/ip",
}
# Voucher codes looked up (civica.vouchers.limits): (requests, seconds) per account and per address; wrong
# codes (requests, seconds) before the form locks for lock_seconds.
VOUCHER_LOOKUP_LIMITS = {
    "by_person": (60, 60),
    "by_address": (120, 60),
    "wrong_codes": (5, 15 * 60),
    "lock_seconds": 15 * 60,
}
# Verification levels (civica.verification): the class that matches a resident (a city plugs its census
# API here; civica/verification/README.md), the dedicated secret census identifiers are keyed with (not
# SECRET_KEY; required to verify residents), and how long a desk's one-time code works.
CIVICA_CENSUS_VERIFIER = os.environ.get("CIVICA_CENSUS_VERIFIER", "civica.verification.verifiers.CensusCSVVerifier")
CIVICA_CENSUS_KEY = os.environ.get("CIVICA_CENSUS_KEY", "")
CIVICA_DESK_CODE_HOURS = int(os.environ.get("CIVICA_DESK_CODE_HOURS", "72"))
# Where and when staff verify people in person, as the verification page tells them (the centre's address
# from its 2021 plan; hours as the centre publishes them, unset: the page says to write first).
CIVICA_DESK_ADDRESS = os.environ.get("CIVICA_DESK_ADDRESS",
                                     "Centrul Cultural Clujean, Str. Fluierașului nr. 3, Cluj-Napoca")
CIVICA_DESK_HOURS = os.environ.get("CIVICA_DESK_HOURS", "")
CIVICA_DESK_EMAIL = os.environ.get("CIVICA_DESK_EMAIL", "office@cccluj.ro")
# How long a newsletter confirmation link works (seconds; civica.newsletter.tokens).
NEWSLETTER_CONFIRM_MAX_AGE = int(os.environ.get("CIVICA_NEWSLETTER_CONFIRM_MAX_AGE", str(3 * 24 * 3600)))
# Campaigns (civica.newsletter.sending): messages a second over all workers (0: no limit), how many
# batches send a campaign side by side, and after how many seconds without progress a send is resumed.
CIVICA_NEWSLETTER_RATE = float(os.environ.get("CIVICA_NEWSLETTER_RATE", "50"))
CIVICA_NEWSLETTER_PARALLEL = int(os.environ.get("CIVICA_NEWSLETTER_PARALLEL", "2"))
# The mail provider's tracking webhooks (/anymail/<provider>/tracking/, README): HTTP basic auth
# "user:password". Unset, a random secret nobody knows: the webhooks refuse every report.
ANYMAIL = {"WEBHOOK_SECRET": os.environ.get("ANYMAIL_WEBHOOK_SECRET")
           or f"{os.urandom(24).hex()}:{os.urandom(24).hex()}"}
CIVICA_NEWSLETTER_STALLED_AFTER = int(os.environ.get("CIVICA_NEWSLETTER_STALLED_AFTER", "600"))

LANGUAGE_CODE = "ro"
LANGUAGES = [("ro", _("Romanian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Bucharest"
CELERY_TIMEZONE = TIME_ZONE  # the beat schedule's hours
USE_I18N = True
USE_TZ = True
# Numbers are grouped where they are shown as figures (the money and decimal filters force it);
# ids and years printed in templates must never read "1.030.001".
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
# collectstatic's folder; the Lighthouse bench (bench/lighthouse.py) points it at a temporary one.
STATIC_ROOT = Path(os.environ.get("CIVICA_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Leaflet (npm, package.json) is served from static/vendor/leaflet/; `make setup` installs it, and
# collectstatic picks it up in production. Without node_modules only the pages' maps are missing
# (their lists of places stay), so the folder is listed only when present.
LEAFLET_DIR = BASE_DIR / "node_modules" / "leaflet" / "dist"
STATICFILES_DIRS = [BASE_DIR / "static", *([("vendor/leaflet", LEAFLET_DIR)] if LEAFLET_DIR.is_dir() else [])]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("CIVICA_MEDIA_ROOT", VAR_DIR / "media"))
# Public uploads (idea and process images, guides) are under MEDIA_ROOT, served at MEDIA_URL by the
# web server in production, or by Civica itself when CIVICA_SERVE_MEDIA is on (README, deploying).
# Private files (applications' files) live in the "private" storage, outside MEDIA_ROOT, and only
# permission-checked views serve them.
CIVICA_SERVE_MEDIA = env_bool("CIVICA_SERVE_MEDIA", False)
PRIVATE_ROOT = Path(os.environ.get("CIVICA_PRIVATE_ROOT", VAR_DIR / "private"))
PRIVATE_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage",
                   "OPTIONS": {"location": PRIVATE_ROOT, "base_url": "/private-files-have-no-address/"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: printed on the console by default; a file folder or SMTP by environment.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Civica <no-reply@civica.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
elif os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Maps (civica/core/maps.py): the tile server's address, with {z}/{x}/{y} (and {s} for a subdomain),
# and the attribution its licence asks for (HTML). Empty: no map is drawn and pages list the places
# with their coordinates, contacting no other server (the demo and the tests).
CIVICA_MAP_TILE_URL = os.environ.get("CIVICA_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
CIVICA_MAP_ATTRIBUTION = os.environ.get(
    "CIVICA_MAP_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors')


def tile_source(tile_url):
    """The CSP source of a tile server's address ("https://*.tile.example.org" for "{s}."), or None."""
    parts = urlsplit(tile_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def content_security_policy(tile_url):
    """Every asset is served by the app itself, no inline code; map tiles may come from the tile server."""
    tiles = tile_source(tile_url)
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            # Printable documents (plan, receipts) carry their stylesheet inline, allowed by a per-request nonce.
            "style-src": [SELF, NONCE],
            "img-src": [SELF, "data:", *([tiles] if tiles else [])],
            "font-src": [SELF],
            "connect-src": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
            "base-uri": [SELF],
            "object-src": [NONE],
        }
    }


CONTENT_SECURITY_POLICY = content_security_policy(CIVICA_MAP_TILE_URL)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True

# Upload limits: requests larger than this are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# The organisation the site speaks for (shown in the header and footer).
CIVICA_SITE_NAME = os.environ.get("CIVICA_SITE_NAME", "Civica")

# Absolute links in e-mails and calendar feeds (notifications, digests, unsubscribe, iCal) start with
# this; `make demo` sets it from its HOST and PORT.
CIVICA_BASE_URL = os.environ.get("CIVICA_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# OAI-PMH (civica.oai): the repository identifier in every record's identifier (oai:<it>:archive.work/1; by
# default CIVICA_BASE_URL's host when it is a domain name), the address Identify gives, records an answer.
CIVICA_OAI_REPOSITORY_IDENTIFIER = os.environ.get("CIVICA_OAI_REPOSITORY_IDENTIFIER", "")
CIVICA_OAI_ADMIN_EMAIL = os.environ.get("CIVICA_OAI_ADMIN_EMAIL", "")
CIVICA_OAI_PAGE_SIZE = int(os.environ.get("CIVICA_OAI_PAGE_SIZE", "100"))
# How long a call's applications are kept after its results, when their applicant deleted the
# account (calls/personal_data.py; the delete-my-account page says it).
CIVICA_CALL_RECORDS_YEARS = int(os.environ.get("CIVICA_CALL_RECORDS_YEARS", "5"))
# The observatory never publishes an aggregate of fewer organisations than this (issue 19: statistical
# disclosure control; civica.observatory.disclosure).
CIVICA_OBSERVATORY_MIN_ORGANISATIONS = int(os.environ.get("CIVICA_OBSERVATORY_MIN_ORGANISATIONS", "3"))
# A sum or mean where one organisation makes more than this share is withheld too (the dominance rule;
# 0 turns it off). The sector's median and quartiles shown to an organisation need more organisations
# than a published sum: a quartile of few organisations is nearly one of them (civica.observatory.impact.sector).
CIVICA_OBSERVATORY_DOMINANCE_SHARE = os.environ.get("CIVICA_OBSERVATORY_DOMINANCE_SHARE", "0.85")
# Each indicator's audited figures kept in the cache until its values change (civica.observatory.points_cache),
# at most this long; only where every app server shares the cache (0: audited on every read).
CIVICA_OBSERVATORY_POINTS_SECONDS = int(os.environ.get("CIVICA_OBSERVATORY_POINTS_SECONDS",
                                                       "3600" if REDIS_URL else "0"))
CIVICA_OBSERVATORY_MIN_FOR_MEDIAN = int(os.environ.get("CIVICA_OBSERVATORY_MIN_FOR_MEDIAN", "3"))
CIVICA_OBSERVATORY_MIN_FOR_QUARTILES = int(os.environ.get("CIVICA_OBSERVATORY_MIN_FOR_QUARTILES", "5"))
# The public API's rate limit per client address (civica.api.throttling): requests per second, minute,
# hour or day, as django-ninja writes them.
CIVICA_API_RATE_BY_ADDRESS = os.environ.get("CIVICA_API_RATE_BY_ADDRESS", "120/m")
# … and per personal access token, wherever it is used from.
CIVICA_API_RATE_BY_TOKEN = os.environ.get("CIVICA_API_RATE_BY_TOKEN", "600/m")
# Days before a data collection campaign's deadline when organisations that have not submitted are reminded
# (civica.observatory.campaigns.tasks.send_reminders), e.g. "7,1".
CIVICA_OBSERVATORY_REMINDER_DAYS = [
    int(days) for days in os.environ.get("CIVICA_OBSERVATORY_REMINDER_DAYS", "7,1").split(",") if days.strip()]
