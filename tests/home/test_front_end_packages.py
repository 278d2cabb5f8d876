"""A missing front-end package stops collectstatic with a clear message instead of 500s on every page (issue 16)."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from home.checks import front_end_packages_installed


def test_installed_packages_pass():
    assert front_end_packages_installed() == []


def test_collectstatic_stops_when_a_package_is_missing(settings, tmp_path):
    settings.STATICFILES_DIRS = [("vendor/leaflet", tmp_path / "node_modules" / "leaflet" / "dist")]
    settings.STATIC_ROOT = tmp_path / "static"
    (error,) = front_end_packages_installed()
    assert error.id == "home.E001" and "make install" in error.hint
    with pytest.raises(SystemCheckError, match="front-end package for static/vendor/leaflet/ is not installed"):
        call_command("collectstatic", "--noinput", verbosity=0, skip_checks=False)  # as on the command line
    assert not (tmp_path / "static").exists()
