"""The full-text table beside the index, in each database's own form (see search.fulltext)."""

from django.db import migrations

from search.fulltext import DROP, SCHEMA


def create(apps, schema_editor):
    for statement in SCHEMA.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("network_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
