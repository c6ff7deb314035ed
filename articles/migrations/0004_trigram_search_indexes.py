"""On PostgreSQL, trigram GIN indexes make the folded-text search (`LIKE '%term%'`) indexed.

PostgreSQL only: SQLite has no pg_trgm, and its searches stay sequential scans. The indexes
live outside Model.Meta so the SQLite schema and `makemigrations --check` are unaffected.
"""

from django.db import migrations

TABLES = ["articles_article", "articles_event"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in TABLES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_trgm "
            f"ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_editors_group")]

    operations = [migrations.RunPython(create, drop)]
