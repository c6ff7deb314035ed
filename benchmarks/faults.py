"""Faults: PostgreSQL stopped and started again under load, and an import it interrupts.

    .venv/bin/python benchmarks/faults.py [--before 10] [--down 10] [--after 15]

In a throwaway cluster (benchmarks/_cluster.py), with the archive and the URL mix of
benchmarks/load.py: gunicorn (3 sync workers, DEBUG=0) under wrk load, plus probe clients
that record every answer with its time. PostgreSQL is stopped (`pg_ctl stop -m fast`: every
session ends, as in a crash or a restart), left down, and started again; gunicorn is never
touched. Required: before the stop every answer is 200; while it is down every answer is the
503 page, clean (no traceback) and quick (within 5 s); once it is up again every answer is 200
from the same gunicorn master and workers; no socket error at all; the outage is logged one
line per request. Then `import_articles` runs on copies of the seed captures and PostgreSQL is
stopped under it: no article may be left without its capture (each file is written in one
transaction), and running the import again must finish the job.
`--before 3 --down 3 --after 4` with a small archive is the CI form.
Writes benchmarks/results/faults.md (or --output).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from statistics import median

from _cluster import Cluster, throwaway_cluster
from _gunicorn import ROOT, Server, free_port, gunicorn
from _setup import RESULTS
from _wrk import Load, Wrk
from load import add_cache_argument, fill_archive, one_client, open_archive, url_mix

PROBE_CLIENTS = 4
# "Not a hang past a few seconds": the connection attempt gives up after 3 (settings.py).
QUICK_SECONDS = 5.0


@dataclass(frozen=True)
class Answer:
    started: float
    seconds: float
    status: int  # 0: no answer (refused, reset, timed out)
    clean: bool  # a 200, or a 503 that is the outage page without a traceback


class Probes:
    """Clients that request the mix in turn, one request at a time each, recording answers."""

    def __init__(self, base: str, paths: list[str]) -> None:
        self.base, self.paths, self.answers = base, paths, []
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(offset,)) for offset in range(PROBE_CLIENTS)
        ]
        for thread in self._threads:
            thread.start()

    def _run(self, offset: int) -> None:
        turn = offset * 17
        while not self._stop.is_set():
            turn += 1
            self.answers.append(self._ask(self.paths[turn % len(self.paths)]))

    def _ask(self, path: str) -> Answer:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:  # noqa: S310
                response.read()
                status, clean = response.status, True
        except urllib.error.HTTPError as error:
            body = error.read()
            status = error.code
            clean = status == 503 and b"briefly unavailable" in body and b"Traceback" not in body
        except OSError:
            status, clean = 0, False
        return Answer(started, time.monotonic() - started, status, clean)

    def stop(self) -> list[Answer]:
        self._stop.set()
        for thread in self._threads:
            thread.join()
        return self.answers


@dataclass(frozen=True)
class Outage:
    before: list[Answer]
    changing: list[Answer]  # in flight while PostgreSQL stopped or started: either answer
    down: list[Answer]
    after: list[Answer]
    slowest_made_down: float  # of every request made while down, whenever it was answered
    stop_seconds: float
    start_seconds: float
    load: Load
    same_workers: bool


def outage(args: argparse.Namespace, cluster: Cluster, server: Server, paths: list[str]) -> Outage:
    workers = server.worker_pids()
    seconds = args.before + args.down + args.after
    load = Wrk(server.url, paths, seconds=seconds, connections=args.connections, threads=2)
    probes = Probes(server.url, paths)
    time.sleep(args.before)
    stopping = time.monotonic()
    stop_seconds = cluster.stop()
    down = time.monotonic()
    time.sleep(args.down)
    starting = time.monotonic()
    start_seconds = cluster.start()
    up = time.monotonic()
    figures = load.finish()
    answers = probes.stop()
    # A request made while PostgreSQL is down may wait for a worker until it is up again:
    # only requests made and answered within a phase count for it.
    before = [a for a in answers if a.started + a.seconds < stopping]
    down_answers = [a for a in answers if down <= a.started and a.started + a.seconds < starting]
    after = [a for a in answers if a.started >= up]
    return Outage(
        before=before,
        changing=[a for a in answers if a not in before + down_answers + after],
        down=down_answers,
        after=after,
        slowest_made_down=max(a.seconds for a in answers if down <= a.started < starting),
        stop_seconds=stop_seconds,
        start_seconds=start_seconds,
        load=figures,
        same_workers=server.worker_pids() == workers,
    )


def interrupted_import(args: argparse.Namespace, cluster: Cluster, folder: Path) -> dict:
    """Import copies of the seed captures into "imports" (a copy of the migrated, empty
    archive), stop PostgreSQL under it, then import again."""
    files = write_captures(folder, args.copies)
    environment = {**os.environ, "DATABASE_URL": cluster.url("imports")}
    command = [sys.executable, "manage.py", "import_articles", str(folder)]
    first = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)  # fmt: skip
    while articles(cluster) < args.copies // 10 and first.poll() is None:
        time.sleep(0.1)
    at_stop = articles(cluster)
    cluster.stop()
    time.sleep(args.down)
    cluster.start()
    first_output, _ = first.communicate()
    found = {"files": files, "at stop": at_stop, "first exit": first.returncode}
    found["first output"] = first_output.strip().splitlines()[-1:]
    found["after first"] = articles(cluster)
    found["partial after first"] = partial_articles(cluster)
    again = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    found["second exit"] = again.returncode
    found["second summary"] = again.stdout.strip().splitlines()[-1:]
    found["after second"] = articles(cluster)
    found["partial after second"] = partial_articles(cluster)
    return found


def write_captures(folder: Path, copies: int) -> int:
    """`copies` distinct copies of each seed capture (a line added at the end)."""
    from tests.seed_captures import seed_captures

    folder.mkdir()
    for copy in range(copies):
        for name, raw in seed_captures().items():
            (folder / f"{copy:05d}_{name}").write_bytes(raw + f"\n\nCopy {copy}.\n".encode())
    return copies * len(seed_captures())


def articles(cluster: Cluster) -> int:
    return int(cluster.query("imports", "SELECT count(*) FROM articles_article"))


def partial_articles(cluster: Cluster) -> int:
    """Articles without their capture: the capture is the last row a file's transaction
    writes, so a file cut off half-way would leave one."""
    return int(
        cluster.query(
            "imports",
            "SELECT count(*) FROM articles_article a WHERE NOT EXISTS "
            "(SELECT 1 FROM articles_capture c WHERE c.article_id = a.id)",
        )
    )


def outage_log(log: Path) -> tuple[int, int, str]:
    """(lines about a 503, traceback lines, the last such line) in gunicorn's log."""
    lines = log.read_text(errors="replace").splitlines()
    unavailable = [line for line in lines if " 503 " in line and "django.request" in line]
    tracebacks = sum(line.startswith("Traceback") for line in lines)
    return len(unavailable), tracebacks, unavailable[-1] if unavailable else ""


