"""Tests: like production in behaviour (DEBUG off), fast where it does not matter (password hashing)."""

import os

from .base import *  # noqa: F403
from .base import DUMMY_MACHINE_TRANSLATOR, MIDDLEWARE, WAGTAILLOCALIZE_MACHINE_TRANSLATOR

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
