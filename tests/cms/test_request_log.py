"""A log line per request under a request id, a warning for a slow one, JSON logs in production, and Sentry only
when SENTRY_DSN is set (issue 18, part 2)."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms.logging import JsonFormatter
from cms.requestlog import RequestIdFilter

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [record for record in caplog.records if record.name == "citynet.requests"]


def test_each_request_is_logged_once_with_its_id_status_and_duration(client, network_tree, caplog):
    caplog.set_level(logging.INFO, logger="citynet.requests")
    response = client.get("/en/", headers={"X-Request-ID": "lb-7f3a9c2e"})
    assert response["X-Request-ID"] == "lb-7f3a9c2e"  # the proxy's id, passed on
    (record,) = [r for r in request_records(caplog) if r.levelno == logging.INFO]
    assert (record.method, record.path, record.status) == ("GET", "/en/", 200) and record.duration_ms >= 0


def test_an_id_that_is_not_sane_is_replaced(client, network_tree):
    response = client.get("/en/", headers={"X-Request-ID": "x\nforged log line"})
    assert len(response["X-Request-ID"]) == 32 and "\n" not in response["X-Request-ID"]


def test_a_slow_request_is_a_warning(client, network_tree, caplog, settings):
    settings.SLOW_REQUEST_MS = 0
    client.get("/en/")
    assert any(r.levelno == logging.WARNING and r.getMessage().startswith("Slow request") for r in caplog.records)


def test_json_lines_carry_the_request_fields_and_any_record_written_during_the_request():
    record = logging.LogRecord("citynet.requests", logging.INFO, __file__, 1, "GET %s", ("/en/",), None)
    record.status, record.duration_ms, record.path = 200, 12.5, "/en/"
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "GET /en/" and line["status"] == 200 and line["duration_ms"] == 12.5
    assert line["level"] == "INFO" and line["time"].endswith("Z") and "request_id" not in line  # outside a request


def production(script, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SENTRY_DSN", "LOG_FORMAT"}}
    base = {"SECRET_KEY": "s", "DATABASE_URL": "postgres://postgres@127.0.0.1/x", "ALLOWED_HOSTS": "a.b"}
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=clean | base | env, capture_output=True, text=True, check=False
    )


def test_production_logs_json_unless_told_otherwise():
    script = "import settings.production as s; print(s.LOGGING['handlers']['console']['formatter'])"
    assert production(script).stdout.strip() == "json"
    assert production(script, LOG_FORMAT="text").stdout.strip() == "text"
    refused = production(script, LOG_FORMAT="xml")
    assert refused.returncode != 0 and "LOG_FORMAT must be 'json' or 'text'" in refused.stderr


def test_sentry_is_off_by_default_and_on_with_a_dsn():
    script = "import settings.production, sentry_sdk; print(sentry_sdk.get_client().is_active())"
    assert production(script).stdout.strip() == "False"
    result = production(script, SENTRY_DSN="http://public@127.0.0.1:9/1")  # never contacted: nothing to report
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
