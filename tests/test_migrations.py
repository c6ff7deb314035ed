"""Migrations are history: they import no application code, and the starting data every
database needs (the Editors group with its permissions) comes out as their one table says."""

import ast
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, models

MIGRATIONS = Path(__file__).resolve().parent.parent / "articles" / "migrations"
EDITORS = importlib.import_module("articles.migrations.0010_editors_permissions")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
    return found


@pytest.mark.parametrize("path", sorted(MIGRATIONS.glob("0*.py")), ids=lambda p: p.stem)
def test_a_migration_imports_only_django_and_the_standard_library(path):
    """Application code may change meaning later; a migration must not change with it."""
    allowed = ("django", "unicodedata")
    modules = imported_modules(path)
    assert [m for m in modules if not m.startswith(allowed)] == []


@pytest.mark.django_db
def test_the_editors_group_holds_exactly_the_permissions_its_table_lists():
    held = Group.objects.get(name="Editors").permissions.values_list(
        "content_type__app_label", "codename"
    )
    assert sorted(held) == sorted(("articles", codename) for codename in EDITORS.codenames())


def test_the_table_names_only_models_the_archive_has():
    from django.apps import apps

    models = {model._meta.model_name for model in apps.get_app_config("articles").get_models()}
    assert set(EDITORS.EDITOR_PERMISSIONS) <= models


# (kind, name, table) of every object in the database's own schema. Functions and text search
# configurations belong to no table; those of extensions (pg_trgm, unaccent) are left out.
SCHEMA_OBJECTS = {
    "postgresql": """
        SELECT 'table', tablename, tablename FROM pg_tables WHERE schemaname = 'public'
        UNION SELECT 'index', indexname, tablename FROM pg_indexes WHERE schemaname = 'public'
        UNION SELECT 'trigger', tgname, tgrelid::regclass::text FROM pg_trigger
            WHERE NOT tgisinternal
        UNION SELECT 'function', proname, '' FROM pg_proc p
            WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (
                SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        UNION SELECT 'text search configuration', cfgname, '' FROM pg_ts_config
            WHERE cfgnamespace = 'public'::regnamespace
    """,
    "sqlite": "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
}


def schema_objects() -> set[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(SCHEMA_OBJECTS[connection.vendor])
        return set(cursor.fetchall())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_articles_migration_reverses_to_zero_and_applies_again():
    """Each migration has a working reverse: unapplied down to zero, the app leaves no table,
    index, trigger, function or text search configuration behind (the PostgreSQL-only search
    and the triggers of 0012-0014 included), and applied again the schema is as it was."""
    latest = schema_objects()
    call_command("migrate", "articles", "zero", verbosity=0)
    left = [o for o in schema_objects() if o[2].startswith("articles_") or not o[2]]
    assert left == []
    call_command("migrate", "articles", verbosity=0)
    assert schema_objects() == latest


def _partial(model: type[models.Model]) -> set[str]:
    declared = [*model._meta.indexes, *model._meta.constraints]
    return {item.name for item in declared if getattr(item, "condition", None) is not None}


def _redundant_indexes(model: type[models.Model]) -> list[str]:
    """Plain (non-unique) indexes whose columns start another full index of the table:
    every insert maintains them, and the longer index serves the same lookups."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    indexes = {
        name: spec
        for name, spec in constraints.items()
        # Django's varchar_pattern_ops twin of a unique text column's index serves LIKE.
        if spec["index"] and spec["columns"] and not name.endswith("_like")
    }
    return [
        f"{table}.{name} {spec['columns']} starts {other} {longer['columns']}"
        for name, spec in indexes.items()
        if not spec["unique"]
        for other, longer in indexes.items()
        if other != name
        and other not in _partial(model)
        and longer["columns"][: len(spec["columns"])] == spec["columns"]
    ]


@pytest.mark.django_db
def test_no_index_only_repeats_the_start_of_another():
    models = apps.get_app_config("articles").get_models()
    assert [line for model in models for line in _redundant_indexes(model)] == []
