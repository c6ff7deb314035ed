"""Shared set-up for benchmark scripts: Django settings and the path to ../shared/data.

The data folder is COVERAGE_SHARED_DATA when set (the tests read the same variable).
"""

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("COVERAGE_SHARED_DATA") or ROOT.parent / "shared" / "data")
RESULTS = Path(__file__).resolve().parent / "results"
# NTREX-128: the same news documents in each of the archive's languages (a column per code).
NTREX_DIR = DATA / "parallel" / "ntrex128"
NTREX = NTREX_DIR / "ntrex128_eng_ind_swe_vie.jsonl"
NTREX_COLUMNS = {"en": "eng", "id": "ind", "sv": "swe", "vi": "vie"}
# The shared PostgreSQL server the scripts make their throwaway databases on.
PG_BASE = "postgres://postgres@127.0.0.1:5432"


def psql(database: str, sql: str) -> str:
    """One statement on `database` of the shared server; its output, trimmed."""
    out = subprocess.run(
        ["psql", f"{PG_BASE}/{database}", "-Atqc", sql], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def django_setup(settings: str = "coverage_site.settings") -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def test_client_setup() -> None:
    """Django set up to request pages through its test client as production serves them
    behind its TLS-terminating proxy: host `testserver`, no redirect of plain http to https,
    a page cache of the process's own."""
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["CACHE_URL"] = "locmem://"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    django_setup()


_REGISTER_DIR: tempfile.TemporaryDirectory | None = None


def django_setup_with_register(settings: str = "coverage_site.settings_test") -> None:
    """Django on a throwaway SQLite database, migrated, so that the name register holds what
    the migrations seed: grouping and alignment read name spellings from it. The figures
    then do not depend on any editor's register, and no real database is touched."""
    global _REGISTER_DIR
    _REGISTER_DIR = tempfile.TemporaryDirectory(prefix="benchmark-register-")
    os.environ["DATABASE_URL"] = f"sqlite:///{_REGISTER_DIR.name}/register.sqlite3"
    django_setup(settings)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def scrapinghub_evaluate():
    """The benchmark's own evaluate.py, loaded from the data folder (never copied)."""
    path = DATA / "extraction" / "scrapinghub-aeb" / "evaluate.py"
    spec = importlib.util.spec_from_file_location("aeb_evaluate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def explain(sql: str) -> str:
    """`EXPLAIN (ANALYZE, BUFFERS)` of `sql` on the default database (PostgreSQL only)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return "(EXPLAIN ANALYZE is shown on PostgreSQL only)"
    # A page's own EXPLAIN (the planner's estimate of a list's length, articles/estimates.py)
    # cannot be explained again: it is shown as it ran.
    is_explain = sql.lstrip().upper().startswith("EXPLAIN")
    with connection.cursor() as cursor:
        cursor.execute(sql if is_explain else "EXPLAIN (ANALYZE, BUFFERS) " + sql)
        rows = [row[0] for row in cursor.fetchall()]
    # The estimate asks for its plan as JSON, which the driver hands back decoded.
    return "\n".join(row if isinstance(row, str) else json.dumps(row, indent=1) for row in rows)
