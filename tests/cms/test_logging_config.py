"""Every logger of the project's modules is one the LOGGING setting configures."""

import importlib
import logging
import pkgutil

import pytest
from django.conf import settings

APPS = [
    "cms", "home", "citypages", "search", "translations", "cityteams", "opendata", "matching", "contact",
    "commitments", "pagecache", "operations", "demo", "library",
]  # fmt: skip


def module_loggers():
    loggers = {}
    for app in APPS:
        package = importlib.import_module(app)
        for module_info in pkgutil.walk_packages(package.__path__, f"{app}."):
            # cms.wsgi sets Django up again, which would configure logging a second time for the rest of the run.
            if ".migrations" in module_info.name or module_info.name == "cms.wsgi":
                continue
            module = importlib.import_module(module_info.name)
            for value in vars(module).values():
                if isinstance(value, logging.Logger):
                    loggers[module_info.name] = value.name
    return loggers


def test_the_project_modules_log():
    assert {"search.service", "contact.tasks", "cms.requestlog"} <= module_loggers().keys()


@pytest.mark.parametrize("module, name", sorted(module_loggers().items()))
def test_every_module_logs_under_the_configured_citynet_logger(module, name):
    assert name == "citynet" or name.startswith("citynet."), f"{module} logs under {name!r}, which LOGGING leaves out"
    assert "citynet" in settings.LOGGING["loggers"]
