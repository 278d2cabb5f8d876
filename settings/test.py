"""Tests: like production in behaviour (DEBUG off), fast where it does not matter (password hashing)."""

import os

from .base import *  # noqa: F403
from .base import CACHES, DUMMY_MACHINE_TRANSLATOR, MIDDLEWARE, REDIS_URL, WAGTAILLOCALIZE_MACHINE_TRANSLATOR

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "test-only-secret-key")  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The manifest storage needs collectstatic; tests render templates without it.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or DUMMY_MACHINE_TRANSLATOR
# The page cache stays on, in memory: every test that reads a page after changing content also checks that the
# change made the cached page stale.
if not REDIS_URL:
    CACHES = {**CACHES, "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}

# make test-quick keeps its SQLite test databases in files between runs (pytest --reuse-db): each run then only
# applies new migrations instead of building the schema again (about 18 s per worker). make test and CI start from
# an empty in-memory database as before.
if os.environ.get("TEST_DATABASE_FILE") and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_FILE"]}  # noqa: F405
