"""Ten seconds of the soak (benchmarks/soak.py) on a small network: gunicorn with production settings, the
worker, Redis and a mail server of their own, mixed requests and an editor publishing once a second. On the
suite's database engine: SQLite, or PostgreSQL in the PostgreSQL run. The full soak, with its faults and fuzzing,
is ``make soak`` (docs/reliability.md)."""

import json
import os

import pytest

from benchmarks import soak

pytestmark = pytest.mark.slow


def test_ten_seconds_of_mixed_load_and_publishing_without_an_error(tmp_path, worker_id):
    arguments = ["--seed", "small", "--seconds", "10", "--connections", "8", "--var-dir", str(tmp_path),
                 "--output", str(tmp_path / "soak.json")]  # fmt: skip
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        server = database_url.rsplit("/", 1)[0]
        arguments += ["--phases", "postgres", "--database", f"{server}/citynet_soak_smoke_{worker_id}"]
        phase = "postgres"
    else:
        arguments += ["--phases", "sqlite"]
        phase = "sqlite"

    exit_code = soak.main(arguments)

    report = json.loads((tmp_path / "soak.json").read_text())["phases"][phase]
    assert exit_code == 0, report
    assert all(report["checks"].values())
    result = report["result"]
    assert result["all"]["requests"] > 100 and result["all"]["5xx"] == 0
    assert {"page", "search", "api", "feed"} <= set(result["by_kind"])
    assert result["publishes"] >= 5 and result["publishes_refused"] == 0
    assert result["database_locked"] == 0
    assert result["tasks"].get("SUCCESSFUL", 0) >= result["publishes"]  # each publish indexed by the worker