def failures(result: Outage, logged: tuple[int, int, str], imported: dict) -> list[str]:
    """Each requirement the run missed, in words."""
    missed = []
    if not result.before or any(a.status != 200 for a in result.before):
        missed.append("an answer before the stop was not 200")
    if not result.down or any(a.status != 503 or not a.clean for a in result.down):
        missed.append("an answer while PostgreSQL was down was not the clean 503 page")
    if result.slowest_made_down > QUICK_SECONDS:
        missed.append(f"an answer while PostgreSQL was down took over {QUICK_SECONDS:.0f} s")
    if not result.after or any(a.status != 200 for a in result.after):
        missed.append("an answer after the restart was not 200")
    if sum(result.load.socket_errors.values()):
        missed.append("wrk saw socket errors")
    if not result.same_workers:
        missed.append("gunicorn's workers changed")
    if not logged[0] or logged[1]:
        missed.append("the outage was not logged one line per request")
    if imported["first exit"] == 0:
        missed.append("the import finished before the outage: give it more --copies")
    if imported["partial after first"] or imported["partial after second"]:
        missed.append("the interrupted import left an article without its capture")
    if imported["second exit"] != 0 or imported["after second"] != imported["files"]:
        missed.append("the second import did not finish the job")
    return missed


def seconds(answers: list[Answer], pick) -> str:
    return f"{pick(a.seconds for a in answers) * 1000:.0f} ms" if answers else "-"


