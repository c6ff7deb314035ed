"""Backup and restore on PostgreSQL (README, "Backup and restore"): `pg_dump -Fc` of the
archive restored with `pg_restore` into a fresh database gives back the same archive, the
captures byte for byte. The export/import round trip is in test_archive_io_loading."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from base64 import b64decode

import pytest
from django.conf import settings
from django.db import connection

from tests.archive_files import export_bytes, seeded_archive

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL databases only"
    ),
    pytest.mark.skipif(
        not (shutil.which("pg_dump") and shutil.which("pg_restore")),
        reason="pg_dump and pg_restore (PostgreSQL's client programs) are not installed",
    ),
]


def client_args(database: str) -> list[str]:
    """Where the test database's server is, for PostgreSQL's client programs."""
    db = connection.settings_dict
    host = ["-h", db["HOST"]] if db["HOST"] else []
    port = ["-p", str(db["PORT"])] if db["PORT"] else []
    user = ["-U", db["USER"]] if db["USER"] else []
    return [*host, *port, *user, "-d", database]


def client_env() -> dict[str, str]:
    password = connection.settings_dict["PASSWORD"]
    return {**os.environ, **({"PGPASSWORD": password} if password else {})}


def database_url(database: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = db["HOST"] or "localhost"
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{database}"


def export_of(database: str, tmp_path) -> bytes:
    """export_archive of another database, by a process of its own."""
    path = tmp_path / f"{database}.jsonl"
    env = {**os.environ, "DATABASE_URL": database_url(database), "CACHE_URL": "locmem://"}
    subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "export_archive", "--output",
         str(path)], env=env, check=True, capture_output=True,
    )  # fmt: skip
    return path.read_bytes()


@pytest.fixture
def fresh_database():
    name = f"test_restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_pg_dump_and_pg_restore_give_back_the_same_archive(tmp_path, fresh_database):
    seeded_archive()
    dump = tmp_path / "archive.dump"
    source = connection.settings_dict["NAME"]
    subprocess.run(["pg_dump", "-Fc", "-f", str(dump), *client_args(source)],
                   env=client_env(), check=True, capture_output=True)  # fmt: skip
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error",
                    *client_args(fresh_database), str(dump)],
                   env=client_env(), check=True, capture_output=True)  # fmt: skip

    original = export_bytes(tmp_path)
    restored = export_of(fresh_database, tmp_path)
    assert restored == original
    captures = [json.loads(line) for line in restored.splitlines() if b'"type":"capture"' in line]
    assert bytes(range(256)) in [b64decode(capture["raw"]) for capture in captures]
