"""Indexes that keep the public lists fast at a million articles.

- article_outlet_event_idx (every database): an outlet's published articles and their events,
  read without touching the table by the outlet counts (OutletQuerySet.with_article_counts).
- article_newest_idx (PostgreSQL only): the article list's order, newest first with undated
  articles last (ArticleQuerySet.newest_first). SQLite cannot put NULLS LAST in an index, and
  its archives are small; like 0004, this index lives outside Model.Meta.
"""

from django.db import migrations, models

NEWEST = "article_newest_idx"


def create_newest(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NEWEST} ON articles_article "
        "(published_on DESC NULLS LAST, id DESC) WHERE status = 'published'"
    )


def drop_newest(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {NEWEST}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_editors_permissions")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["outlet", "event"],
                name="article_outlet_event_idx",
            ),
        ),
        migrations.RunPython(create_newest, drop_newest),
    ]
