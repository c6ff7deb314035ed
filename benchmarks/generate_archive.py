"""generate_archive throughput: N made-up articles into a fresh, migrated PostgreSQL database.

Each run creates the database (default wt_generate_bench on 127.0.0.1:5432), migrates it,
runs `manage.py generate_archive --articles N --seed S --force` with DEBUG off (no query log
kept), times the command's wall clock, counts the rows, and drops the database. Results are
written to benchmarks/results/generate_archive.md.

Run: .venv/bin/python benchmarks/generate_archive.py --articles 100000 [--articles 1000000]
"""

import argparse
import os
import subprocess
import sys
import time

from _setup import PG_BASE, RESULTS, ROOT, psql

TABLES = ("articles_article", "articles_event", "articles_outlet", "articles_articleimage",
          "articles_articlename")  # fmt: skip


def manage(database: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": f"{PG_BASE}/{database}", "DEBUG": "0",
           "SECRET_KEY": "generate-archive-benchmark", "ALLOWED_HOSTS": "localhost"}  # fmt: skip
    out = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def run(database: str, *, articles: int, seed: int, jobs: int) -> dict:
    psql("postgres", f"CREATE DATABASE {database}")
    try:
        manage(database, "migrate", "--verbosity", "0")
        start = time.perf_counter()
        output = manage(database, "generate_archive", f"--articles={articles}", f"--seed={seed}",
                        f"--jobs={jobs}", "--force")  # fmt: skip
        seconds = time.perf_counter() - start
        counts = {t: int(psql(database, f"SELECT count(*) FROM {t}")) for t in TABLES}  # noqa: S608
        size = psql(database, f"SELECT pg_size_pretty(pg_database_size('{database}'))")
    finally:
        psql("postgres", f"DROP DATABASE IF EXISTS {database}")
    return {
        "articles": articles,
        "seed": seed,
        "jobs": jobs,
        "seconds": seconds,
        "counts": counts,
        "size": size,
        "output": output.splitlines()[-1],
        "load": os.getloadavg()[0],
    }


def row(result: dict) -> str:
    counts = result["counts"]
    return (
        f"| {result['articles']:,} | {result['seed']} | {result['jobs']} | {result['seconds']:.0f} "
        f"| **{counts['articles_article'] / result['seconds']:,.0f}** "
        f"| {counts['articles_event']:,} | {counts['articles_outlet']:,} "
        f"| {counts['articles_articleimage']:,} | {counts['articles_articlename']:,} "
        f"| {result['size']} | {result['load']:.1f} |"
    )


def earlier_rows() -> list[str]:
    """Rows of earlier runs: each run adds its rows to the table."""
    path = RESULTS / "generate_archive.md"
    lines = path.read_text().splitlines() if path.exists() else []
    return [line for line in lines if line.startswith("| ") and line[2].isdigit()]


def write_report(rows: list[str]) -> None:
    lines = [
        "# generate_archive throughput",
        "",
        "`manage.py generate_archive --articles N --seed S --force` (DEBUG off) into a fresh, "
        "migrated PostgreSQL database on 127.0.0.1; articles/s is the command's wall-clock rate "
        "(Django start-up included). Sources: the seed captures and NTREX-128. Machine: "
        f"{os.cpu_count()} CPUs shared with other jobs (load average at the end of each run). "
        "Written by `benchmarks/generate_archive.py`.",
        "",
        "| articles | seed | --jobs | seconds | articles/s | events | outlets | images "
        "| name links | database size | load |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    (RESULTS / "generate_archive.md").write_text(text)
    print(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, action="append", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--database", default="wt_generate_bench")
    args = parser.parse_args()
    rows = earlier_rows()
    for articles in args.articles:
        result = run(args.database, articles=articles, seed=args.seed, jobs=args.jobs)
        rows.append(row(result))
        print(rows[-1], flush=True)
    write_report(rows)


if __name__ == "__main__":
    main()
