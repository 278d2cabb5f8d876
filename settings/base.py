"""Settings shared by every environment. Values that differ per deployment come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from pagecache.frontend import FrontendCacheConfigurationError, backends_from_environment

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR / "cms"
VAR_DIR = Path(os.environ.get("CITYNET_VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "home",
    "citypages",
    "search",
    "demo",
    "translations",
    "cityteams",
    "opendata",
    "matching",
    "contact",
    "commitments",
    "pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: locale admin with tree synchronisation
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "operations",  # backups, their restoration and the background worker (manage.py backup / restore / run_worker)
    "library",  # the project's document model (WAGTAILDOCS_DOCUMENT_MODEL) and the public documents library
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "cms.apps.StaticFilesConfig",  # Django's, leaving out the front-end packages' files no page uses
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",  # admin sign-in throttling (AXES_* below)
    "django_tasks",  # Django's tasks API, backported (TASKS below)
    "django_tasks_db",  # its database backend: the queue is a table of the site's own database
]

MIDDLEWARE = [
    "cms.requestlog.RequestLogMiddleware",  # first: every request logged with its id and duration
    "django.middleware.security.SecurityMiddleware",
    "cms.security.SecurityHeadersMiddleware",  # Content-Security-Policy, Permissions-Policy
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, language and authentication: a cached page skips them (pagecache/middleware.py).
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as axes requires: turns a locked-out sign-in into its 429 page
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.network_navigation",
                "pagecache.context_processors.kept_fragments",
            ],
            # The project package is not an app; its template tags are named here.
            "libraries": {"locale_text": "cms.templatetags.locale_text"},
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # git-ignored, so absent from a fresh clone
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'citynet.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A kept connection the server closed meanwhile (a restart, a failover, pg_terminate_backend) is replaced
        # when a request first uses it, instead of failing that request (docs/reliability.md).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run while the seed command or an editor writes; the timeout waits out short locks. Transactions
    # take the write lock when they begin (IMMEDIATE): one that began as a read and then wrote while another process
    # was writing failed at once with "database is locked", without waiting (seen in the soak, docs/reliability.md).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# While the database does not answer, every request gets 503 with this Retry-After (seconds): cms/views.py.
DATABASE_OUTAGE_RETRY_AFTER = int(os.environ.get("DATABASE_OUTAGE_RETRY_AFTER", "30"))

# Admin sign-in throttling (django-axes, cms/login_throttling.py): after AXES_FAILURE_LIMIT wrong passwords for one
# account (from any address) or from one address (for any accounts), signing in is refused for AXES_COOLOFF_TIME,
# the right password too; each further attempt during the lock starts it again. A success clears the account's
# failures. Counted in the database, so shared by every worker; addresses as cms/clients.py tells them.
AUTHENTICATION_BACKENDS = [
    "cms.login_throttling.LoginThrottlingBackend",  # first, as axes requires
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each counted on its own, not the pair
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "cms.login_throttling.AccountResettingDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "cms.clients.client_address"
AXES_LOCKOUT_CALLABLE = "cms.login_throttling.locked_out"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the network's 11 locales, English first (the default and x-default).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("hu", "Magyar"),
    ("zh-hans", "中文"),
    ("th", "ไทย"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Numbers and dates follow the visitor's language; cms/formats corrects the locales where Django's defaults differ
# from what readers expect.
FORMAT_MODULE_PATH = ["cms.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [
    PROJECT_DIR / "static",
    # Installed from the npm registry by `make install` (package-lock.json), served as our own files.
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/leaflet-markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
    # The world's land and borders under the maps when no tile server is set (Natural Earth, public domain).
    ("vendor/world-atlas", BASE_DIR / "node_modules" / "world-atlas"),
    ("vendor/topojson-client", BASE_DIR / "node_modules" / "topojson-client" / "dist"),
]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
# SERVE_MEDIA=true: Django itself serves uploaded media at MEDIA_URL (django.views.static.serve), for a single-server
# deployment with no web server in front for /media/ (and the browser tests); with DEBUG on they are served anyway.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").strip().lower() == "true"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage (AWS S3, MinIO, Scaleway, OVH…) when MEDIA_S3_BUCKET is set: what several app
# servers share (docs/deployment.md). Files are private to the bucket: documents are served through the site, which
# checks their collection's privacy (WAGTAILDOCS_SERVE_METHOD below); images by signed URLs unless
# MEDIA_S3_CUSTOM_DOMAIN names a public CDN for them.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "").strip()
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL", "").strip() or None,
            "region_name": os.environ.get("MEDIA_S3_REGION", "").strip() or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID", "").strip() or None,
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY", "").strip() or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN", "").strip() or None,
            "querystring_auth": not os.environ.get("MEDIA_S3_CUSTOM_DOMAIN", "").strip(),
            # Signed image URLs outlive the page cache's entries (PAGE_CACHE_TIMEOUT, an hour by default).
            "querystring_expire": 2 * int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600")) + 3600,
            "file_overwrite": False,  # two uploads of "report.pdf" keep both, as on disk
            "default_acl": None,  # the bucket's own policy (private)
        },
    }
# Documents go through the site (a private collection's stay private), streamed from whichever storage holds them.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

ALLOWED_HOSTS = [host.strip() for host in os.environ.get("ALLOWED_HOSTS", "").split(",") if host.strip()]

# Cache: Redis when REDIS_URL is set (production), otherwise a per-process memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "citynet",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},  # a Redis outage degrades to no cache, not to 500s
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "citynet-pages"}
else:
    # Without Redis the page cache is kept in files under var/, shared by the server's processes: a per-process memory
    # cache would let one worker serve a page another worker's publish made stale.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "page-cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# The anonymous full-page cache (pagecache/, docs/performance.md): pages for visitors without a session, made stale
# by any content change. Entries are kept PAGE_CACHE_TIMEOUT seconds at most; browsers revalidate after
# PAGE_CACHE_MAX_AGE seconds (0: on every visit, answered 304 when nothing changed), CDNs keep a page
# PAGE_CACHE_SHARED_MAX_AGE seconds (s-maxage).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "true").strip().lower() == "true"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "0"))
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "60"))
# With Redis, each server thread also keeps the pages it served in memory, up to this many bytes, while it hears
# every new generation (pagecache/local.py); 0 switches that off.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(32 * 1024 * 1024)))
# Parts of pages that read a whole language tree (partner suggestions, a city's commitments, the navigation) kept
# for the same generation, for editors too and with the page cache off (pagecache/fragments.py).
PAGE_FRAGMENTS_CACHED = os.environ.get("PAGE_FRAGMENTS_CACHED", "true").strip().lower() == "true"
# A CDN or caching proxy in front, purged when pages are published (pagecache/frontend.py): FRONTEND_CACHE_PURGE_URL,
# or FRONTEND_CACHE_CLOUDFLARE_ZONE_ID with FRONTEND_CACHE_CLOUDFLARE_TOKEN.
try:
    WAGTAILFRONTENDCACHE = backends_from_environment(os.environ)
except FrontendCacheConfigurationError as error:
    raise ImproperlyConfigured(str(error)) from error

# Search: the database backend by default; ELASTICSEARCH_URL is read here and wired by the search app.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Seconds before an Elasticsearch request gives up and the search answers from the database instead.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
# Circuit breaker (search/breaker.py): after this many failures in a row, Elasticsearch is not asked for so many
# seconds (searches answer from the database at once); then one request probes it.
ELASTICSEARCH_BREAKER_FAILURES = int(os.environ.get("ELASTICSEARCH_BREAKER_FAILURES", "3"))
ELASTICSEARCH_BREAKER_COOLDOWN = float(os.environ.get("ELASTICSEARCH_BREAKER_COOLDOWN", "30"))

# Background work (docs/deployment.md): e-mail to contact persons, search re-indexing and CDN purges after a publish,
# the nightly refresh. Django's tasks API (django.tasks from Django 6; the django-tasks backport on 5.2). Two backends:
# - database (production's default): tasks are rows of the site's own database (PostgreSQL or SQLite), run by
#   `manage.py run_worker` processes on this machine or on any other that reaches the database;
# - immediate (development and tests): a task runs in the process that enqueues it, when it is enqueued.
TASK_BACKEND_CLASSES = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASK_BACKEND = os.environ.get("TASK_BACKEND", "immediate").strip().lower()
if TASK_BACKEND not in TASK_BACKEND_CLASSES:
    raise ImproperlyConfigured(f"TASK_BACKEND must be 'database' or 'immediate', not {TASK_BACKEND!r}.")
# Wagtail's own tasks (its reference index, the admin's search index) stay on "default", immediate: cms/background.py.
TASKS = {
    "default": {"BACKEND": TASK_BACKEND_CLASSES["immediate"]},
    "background": {"BACKEND": TASK_BACKEND_CLASSES[TASK_BACKEND]},
}
# A task a worker started this long ago and never finished was held by a worker that died (a machine lost, not
# restarted): run_worker gives it to another worker. Longer than any task takes (the nightly refresh: minutes).
TASK_LEASE_SECONDS = int(os.environ.get("TASK_LEASE_SECONDS", "3600"))
# A contact message the mail server refused is tried again after each of these delays (seconds), then left
# failed for the network office to resend (needs the database backend: the immediate one cannot wait).
CONTACT_DELIVERY_RETRY_SECONDS = tuple(
    int(seconds) for seconds in os.environ.get("CONTACT_DELIVERY_RETRY_SECONDS", "60,300,1800,7200,43200").split(",")
)

# Maps: a tile server URL template ({z}/{x}/{y}) and its attribution. None by default: the maps then show the
# cities on a plain background (no request leaves the site).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
# The admin asks nobody outside the site for anything (its Content-Security-Policy would refuse it anyway).
WAGTAIL_ENABLE_UPDATE_CHECK = False
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The contact form (contact/): at most this many messages per visitor (hashed IP address) per so many seconds, and
# the fewest seconds between serving the form and a person sending it back (bots post at once).
CONTACT_RATE_LIMIT = (5, 3600)
CONTACT_MINIMUM_SECONDS = 3
# The visitor's address, for the limits above and the admin login's (cms/clients.py). Empty (the default): the
# connection's address (REMOTE_ADDR), and X-Forwarded-For is ignored, being whatever the client says. Behind a
# reverse proxy, set TRUSTED_PROXY_HEADER to the header it writes (e.g. HTTP_X_FORWARDED_FOR) and TRUSTED_PROXY_COUNT
# to how many proxies of ours a request passes (default 1): the address is the one the outermost of them saw, the
# TRUSTED_PROXY_COUNT-th entry from the right, never the client-supplied leftmost; a missing or malformed header
# falls back to REMOTE_ADDR. Set it only when the site cannot be reached except through those proxies.
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "").strip()
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

WAGTAIL_SITE_NAME = "CityNet"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "library.NetworkDocument"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# wagtail-localize: translations are published when their source is; machine translation by DeepL when a key
# is given (dev and test fall back to localize's offline dummy translator, production to none).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {"CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator", "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY}}
    if DEEPL_API_KEY
    else None
)
DUMMY_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}

# A request taking longer is logged as a warning (cms/requestlog.py).
SLOW_REQUEST_MS = float(os.environ.get("SLOW_REQUEST_MS", "1000"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One line a minute at most from django-redis during a Redis outage, instead of a traceback per cache call.
    "filters": {
        "once_a_minute": {"()": "cms.logging.OncePerInterval", "interval": 60},
        "request_id": {"()": "cms.requestlog.RequestIdFilter"},
    },
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "cms.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "text"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Every module of the project logs under "citynet.<concern>" (citynet.search, citynet.contact, citynet.errors,
        # citynet.health, citynet.operations, citynet.pagecache): one logger configures them all
        # (tests/cms/test_logging_config.py).
        "citynet": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # A line per request in production (settings/production.py); here only the slow ones.
        "citynet.requests": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_redis.cache": {"filters": ["once_a_minute"]},
    },
}
