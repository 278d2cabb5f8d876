"""The front-end packages the pages need, checked before static files are collected.

Django only warns (staticfiles.W004) when a STATICFILES_DIRS entry is missing, and collectstatic then succeeds
without it: with the manifest storage every page that links the package's CSS answers 500. An error here stops
``collectstatic`` (and ``migrate``, ``runserver``, ``check``) with what to run instead.
"""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.staticfiles)
def front_end_packages_installed(app_configs=None, **kwargs):
    errors = []
    for entry in settings.STATICFILES_DIRS:
        if not isinstance(entry, tuple) or not entry[0].startswith("vendor/"):
            continue
        prefix, directory = entry
        if not Path(directory).is_dir():
            errors.append(
                Error(
                    f"The front-end package for static/{prefix}/ is not installed: {directory} is missing.",
                    hint="Run `make install` (or `npm ci`) before collectstatic; the pages link its files.",
                    id="home.E001",
                )
            )
    return errors
