"""PostgreSQL: each full-text row also carries its entry's item, facet signature, date and number of copies.

A common word matches a third of the network; joining those matches to their entries cost as much as the match
itself. With these columns one scan of the full-text table answers the counts and the ranking (search.ranking).
SQLite's FTS5 table is unchanged: its join to the covering index is fast enough.
"""

from django.db import migrations

ADD = [
    "ALTER TABLE search_fulltext ADD COLUMN IF NOT EXISTS signature_id integer, "
    "ADD COLUMN IF NOT EXISTS translation_key uuid, ADD COLUMN IF NOT EXISTS date date, "
    "ADD COLUMN IF NOT EXISTS copies smallint NOT NULL DEFAULT 1",
    "UPDATE search_fulltext f SET signature_id = e.signature_id, translation_key = e.translation_key, "
    "date = e.date, copies = e.copies FROM network_search_searchentry e WHERE e.page_id = f.page_id",
    "ALTER TABLE search_fulltext ALTER COLUMN signature_id SET NOT NULL, ALTER COLUMN translation_key SET NOT NULL",
]
REMOVE = [
    "ALTER TABLE search_fulltext DROP COLUMN IF EXISTS signature_id, DROP COLUMN IF EXISTS translation_key, "
    "DROP COLUMN IF EXISTS date, DROP COLUMN IF EXISTS copies",
]


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in ADD:
            schema_editor.execute(statement)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in REMOVE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0003_covering_indexes")]

    operations = [migrations.RunPython(add, remove)]
