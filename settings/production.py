"""Production: everything secret or host-specific comes from the environment, and is required."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, LOGGING, TASK_BACKEND_CLASSES, TASKS

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in the environment for production (PostgreSQL).")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names (comma-separated).")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Plain HTTP is redirected to HTTPS (behind the proxy, by the header above), but for the health checks a load
# balancer sends over plain HTTP on the private network.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true") == "true"
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
HSTS_SECONDS = os.environ.get("SECURE_HSTS_SECONDS", "31536000")  # a year; 0 turns HSTS off
if not HSTS_SECONDS.isdigit():
    raise ImproperlyConfigured(f"SECURE_HSTS_SECONDS must be a number of seconds, not {HSTS_SECONDS!r}.")
SECURE_HSTS_SECONDS = int(HSTS_SECONDS)
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true") == "true"
# Preloading is a promise to browsers that is slow to take back: the operator opts in (SECURE_HSTS_PRELOAD=true),
# so its deploy check (security.W021) is silenced rather than the promise made by default.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "false") == "true"
# Wagtail's editor shows the page being edited in a frame of the admin (its live preview): the site frames itself,
# and nobody else may (X_FRAME_OPTIONS and the policy's frame-ancestors 'self'), so security.W019 is expected.
SILENCED_SYSTEM_CHECKS = ["security.W021", "security.W019"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "true") == "true"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = os.environ.get("EMAIL_PORT", "25")
if not EMAIL_PORT.isdigit():
    raise ImproperlyConfigured(f"EMAIL_PORT must be a port number, not {EMAIL_PORT!r}.")
EMAIL_PORT = int(EMAIL_PORT)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false") == "true"
EMAIL_TIMEOUT = 15  # a stuck mail server must not hold a visitor's request (the message is stored anyway)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CityNet <no-reply@localhost>")

# Background work goes to run_worker processes (settings/base.py, docs/deployment.md); TASK_BACKEND=immediate runs it
# in the web process instead, for a site with no worker.
TASK_BACKEND = os.environ.get("TASK_BACKEND", "database").strip().lower()
if TASK_BACKEND not in TASK_BACKEND_CLASSES:
    raise ImproperlyConfigured(f"TASK_BACKEND must be 'database' or 'immediate', not {TASK_BACKEND!r}.")
TASKS = {"default": TASKS["default"], "background": {"BACKEND": TASK_BACKEND_CLASSES[TASK_BACKEND]}}

# Logs: one JSON object per line for a log collector (LOG_FORMAT=text for people), a line per request.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'text', not {LOG_FORMAT!r}.")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT
LOGGING["loggers"]["citynet.requests"]["level"] = "INFO"

# Errors go to Sentry when SENTRY_DSN is set (the official SDK; nothing is sent otherwise). No user identities and no
# request bodies (contact messages, sign-in forms) are collected; the SDK scrubs its sensitive denylist elsewhere.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        data_collection={"user_info": False, "http_bodies": []},
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
