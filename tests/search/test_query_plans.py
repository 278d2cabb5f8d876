"""The full-text match is driven by the full-text index, on each database (no per-row re-evaluation)."""

import pytest
from django.db import connection

from search.fulltext import PostgresFullTextIndex
from search.normalise import query_terms
from search.ranking import count_statement, postgres_search_statement, rows_statement

pytestmark = pytest.mark.django_db


def _sqlite_plan(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan")
@pytest.mark.parametrize("build", [count_statement, rows_statement], ids=["counts", "rows"])
def test_sqlite_plan_starts_from_the_fts5_index_and_reads_a_covering_index(searchable, build):
    options = {} if build is count_statement else {"passing": {1, 2}}
    plan = _sqlite_plan(*build(query_terms("queretaro"), **options))
    assert "VIRTUAL TABLE INDEX" in plan  # the MATCH is answered by FTS5 once
    # Entries are looked up by key from the matches, never scanned. (On this small table the planner may read the
    # rows behind the index; at 100k entries it reads the covering index alone: docs/performance.md.)
    assert "SEARCH e USING" in plan and "INDEX search_entry_match (page_id=?)" in plan, plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan")
def test_sqlite_browsing_reads_covering_indexes_in_their_order(searchable):
    counts = _sqlite_plan(*count_statement([]))
    assert counts == "SCAN e USING COVERING INDEX search_entry_signature", counts
    rows = _sqlite_plan(*rows_statement([], passing={1, 2}))
    assert "SCAN e USING COVERING INDEX search_entry_date" in rows, rows
    assert "TEMP B-TREE" not in rows, rows  # the newest come first from the index: no sort of every entry


def _postgres_plan(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would be scanned anyway
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_postgres_search_reads_the_gin_index_once_and_joins_nothing(searchable):
    plan = _postgres_plan(*postgres_search_statement(query_terms("queretaro"), passing={1, 2}))
    assert plan.count("search_fulltext_document") == 1, plan  # one match serves the counts and the ranking
    assert "network_search_searchentry" not in plan, plan  # the full-text rows carry what is counted and sorted
    assert "top-N" in plan or "Limit" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statements")
def test_postgres_queries_never_take_the_two_statement_path():
    for build in (count_statement, rows_statement):
        with pytest.raises(ValueError, match="postgres_search_statement"):
            build(query_terms("queretaro"))
    assert count_statement([])[0].startswith("SELECT")  # browsing does


def test_postgres_vectors_keep_positions_and_title_weight():
    assert PostgresFullTextIndex.vector(["bus", "lane"], ["bus"]) == "'bus':1A,3 'lane':2A"
    assert PostgresFullTextIndex.tsquery([("bus",), ("la",)], prefix=True) == "'bus' & 'la':*"
    assert PostgresFullTextIndex.tsquery([("bus",)], title_only=True) == "'bus':A"
    assert PostgresFullTextIndex.tsquery([("米其", "其林")]) == "('米其' <-> '其林')"
