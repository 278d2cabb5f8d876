"""On PostgreSQL the index tables are vacuumed once a rebuild has committed (``update_index``).

Kept apart from the indexed worlds of other modules: their rebuild's ANALYZE holds a lock until their transaction
ends, which a VACUUM from another connection would wait for.
"""

import pytest
from django.db import connection, connections

from search.documents import vacuum

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's VACUUM")
def test_after_a_rebuild_postgresql_vacuums_the_index_tables():
    outside = connections.create_connection("default")  # a connection of its own, outside the test's transaction
    try:
        assert vacuum(outside) is True
        with outside.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL AND last_analyze IS NOT NULL "
                "AND relname IN ('search_fulltext', 'network_search_searchentry') ORDER BY relname"
            )
            assert [row[0] for row in cursor.fetchall()] == ["network_search_searchentry", "search_fulltext"]
    finally:
        outside.close()