def report(args: argparse.Namespace, result: Outage, logged: tuple, imported: dict) -> str:
    def row(phase: str, answers: list[Answer]) -> str:
        statuses = sorted({a.status for a in answers})
        return (
            f"| {phase} | {len(answers):,} | {', '.join(map(str, statuses))} | "
            f"{sum(a.clean for a in answers):,} | {seconds(answers, max)} |"
        )

    wrk_statuses = ", ".join(f"{s}: {n:,}" for s, n in sorted(result.load.statuses.items()))
    missed = failures(result, logged, imported)
    loadavg = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        "# Faults: PostgreSQL stopped and started under load, and an interrupted import",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `benchmarks/faults.py` "
        f"({os.cpu_count()} CPUs shared with other work, load average {loadavg} at the end).",
        f"A throwaway PostgreSQL 15 cluster holding `generate_archive --articles {args.articles}"
        f" --seed 1`; gunicorn 3 sync workers, DEBUG=0, cache `{args.cache_url}`; wrk "
        f"{args.connections} connections and "
        f"{PROBE_CLIENTS} probe clients over the load mix (benchmarks/load.py) for "
        f"{args.before} s, then `pg_ctl stop -m fast` ({result.stop_seconds:.1f} s), "
        f"{args.down} s down, `pg_ctl start` ({result.start_seconds:.1f} s), about "
        f"{args.after} s more. Probe answers by when the request was made and answered:",
        "",
        "| phase | answers | statuses | clean | slowest |",
        "|---|---|---|---|---|",
        row("answered before the stop", result.before),
        row("in flight while stopping or starting", result.changing),
        row("made and answered while PostgreSQL was down", result.down),
        row("made after the start", result.after),
        "",
        f"While down, the probes' median answer took {seconds(result.down, median)}; the "
        f"slowest of all requests made while down, whenever answered, "
        f"{result.slowest_made_down * 1000:.0f} ms.",
        f"wrk over the whole run: {result.load.requests:,} requests, {wrk_statuses}; socket "
        f"errors {result.load.socket_errors}. Same gunicorn workers before and after: "
        f"{'yes' if result.same_workers else 'NO'}.",
        f"The outage in gunicorn's log: {logged[0]:,} lines for 503 answers, {logged[1]} "
        f"tracebacks; the last of them:",
        "",
        f"    {logged[2]}",
        "",
        f"Import: {imported['files']:,} files (copies of the five seed captures); PostgreSQL "
        f"stopped when {imported['at stop']} articles were stored and started {args.down} s "
        f"later. The first run exited {imported['first exit']} "
        f"(last line: `{' '.join(imported['first output'])}`) with "
        f"{imported['after first']:,} articles, {imported['partial after first']} without "
        f"their capture. Run again: exit {imported['second exit']}, "
        f"`{' '.join(imported['second summary'])}`, {imported['after second']:,} articles, "
        f"{imported['partial after second']} without their capture.",
        "",
        "Every requirement met." if not missed else "NOT MET: " + "; ".join(missed) + ".",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--before", type=int, default=10, help="seconds of load before")
    parser.add_argument("--down", type=int, default=10, help="seconds PostgreSQL stays down")
    parser.add_argument("--after", type=int, default=15, help="seconds of load after")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--urls-per-group", type=int, default=30)
    parser.add_argument("--copies", type=int, default=400, help="of each seed, to import")
    parser.add_argument("--output", type=Path, default=RESULTS / "faults.md")
    add_cache_argument(parser)
    args = parser.parse_args()
    from django.db import connection

    with tempfile.TemporaryDirectory(prefix="faults-") as folder, throwaway_cluster() as cluster:
        log = Path(folder, "gunicorn.log")
        open_archive(cluster, args.cache_url)
        connection.close()  # a template database must have no sessions
        cluster.query("postgres", "CREATE DATABASE imports TEMPLATE archive")
        fill_archive(args.articles)
        mix = url_mix(args.urls_per_group)
        paths = [path for _, path in mix]
        connection.close()
        with gunicorn(workers=3, port=free_port(), environment=os.environ, log=log) as server:
            one_client(server.url, mix)  # every URL answers 200, and is cached
            result = outage(args, cluster, server, paths)
        logged = outage_log(log)
        imported = interrupted_import(args, cluster, Path(folder, "captures"))
    text = report(args, result, logged, imported)
    args.output.write_text(text)
    print(text)
    if failures(result, logged, imported):
        sys.exit(1)


if __name__ == "__main__":
    main()
