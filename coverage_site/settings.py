"""Settings for Coverage Archive, read from the environment.

Development defaults (DEBUG on, SQLite file in the project) need no configuration;
production sets DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and DEBUG=0.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from coverage_site.cache_url import cache_from_url
from coverage_site.routers import REPLICA

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105 (DEBUG only)
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "simple_history",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Stored pages for anonymous readers, answered before the rest of the stack runs; it
    # applies the middleware below that shapes a page itself (articles/page_cache/middleware.py).
    "articles.page_cache.middleware.PageCacheMiddleware",
    # After whitenoise: static files are no documents, a policy on them would change nothing.
    # Before the views, so rendered pages get the header; PageCacheMiddleware applies it to
    # the stored pages it answers.
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Names the signed-in editor on the history rows their saves write (articles/history.py).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a locked-out login into the lockout page; axes wants it last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coverage_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "coverage_site.wsgi.application"


def database_from_url(url: str) -> dj_database_url.DBConfig:
    """One entry of DATABASES; the primary and the read replica are configured alike."""
    database = dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if database["ENGINE"] == "django.db.backends.postgresql":
        # Django's, with a health check that asks the socket before the server.
        database["ENGINE"] = "articles.postgresql_backend"
        # Parameters travel apart from the SQL (bytea as binary, no quoting of long bodies on
        # the client) and repeated statements are prepared: the importer writes faster.
        database.setdefault("OPTIONS", {})["server_side_binding"] = True
        # Django turns psycopg's preparing off unless asked; a cached page's version query
        # spends four times longer being planned than run.
        database["OPTIONS"]["prepare_threshold"] = 5
        # A database that is down or unreachable must fail a request in seconds (a 503 page,
        # articles/views/errors.py), not hold a worker for the system's TCP timeout. libpq
        # counts whole seconds, at least 2.
        database["OPTIONS"].setdefault(
            "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
        )
    return database


DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
if replica_url := os.environ.get("DATABASE_REPLICA_URL"):
    # Anonymous GET/HEAD requests read from the replica; everything else stays on the
    # primary (coverage_site/routers.py says why). The middleware needs request.user: last.
    DATABASES[REPLICA] = database_from_url(replica_url)
    DATABASE_ROUTERS = ["coverage_site.routers.PrimaryReplicaRouter"]
    MIDDLEWARE.append("coverage_site.routers.replica_reads_middleware")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Comparisons are cached under a fingerprint of what they were computed from, so any backend
# is correct; what differs is who shares them. A comparison is stored by the process that
# wrote the articles and read by page views in other gunicorn workers, so the default is a
# database cache (shared, survives restarts; `make setup` creates its table) and production
# may use redis://. locmem:// keeps one copy per process (each worker computes its own) and
# dummy:// none (every view computes): for development and tests.
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL") or "db://coverage_cache")}
# Anonymous readers get public pages from that cache, keyed by the content's version
# (articles/page_cache). PAGE_CACHE=0 renders every view: for measuring the rendering itself.
PAGE_CACHE = env_bool("PAGE_CACHE", True)

# The browser runs no inline script and applies no style attribute: an injected
# <script> or onerror= does nothing even if escaping ever failed. No nonces, so a page
# is the same bytes for every reader and the page cache can keep it. Images may come
# from anywhere on the web: an article's images are the links its source page held
# (http as well as https: many outlets' image hosts still serve plain http), never copied
# here; an image cannot run script, and the importer and the forms accept only http(s)
# links (articles/validators.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "https:", "http:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username
# from one address, that pair is refused for AXES_COOLOFF_TIME (each refused try starts the
# wait again). The same username from another address still signs in, so nobody can lock
# an editor out, and no lock lasts for good. The address is REMOTE_ADDR, or behind a
# reverse proxy the one REVERSE_PROXY_COUNT hops from the right of X-Forwarded-For
# (articles/login_throttling.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "articles.login_throttling.locked_out"
AXES_CLIENT_IP_CALLABLE = "articles.login_throttling.client_address"
AXES_RESET_ON_SUCCESS = True
REVERSE_PROXY_COUNT = int(os.environ.get("REVERSE_PROXY_COUNT", "0"))

# The panel is the only place to sign in. A `next=` that leads off the site is dropped, and
# the sign-in then lands here (Django's default, /accounts/profile/, does not exist).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface (not the articles) is offered in the archive's four languages.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("id", _("Indonesian")),
    ("sv", _("Swedish")),
    ("vi", _("Vietnamese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# The demo content every fresh archive starts with (`load_seed_events`; tests read it too).
SEED_FIXTURE = BASE_DIR / "fixtures" / "seed_events.json"

# Third-party evaluation corpora (never copied into the repository): some tests use them and
# skip without them; generate_archive builds richer texts from them when they are there.
SHARED_DATA_DIR = Path(
    os.environ.get("COVERAGE_SHARED_DATA") or BASE_DIR.parent / "shared" / "data"
)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Pagination sizes for the public lists.
EVENTS_PER_PAGE = 20
ARTICLES_PER_PAGE = 30

# The read-only JSON API (articles/api). Sessions only: an editor signed in is not throttled,
# and no password travels with API requests. Anonymous clients are throttled per address
# through the cache above (so every worker counts the same requests).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
    "DEFAULT_SCHEMA_CLASS": "articles.api.schema.ArchiveSchema",
    # The same client address as login throttling: REMOTE_ADDR, or behind the proxies the
    # operator declares, the one they appended to X-Forwarded-For (never a header a client
    # could write itself when no proxy is declared).
    "NUM_PROXIES": REVERSE_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Coverage Archive API",
    "DESCRIPTION": (
        "Read-only: the archive's public events, articles, outlets, languages, name register "
        "and each event's aligned paragraphs. Lists are newest first and paginated with "
        "cursors: follow `next`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# Captures above this size are refused by the importer rather than half-read.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
# A capture pasted in the admin travels in the form's body: let one of that size through, so
# the form can name the limit instead of the request failing with a bare 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_BYTES + 1024 * 1024

# One line per record: a failed request logs its method, path, status and the error's type,
# message and place (coverage_site/log_format.py). LOG_TRACEBACKS=1 adds the traceback
# below that line; on by default only in development.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {
            "()": "coverage_site.log_format.OneLineFormatter",
            "tracebacks": env_bool("LOG_TRACEBACKS", DEBUG),
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The process manager asks over plain http on the machine itself.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The one cookie a reader gets (the interface language they chose), kept alike.
    LANGUAGE_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SAMESITE = "Lax"
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
