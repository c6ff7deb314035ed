"""export_archive and import_archive: articles/s each way and the peak memory of each process.

For each source database (a `generate_archive` archive on 127.0.0.1:5432) the script runs
`manage.py export_archive --output FILE` in a child process, then creates a fresh database,
migrates it (not timed), runs `manage.py import_archive FILE --no-refresh` (aligning every
event is a separate job: see the README), exports the imported archive again and compares
the bytes with the first file, and drops the database. Peak memory is the child's own
ru_maxrss (os.wait4), beside that of a child that only starts Django (`manage.py check`), so
two sizes of archive show whether memory grows with the archive. DEBUG is off in the
children (no query log kept).

Make the sources first, e.g.:
    createdb aio_bench_src && DATABASE_URL=postgres://postgres@127.0.0.1:5432/aio_bench_src \
      .venv/bin/python manage.py migrate && ... generate_archive --articles 100000 --seed 1
Run: .venv/bin/python benchmarks/archive_io.py --source aio_bench_src10k --source aio_bench_src
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import PG_BASE, RESULTS, ROOT, psql


def manage(database: str, *args: str) -> tuple[float, int]:
    """Run a management command on `database`; returns (seconds, peak resident MiB)."""
    env = {**os.environ, "DATABASE_URL": f"{PG_BASE}/{database}", "DEBUG": "0",
           "SECRET_KEY": "archive-io-benchmark", "ALLOWED_HOSTS": "localhost",
           "CACHE_URL": "locmem://"}  # fmt: skip
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        # wait4 rather than wait: the rusage of this child alone.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise RuntimeError(f"{args[0]} failed: {errors.read().decode()}")
    return seconds, usage.ru_maxrss // 1024  # ru_maxrss is in KiB on Linux


def run(source: str, work: Path, target: str) -> dict:
    articles = int(psql(source, "SELECT count(*) FROM articles_article"))
    events = int(psql(source, "SELECT count(*) FROM articles_event"))
    exported, again = work / f"{source}.jsonl", work / f"{source}-again.jsonl"
    baseline = manage(source, "check")[1]
    export_seconds, export_mib = manage(source, "export_archive", "--output", str(exported))
    psql("postgres", f"DROP DATABASE IF EXISTS {target}")
    psql("postgres", f"CREATE DATABASE {target}")
    try:
        manage(target, "migrate", "--verbosity", "0")
        import_seconds, import_mib = manage(target, "import_archive", str(exported), "--no-refresh")
        manage(target, "export_archive", "--output", str(again))
        identical = exported.read_bytes() == again.read_bytes()
    finally:
        psql("postgres", f"DROP DATABASE IF EXISTS {target}")
    result = {
        "articles": articles,
        "events": events,
        "megabytes": exported.stat().st_size / 1e6,
        "baseline": baseline,
        "export": (export_seconds, export_mib),
        "import": (import_seconds, import_mib),
        "identical": identical,
        "load": os.getloadavg()[0],
    }
    exported.unlink()
    again.unlink()
    return result


def row(result: dict) -> str:
    (export_s, export_mib), (import_s, import_mib) = result["export"], result["import"]
    articles = result["articles"]
    return (
        f"| {articles:,} | {result['events']:,} | {result['megabytes']:,.0f} MB "
        f"| {export_s:.0f} s | **{articles / export_s:,.0f}** | {export_mib} MiB "
        f"| {import_s:.0f} s | **{articles / import_s:,.0f}** | {import_mib} MiB "
        f"| {result['baseline']} MiB | {'yes' if result['identical'] else '**no**'} "
        f"| {result['load']:.1f} |"
    )


def write_report(rows: list[str]) -> None:
    lines = [
        "# Whole-archive export and import",
        "",
        "`manage.py export_archive --output FILE` from a `generate_archive --seed 1` archive "
        "on PostgreSQL (127.0.0.1), then `manage.py import_archive FILE --no-refresh` into a "
        "fresh, migrated database (migration not timed); each a child process with DEBUG off, "
        "timed by wall clock (Django start-up included). Peak memory is the child's "
        "ru_maxrss; *start-up* is that of `manage.py check`, Django alone. *Identical*: "
        "exporting the imported archive gave the same bytes. Machine: "
        f"{os.cpu_count()} CPUs shared with other jobs (load average at the end of each run). "
        "Written by `benchmarks/archive_io.py`.",
        "",
        "| articles | events | file | export | articles/s | export peak | import "
        "| articles/s | import peak | start-up | identical | load |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    (RESULTS / "archive-io.md").write_text(text)
    print(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", action="append", required=True, help="database to export")
    parser.add_argument("--target", default="aio_bench_dst", help="database to import into")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="archive-io-") as work:
        for source in args.source:
            rows.append(row(run(source, Path(work), args.target)))
            print(rows[-1], flush=True)
    write_report(rows)


if __name__ == "__main__":
    main()
