"""On PostgreSQL, the search indexes hold each row's date beside its words.

A search ranks the newest matches, looking in the last 30 and 240 days before the rest of
the archive (articles/search/postgres.py). With the words alone in the index, PostgreSQL
fetched every row holding a name's words from the table and only then kept a window's
dates: a name in 11,000 of 444,000 events cost 80-110 ms per window, because the planner,
multiplying the words' frequencies, expected 56 rows and did not combine the index with the
date index. With the date in the same GIN index (btree_gin), the index itself answers
"these words, on or after this date", and the table is read only for the window's matches.

The indexes are partial, as the searches are: published articles, public events. They are
built CONCURRENTLY (this migration is not atomic), so an archive keeps taking imports and
edits while they are built; on a million articles that takes a few minutes.
"""

from django.db import migrations

# (index, table, date column, the rows searched, the index it replaces)
INDEXES = [
    (
        "article_search_date_idx",
        "articles_article",
        "published_on",
        "status = 'published'",
        "article_search_vector_idx",
    ),
    ("event_search_date_idx", "articles_event", "date", "is_public", "event_search_vector_idx"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    for name, table, date, rows, replaced in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} "
            f"USING gin (search_vector, {date}) WHERE {rows}"
        )
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {replaced}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, _, _, replaced in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {replaced} ON {table} USING gin (search_vector)"
        )
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("articles", "0016_redundant_indexes")]

    operations = [migrations.RunPython(create, drop)]
