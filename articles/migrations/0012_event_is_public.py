"""Event.is_public, kept by the database: true while a published article belongs to the event.

Triggers rather than save() or signals because articles are also written by bulk_create,
queryset.update(), cascading deletes and COPY, none of which call save(). They run inside the
writing transaction, so the flag is right exactly when the articles are. Writing an event row
recomputes its flag too: an Event saved from a stale instance cannot turn the flag back, and
an event inserted after its articles (foreign keys are checked at commit) starts right.
"""

from django.db import migrations, models

PUBLIC = (
    "EXISTS (SELECT 1 FROM articles_article a WHERE a.event_id = {event} "
    "AND a.status = 'published')"
)

PG_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION articles_article_publicity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Once per statement, over the events its rows left or joined (transition tables);
    -- only events whose flag changes are written (the event trigger then sets the value).
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE articles_event e SET is_public = NOT e.is_public
        WHERE e.id IN (SELECT event_id FROM new_rows)
        AND e.is_public IS DISTINCT FROM {PUBLIC.format(event="e.id")};
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE articles_event e SET is_public = NOT e.is_public
        WHERE e.id IN (SELECT event_id FROM old_rows)
        AND e.is_public IS DISTINCT FROM {PUBLIC.format(event="e.id")};
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION articles_event_publicity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.is_public := {PUBLIC.format(event="NEW.id")};
    RETURN NEW;
END
$$;
"""

PG_TRIGGERS = {
    "articles_article_publicity_insert": (
        "AFTER INSERT ON articles_article REFERENCING NEW TABLE AS new_rows"
    ),
    "articles_article_publicity_update": (
        "AFTER UPDATE ON articles_article REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"
    ),
    "articles_article_publicity_delete": (
        "AFTER DELETE ON articles_article REFERENCING OLD TABLE AS old_rows"
    ),
}

SQLITE_REFRESH = "UPDATE articles_event SET is_public = {public} WHERE id = {event};"
# SQLite triggers run per row; recursive triggers are off, so the event trigger's own UPDATE
# does not fire it again.
SQLITE_TRIGGERS = {
    "articles_article_publicity_insert": (
        "AFTER INSERT ON articles_article",
        SQLITE_REFRESH.format(public=PUBLIC.format(event="NEW.event_id"), event="NEW.event_id"),
    ),
    "articles_article_publicity_update": (
        "AFTER UPDATE OF status, event_id ON articles_article",
        SQLITE_REFRESH.format(public=PUBLIC.format(event="OLD.event_id"), event="OLD.event_id")
        + SQLITE_REFRESH.format(public=PUBLIC.format(event="NEW.event_id"), event="NEW.event_id"),
    ),
    "articles_article_publicity_delete": (
        "AFTER DELETE ON articles_article",
        SQLITE_REFRESH.format(public=PUBLIC.format(event="OLD.event_id"), event="OLD.event_id"),
    ),
    "articles_event_publicity_insert": (
        "AFTER INSERT ON articles_event",
        SQLITE_REFRESH.format(public=PUBLIC.format(event="NEW.id"), event="NEW.id"),
    ),
    "articles_event_publicity_update": (
        "AFTER UPDATE ON articles_event "
        f"WHEN NEW.is_public IS NOT {PUBLIC.format(event='NEW.id')}",
        SQLITE_REFRESH.format(public=PUBLIC.format(event="NEW.id"), event="NEW.id"),
    ),
}

BACKFILL = f"UPDATE articles_event SET is_public = {PUBLIC.format(event='articles_event.id')}"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PG_FUNCTIONS)
        for name, when in PG_TRIGGERS.items():
            schema_editor.execute(
                f"CREATE TRIGGER {name} {when} "
                "FOR EACH STATEMENT EXECUTE FUNCTION articles_article_publicity()"
            )
        schema_editor.execute(
            "CREATE TRIGGER articles_event_publicity BEFORE INSERT OR UPDATE ON articles_event "
            "FOR EACH ROW EXECUTE FUNCTION articles_event_publicity()"
        )
    else:
        for name, (when, body) in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
    schema_editor.execute(BACKFILL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in [*PG_TRIGGERS, "articles_event_publicity"]:
            table = "articles_event" if name == "articles_event_publicity" else "articles_article"
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS articles_article_publicity()")
        schema_editor.execute("DROP FUNCTION IF EXISTS articles_event_publicity()")
    else:
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_list_indexes")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="is_public",
            field=models.BooleanField(default=False, editable=False, verbose_name="public"),
        ),
        migrations.RunPython(create, drop),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                condition=models.Q(("is_public", True)),
                fields=["-date", "title", "id"],
                name="event_public_idx",
            ),
        ),
    ]
