"""Django's static files app, configured for the front-end packages served from node_modules."""

from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig


class StaticFilesConfig(DjangoStaticFilesConfig):
    """Django serves a package's whole directory (``STATICFILES_DIRS``). world-atlas also holds 1:10m outlines
    (7 MB), land-only files, a package.json, a README and a licence that no page loads, which collectstatic would
    copy and compress on every deploy. Django's documented way to leave files out is this list."""

    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "*-10m.json", "land-*.json", "package.json", "*.md"]
    ignore_patterns += ["LICENSE"]
