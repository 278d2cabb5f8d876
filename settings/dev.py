"""Local development: debug on, a development-only secret key, console e-mail."""

import os

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DUMMY_MACHINE_TRANSLATOR, WAGTAILLOCALIZE_MACHINE_TRANSLATOR

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-secret-key-never-used-in-production")  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INTERNAL_IPS = ["127.0.0.1"]
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = WAGTAILLOCALIZE_MACHINE_TRANSLATOR or DUMMY_MACHINE_TRANSLATOR
