"""gunicorn.conf.py: what every gunicorn started in the project directory reads (make run, the benchmark)."""

import gc
import runpy
from types import ModuleType

import pytest
from django.conf import settings
from gunicorn.config import Config

CONFIG_FILE = str(settings.BASE_DIR / "gunicorn.conf.py")


def test_every_name_of_the_file_is_a_gunicorn_setting():
    """A misspelt setting would be ignored by gunicorn without a word."""
    values = runpy.run_path(CONFIG_FILE)
    names = {name for name, value in values.items() if not name.startswith("_") and not isinstance(value, ModuleType)}
    assert {"bind", "workers", "post_worker_init", "timeout", "graceful_timeout"} <= names <= set(Config().settings)


def test_workers_follow_web_concurrency(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert runpy.run_path(CONFIG_FILE)["workers"] == 3


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


def test_a_worker_puts_what_it_loaded_at_start_out_of_the_collectors_reach(unfrozen):
    gc.unfreeze()
    runpy.run_path(CONFIG_FILE)["post_worker_init"](worker=None)
    assert gc.get_freeze_count() > 0


def test_requests_are_bounded_in_time_and_workers_renewed(monkeypatch):
    monkeypatch.setenv("GUNICORN_TIMEOUT", "20")
    monkeypatch.setenv("GUNICORN_MAX_REQUESTS", "5000")
    values = runpy.run_path(CONFIG_FILE)
    assert values["timeout"] == values["graceful_timeout"] == 20
    assert values["max_requests"] > 0 and 0 < values["max_requests_jitter"] < values["max_requests"]
    assert values["accesslog"] is None  # Django logs each request (cms/requestlog.py)
