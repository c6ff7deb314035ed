"""Migrations are history: they import no application code, and the starting data every
database needs (the Editors group with its permissions) comes out as their one table says."""

import ast
import importlib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

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
