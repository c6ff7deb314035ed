"""Content versions for the page cache, changed by database triggers.

Triggers rather than save() or signals because the archive is also written by bulk_create,
queryset.update(), cascading deletes and COPY, none of which call save() or send signals;
a trigger also runs inside the writing transaction, so a new stamp is visible exactly when
the content it stands for is. articles/page_cache/__init__.py explains the scopes.
"""

from django.db import migrations, models

# Every table a public page reads. An insert into a vocabulary table cannot change an
# existing reader page (an article must point at the new row, which changes the article),
# so only updates and deletes there change the vocabulary stamp.
ARCHIVE_TABLES = [
    "articles_article", "articles_articleimage", "articles_capture", "articles_event",
    "articles_articlename",
]
VOCABULARY_TABLES = [
    "articles_outlet", "articles_language", "articles_nameentry", "articles_namevariant"
]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION articles_bump_content_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    bumped text;
BEGIN
    FOREACH bumped IN ARRAY TG_ARGV LOOP
        INSERT INTO articles_contentversion (scope, stamp, changed_at)
        VALUES (bumped, (random() * 9e18)::bigint, clock_timestamp())
        ON CONFLICT (scope) DO UPDATE
            SET stamp = EXCLUDED.stamp, changed_at = EXCLUDED.changed_at;
    END LOOP;
    RETURN NULL;
END
$$
"""

SQLITE_BUMP = """
INSERT INTO articles_contentversion (scope, stamp, changed_at)
VALUES ('{scope}', random(), strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT (scope) DO UPDATE SET stamp = excluded.stamp, changed_at = excluded.changed_at;
"""


def triggers():
    """(table, events, scopes) for every trigger."""
    for table in ARCHIVE_TABLES:
        yield table, ["INSERT", "UPDATE", "DELETE"], ["archive"]
    for table in VOCABULARY_TABLES:
        yield table, ["INSERT"], ["archive"]
        yield table, ["UPDATE", "DELETE"], ["archive", "vocabulary"]


def trigger_name(table, events):
    return f"{table}_bumps_{'_'.join(event.lower() for event in events)}"


def create_postgresql(schema_editor):
    schema_editor.execute(PG_FUNCTION)
    for table, events, scopes in triggers():
        # Once per statement: a bulk insert of a million rows bumps once, not a million times.
        truncate = " OR TRUNCATE" if "DELETE" in events else ""
        arguments = ", ".join(f"'{scope}'" for scope in scopes)
        schema_editor.execute(
            f"CREATE TRIGGER {trigger_name(table, events)} "
            f"AFTER {' OR '.join(events)}{truncate} ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION articles_bump_content_version({arguments})"
        )


def create_sqlite(schema_editor):
    # SQLite triggers run per row and name one event each.
    for table, events, scopes in triggers():
        bumps = "".join(SQLITE_BUMP.format(scope=scope) for scope in scopes)
        for event in events:
            schema_editor.execute(
                f"CREATE TRIGGER {trigger_name(table, [event])} AFTER {event} ON {table} "
                f"BEGIN {bumps} END"
            )


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        create_postgresql(schema_editor)
    else:
        create_sqlite(schema_editor)


def drop(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for table, events, _scopes in triggers():
        for name in [trigger_name(table, events)] if postgresql else [
            trigger_name(table, [event]) for event in events
        ]:
            schema_editor.execute(
                f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgresql else "")
            )
    if postgresql:
        schema_editor.execute("DROP FUNCTION IF EXISTS articles_bump_content_version()")


class Migration(migrations.Migration):
    dependencies = [("articles", "0013_full_text_search_vectors")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "scope",
                    models.CharField(
                        choices=[("archive", "archive"), ("vocabulary", "vocabulary")],
                        max_length=20,
                        primary_key=True,
                        serialize=False,
                        verbose_name="scope",
                    ),
                ),
                ("stamp", models.BigIntegerField(verbose_name="stamp")),
                ("changed_at", models.DateTimeField(verbose_name="changed")),
            ],
            options={
                "verbose_name": "content version",
                "verbose_name_plural": "content versions",
            },
        ),
        migrations.RunPython(create, drop),
    ]
