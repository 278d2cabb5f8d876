"""/healthz says the process answers, touching nothing; /readyz says whether this server can serve the site and,
when not, which part fails, with no detail that could carry a secret (issue 18, part 2)."""

import pytest
from django.db import DatabaseError

from cms import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database_or_the_cache(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_readyz_checks_each_part(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": ["database", "migrations", "cache", "search"]}


def test_readyz_names_what_fails_and_nothing_more(client, monkeypatch):
    def broken():
        raise DatabaseError("password authentication failed for user citynet at db.internal:5432")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "failing": ["database", "migrations", "search"]}
    assert b"password" not in response.content and b"db.internal" not in response.content


def test_readyz_reports_a_cache_that_keeps_nothing(client, monkeypatch):
    from django.core.cache.backends.dummy import DummyCache

    monkeypatch.setattr(health, "cache", DummyCache("nowhere", {}))
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["failing"] == ["cache"]


def test_readyz_reports_unapplied_migrations(client, monkeypatch):
    class Pending:
        def __init__(self, connection):
            self.loader = type("Loader", (), {"graph": type("Graph", (), {"leaf_nodes": lambda self: []})()})()

        def migration_plan(self, targets):
            return [("library", "9999_not_applied")]

    monkeypatch.setattr(health, "MigrationExecutor", Pending)
    assert client.get("/readyz").json()["failing"] == ["migrations"]


def test_health_checks_refuse_anything_but_get(client):
    assert client.post("/healthz").status_code == 405 and client.post("/readyz").status_code == 405
