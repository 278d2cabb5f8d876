"""The full-text table beside the index, in each database's own form (see search.fulltext).

The statements are written out here rather than imported, so that later changes to the table (0004) do not
change what this migration did.
"""

from django.db import migrations

SCHEMA = {
    "sqlite": [
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fulltext USING fts5(title, body, tokenize='ascii')",
    ],
    "postgresql": [
        "CREATE TABLE IF NOT EXISTS search_fulltext (page_id integer PRIMARY KEY REFERENCES "
        "network_search_searchentry (page_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "
        "document tsvector NOT NULL)",
        "CREATE INDEX IF NOT EXISTS search_fulltext_document ON search_fulltext USING gin (document)",
    ],
}


def create(apps, schema_editor):
    for statement in SCHEMA.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in SCHEMA:
        schema_editor.execute("DROP TABLE IF EXISTS search_fulltext")


class Migration(migrations.Migration):
    dependencies = [("network_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
