"""Import throughput: 10,000 synthetic captures on SQLite and on PostgreSQL.

Captures are built from NTREX documents (../shared/data/parallel/ntrex128): a headline line,
a blank line, then the document's sentences as paragraphs, in one of the four languages,
with a numbered sentence so every capture's bytes and body are unique. Each run is the
import_articles command itself (read, parse, clean, detect language in --jobs worker
processes; one transaction per file with full_clean in the command's process) into a
fresh, migrated database; the figure is the command's wall-clock time.

Run: .venv/bin/python benchmarks/throughput.py [--count 10000] [--repeat 3] [--vendor postgresql]
PostgreSQL: uses postgres://postgres@127.0.0.1:5432/<throwaway db> (created and dropped).
"""

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import NTREX, PG_BASE, RESULTS, ROOT
from _setup import NTREX_COLUMNS as COLUMNS


def write_captures(folder: Path, count: int) -> None:
    docs: dict[str, list[dict]] = {}
    for line in NTREX.read_text().splitlines():
        row = json.loads(line)
        docs.setdefault(row["doc_id"], []).append(row)
    ordered = list(docs.values())
    rng = random.Random(7)
    for n in range(count):
        doc = ordered[n % len(ordered)]
        code = rng.choice(list(COLUMNS))
        sentences = [row[COLUMNS[code]] for row in doc]
        headline, body = sentences[0].rstrip("."), sentences[1:]
        body.append(f"{n}: {body[0]}")  # unique bytes and body per capture
        text = headline + "\n\n" + "\n".join(body) + "\n"
        (folder / f"{n:05d}_{code}.txt").write_text(text)


def child(folder: Path, *, jobs: int, durable: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "coverage_site.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article

    call_command("migrate", verbosity=0)
    out = io.StringIO()
    start, cpu_start = time.perf_counter(), time.process_time()
    call_command("import_articles", str(folder), jobs=jobs, durable=durable, stdout=out, stderr=out)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    count = Article.objects.count()
    return {
        "vendor": connection.vendor,
        "seconds": seconds,
        "captures": count,
        "per_second": count / seconds,
        "writer_cpu_ms": cpu / count * 1000,
        "summary": out.getvalue().strip().splitlines()[-1],
        "load_average": os.getloadavg()[0],
    }


def run_child(database_url: str, folder: Path, *, jobs: int, durable: bool) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",  # production settings: no query log kept in memory
        "SECRET_KEY": "throughput-benchmark",
        "ALLOWED_HOSTS": "localhost",
        "LOG_LEVEL": "WARNING",
    }
    args = ["--child", "--folder", str(folder), "--jobs", str(jobs)]
    out = subprocess.run(
        [sys.executable, __file__, *args, *(["--durable"] if durable else [])],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def fresh_database_runs(vendor: str, folder: Path, tmp: str, repeat: int, **options) -> list:
    runs = []
    for n in range(repeat):
        if vendor == "sqlite":
            database = Path(tmp) / f"bench_{options['jobs']}_{n}.sqlite3"  # new for each run
            runs.append(run_child(f"sqlite:///{database}", folder, **options))
            continue
        db = f"importer_bench_{os.getpid()}_{n}"
        psql = ["psql", f"{PG_BASE}/postgres", "-qc"]
        subprocess.run([*psql, f"CREATE DATABASE {db}"], check=True)
        try:
            runs.append(run_child(f"{PG_BASE}/{db}", folder, **options))
        finally:
            subprocess.run([*psql, f"DROP DATABASE {db}"], check=False)
    return runs


# (database, --jobs, durable commits)
CONFIGURATIONS = [
    ("sqlite", 1, False),
    ("sqlite", 2, False),
    ("postgresql", 1, False),
    ("postgresql", 2, False),
    ("postgresql", 2, True),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--durable", action="store_true")
    parser.add_argument(
        "--vendor",
        choices=["sqlite", "postgresql"],
        help="run only this database's configurations (report: throughput-<vendor>.md)",
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.folder, jobs=args.jobs, durable=args.durable)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "captures"
        folder.mkdir()
        write_captures(folder, args.count)
        for vendor, jobs, durable in CONFIGURATIONS:
            if args.vendor and vendor != args.vendor:
                continue
            runs = fresh_database_runs(vendor, folder, tmp, args.repeat, jobs=jobs, durable=durable)
            rows.append(row(vendor, jobs, durable, runs))
            print(rows[-1], flush=True)
    write_report(args, rows)


def row(vendor: str, jobs: int, durable: bool, runs: list[dict]) -> str:
    rates = sorted(r["per_second"] for r in runs)
    loads = [r["load_average"] for r in runs]
    commits = "durable" if durable else ("asynchronous" if vendor == "postgresql" else "-")
    return (
        f"| {vendor} | {jobs} | {commits} | {runs[0]['captures']} "
        f"| **{statistics.median(rates):.1f}** | {', '.join(f'{r:.1f}' for r in rates)} "
        f"| {statistics.median(r['writer_cpu_ms'] for r in runs):.2f} "
        f"| {', '.join(f'{r:.1f}' for r in loads)} | {runs[-1]['summary']} |"
    )


def write_report(args: argparse.Namespace, rows: list[str]) -> None:
    lines = [
        "# Import throughput",
        "",
        f"{args.count} synthetic text captures from NTREX documents (4 languages), imported by "
        "the `import_articles` command into a fresh, migrated database; each configuration "
        f"run {args.repeat} times; captures/s is the command's wall-clock rate. Machine: "
        f"{os.cpu_count()} CPUs, shared with other jobs (load average at the end of each run "
        "is shown). `--jobs 2` is the command's default here (it uses the CPUs it may run on). "
        "Asynchronous commits: the command's default on PostgreSQL (`writing.relaxed_commits`); "
        "durable: every commit waits for its WAL to reach disk.",
        "",
        "| database | --jobs | commits | captures | median captures/s | runs (captures/s) "
        "| command process CPU ms/capture | load average | summary |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    name = f"throughput-{args.vendor}.md" if args.vendor else "throughput.md"
    (RESULTS / name).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
