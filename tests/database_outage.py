"""A database outage for tests: the real connection failure, not a mocked exception.
PostgreSQL is asked at a port nobody listens on; SQLite for a file that cannot be opened."""

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def unreachable_database(tmp_path: Path) -> Iterator[None]:
    """The default database unreachable inside the block. SQLite's test database lives in
    memory and closing it would destroy it, so its open connection is set aside instead."""
    connection = connections[DEFAULT_DB_ALIAS]
    saved = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(_closed_port()))
        set_aside = None
    else:
        set_aside, connection.connection = connection.connection, None
        connection.settings_dict["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
    yield
    connection.close()
    connection.settings_dict.update(saved)
    if set_aside is not None:
        connection.connection = set_aside
