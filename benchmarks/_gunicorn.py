"""The site under gunicorn on loopback, with production settings, for the benchmarks that
load it (serving.py, load.py, faults.py)."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A loopback port nothing listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(*, cache_url: str | None = None, page_cache: bool = True) -> dict:
    """This process's environment (DATABASE_URL included) with DEBUG off, as deployed, except
    that plain http on loopback is served instead of redirected to https."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coverage_site.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE": "1" if page_cache else "0",
        "LOG_LEVEL": "WARNING",
    }
    if cache_url:
        environment["CACHE_URL"] = cache_url
    return environment


@dataclass(frozen=True)
class Server:
    url: str
    process: subprocess.Popen

    def worker_pids(self) -> set[int]:
        """The master's children: a worker that died or was restarted changes this set."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return {int(pid) for pid in children.read_text().split()}


@contextmanager
def gunicorn(
    *, workers: int, port: int, environment: dict, log: Path | None = None
) -> Iterator[Server]:
    """`gunicorn coverage_site.wsgi` with `workers` sync workers; its log goes to `log` if
    given, else to this process's standard error."""
    command = [
        sys.executable, "-m", "gunicorn", "coverage_site.wsgi",
        "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
    ]  # fmt: skip
    with open(log, "ab") if log else nullcontext() as stream:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stderr=stream)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/healthz")
        yield Server(f"http://127.0.0.1:{port}", process)
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_serving(url: str, *, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                response.read()
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
