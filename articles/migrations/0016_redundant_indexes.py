# The single-column indexes of these foreign keys: each composite index or unique constraint
# that leads with the column serves the same lookups (articles/models).
#
# The indexes are dropped by name, not by AlterField: on SQLite AlterField rebuilds the
# table, which drops the archive's triggers on it, and on PostgreSQL it would drop and
# validate each foreign key again over every row.

import django.db.models.deletion
from django.db import migrations, models

# (table, column, index) as Django named them when it created them.
INDEXES = [
    ("articles_article", "event_id", "articles_article_event_id_0e5aa9ea"),
    ("articles_article", "language_id", "articles_article_language_id_f51e0fc9"),
    ("articles_article", "outlet_id", "articles_article_outlet_id_dc2fe4ef"),
    ("articles_articlename", "article_id", "articles_articlename_article_id_02c1362b"),
]
# PostgreSQL's twin for LIKE on the text key (Django makes one for a varchar foreign key).
LIKE_INDEX = ("articles_article", "language_id", "articles_article_language_id_f51e0fc9_like")


def drop_indexes(apps, schema_editor):
    names = [index for _, _, index in INDEXES]
    if schema_editor.connection.vendor == "postgresql":
        names.append(LIKE_INDEX[2])
    for name in names:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def create_indexes(apps, schema_editor):
    for table, column, name in INDEXES:
        schema_editor.execute(f'CREATE INDEX "{name}" ON "{table}" ("{column}")')
    if schema_editor.connection.vendor == "postgresql":
        table, column, name = LIKE_INDEX
        schema_editor.execute(
            f'CREATE INDEX "{name}" ON "{table}" ("{column}" varchar_pattern_ops)'
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_history_and_event_redirects"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop_indexes, create_indexes)],
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="event",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        help_text="Leave empty to keep the article in the inbox.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="articles",
                        to="articles.event",
                        verbose_name="event",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="language",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="articles",
                        to="articles.language",
                        verbose_name="language",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="outlet",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        help_text="Empty when the capture does not name its publisher.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="articles",
                        to="articles.outlet",
                        verbose_name="outlet",
                    ),
                ),
                migrations.AlterField(
                    model_name="articlename",
                    name="article",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="name_links",
                        to="articles.article",
                        verbose_name="article",
                    ),
                ),
            ],
        ),
    ]
