"""A throwaway PostgreSQL cluster: initdb in a temporary folder, its own loopback port, gone
afterwards. The load and fault benchmarks start and stop it at will; the shared server on
5432 is never touched.

initdb and the server refuse to run as root, so as root they run as the `postgres` user
(runuser); as anyone else, as that user.
"""

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from _gunicorn import free_port

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
SERVER_USER = "postgres"


def _as_server_user() -> list[str]:
    return ["runuser", "-u", SERVER_USER, "--"] if os.geteuid() == 0 else []


class Cluster:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.data, self.log = folder / "data", folder / "server.log"

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _pg_ctl(self, *arguments: str) -> None:
        command = [*_as_server_user(), str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w"]
        subprocess.run([*command, *arguments], check=True, stdout=subprocess.DEVNULL)

    def start(self) -> float:
        """Start and wait until it accepts connections; returns the seconds that took."""
        began = time.monotonic()
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._pg_ctl("-l", str(self.log), "-o", options, "start")
        return time.monotonic() - began

    def stop(self, mode: str = "fast") -> float:
        """Stop: `fast` ends every session (an outage as clients see it) and waits."""
        began = time.monotonic()
        self._pg_ctl("-m", mode, "stop")
        return time.monotonic() - began

    def create_database(self, name: str) -> str:
        self.query("postgres", f"CREATE DATABASE {name}")
        return self.url(name)

    def query(self, database: str, sql: str) -> str:
        """psql's unaligned output of `sql`."""
        command = [str(PG_BIN / "psql"), self.url(database), "-qAtc", sql]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="coverage-postgresql-"))
    if os.geteuid() == 0:
        shutil.chown(folder, SERVER_USER)
    cluster = Cluster(folder, free_port())
    subprocess.run(
        [*_as_server_user(), str(PG_BIN / "initdb"), "-D", str(cluster.data), "-U", "postgres",
         "--auth=trust", "--encoding=UTF8", "--no-sync"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    cluster.start()
    try:
        yield cluster
    finally:
        with suppress(subprocess.CalledProcessError):  # already stopped
            cluster.stop("immediate")
        shutil.rmtree(folder)
