"""Health checks for a load balancer and an orchestrator.

``/healthz``: the process answers (no database, no cache: a database outage must not get every app server taken
out of rotation and restarted). ``/readyz``: this server can serve the site: the database answers, every
migration is applied, the cache answers, and the search index can be read (and Elasticsearch, when configured,
answers); else 503 naming each failing part, never an error message that could carry a secret.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.elasticsearch import client
from search.models import SearchEntry

logger = logging.getLogger("citynet.health")
PROBE_KEY = "health:probe"


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")


def _migrations():
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise RuntimeError("unapplied migrations")


def _cache():
    cache.set(PROBE_KEY, "ok", 10)
    if cache.get(PROBE_KEY) != "ok":
        raise RuntimeError("the cache did not keep a value")


def _search():
    SearchEntry.objects.only("pk").first()
    if settings.ELASTICSEARCH_URL and not client(guarded=False).ping():
        raise RuntimeError("Elasticsearch does not answer")


CHECKS = {"database": _database, "migrations": _migrations, "cache": _cache, "search": _search}


@never_cache
@require_GET
def readyz(request):
    failing = []
    for name, check in CHECKS.items():
        if name != "database" and "database" in failing and name in ("migrations", "search"):
            failing.append(name)  # they read the database: failing with it, not checked again
            continue
        try:
            check()
        except Exception:  # noqa: BLE001 (any failure of a part means not ready; the log says which and why)
            logger.warning("Not ready: the %s check failed.", name, exc_info=True)
            failing.append(name)
    if failing:
        return JsonResponse({"status": "unavailable", "failing": failing}, status=503)
    return JsonResponse({"status": "ready", "checks": list(CHECKS)})
