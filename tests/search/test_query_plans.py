"""The full-text match is driven by the full-text index, on each database (no per-row re-evaluation)."""

import pytest
from django.db import connection

from search.fulltext import POSTGRES_MATCH, SQLITE_MATCH, PostgresFullTextIndex

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan")
def test_sqlite_plan_starts_from_the_fts5_index_and_joins_by_key(searchable):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + SQLITE_MATCH, ['"queretaro"'])
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "VIRTUAL TABLE INDEX" in plan  # the MATCH is answered by FTS5 once
    assert "SEARCH e USING INTEGER PRIMARY KEY" in plan or "SEARCH e USING INDEX" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_postgres_plan_uses_the_gin_index(searchable):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would be scanned anyway
        cursor.execute("EXPLAIN " + POSTGRES_MATCH, [PostgresFullTextIndex.tsquery([("queretaro",)])])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_fulltext_document" in plan, plan


def test_postgres_vectors_keep_positions_and_title_weight():
    assert PostgresFullTextIndex.vector(["bus", "lane"], ["bus"]) == "'bus':1A,3 'lane':2A"
    assert PostgresFullTextIndex.tsquery([("bus",), ("la",)], prefix=True) == "'bus' & 'la':*"
    assert PostgresFullTextIndex.tsquery([("bus",)], title_only=True) == "'bus':A"
    assert PostgresFullTextIndex.tsquery([("米其", "其林")]) == "('米其' <-> '其林')"
