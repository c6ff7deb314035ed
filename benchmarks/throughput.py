"""Import throughput: 10,000 synthetic captures on SQLite and on PostgreSQL.

Captures are built from NTREX documents (../shared/data/parallel/ntrex128): a headline line,
a blank line, then the document's sentences as paragraphs, in one of the four languages,
with a numbered sentence so every capture's bytes and body are unique. They are imported by
the real command code path (Importer.import_path per file: read, parse, clean, detect
language, one transaction per file with full_clean).

Run: .venv/bin/python benchmarks/throughput.py [--count 10000]
PostgreSQL: uses postgres://postgres@127.0.0.1:5432/<throwaway db> (created and dropped).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import DATA, RESULTS, ROOT

NTREX = DATA / "parallel" / "ntrex128" / "ntrex128_eng_ind_swe_vie.jsonl"
COLUMNS = {"en": "eng", "id": "ind", "sv": "swe", "vi": "vie"}
PG_BASE = "postgres://postgres@127.0.0.1:5432"


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


def child(count: int, folder: Path, *, durable: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "coverage_site.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.importing.pipeline import Importer
    from articles.importing.sources import iter_capture_paths
    from articles.models import Article

    call_command("migrate", verbosity=0)
    paths = list(iter_capture_paths([folder]))[:count]
    importer = Importer(durable=durable)
    start, cpu_start = time.perf_counter(), time.process_time()
    statuses = [importer.import_path(path).status for path in paths]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "vendor": connection.vendor,
        "commit": "durable (synchronous)" if durable else "command default (asynchronous on PG)",
        "captures": len(paths),
        "seconds": round(seconds, 2),
        "per_second": round(len(paths) / seconds, 1),
        "cpu_ms_per_capture": round(cpu / len(paths) * 1000, 2),
        "load_average": round(os.getloadavg()[0], 1),
        "new": statuses.count("new"),
        "errors": statuses.count("error"),
        "articles": Article.objects.count(),
    }


def run_child(database_url: str, count: int, folder: Path, *, durable: bool) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",  # production settings: no query log kept in memory
        "SECRET_KEY": "throughput-benchmark",
        "ALLOWED_HOSTS": "localhost",
        "LOG_LEVEL": "WARNING",
    }
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            "--count",
            str(count),
            "--folder",
            str(folder),
            *(["--durable"] if durable else []),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--durable", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.count, args.folder, durable=args.durable)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "captures"
        folder.mkdir()
        write_captures(folder, args.count)
        results = [run_child(f"sqlite:///{tmp}/bench.sqlite3", args.count, folder, durable=False)]
        for durable in (False, True):
            db = f"importer_bench_{os.getpid()}"
            psql = ["psql", f"{PG_BASE}/postgres", "-qc"]
            subprocess.run([*psql, f"CREATE DATABASE {db}"], check=True)
            try:
                results.append(run_child(f"{PG_BASE}/{db}", args.count, folder, durable=durable))
            finally:
                subprocess.run([*psql, f"DROP DATABASE {db}"], check=False)
    lines = [
        "# Import throughput",
        "",
        f"{args.count} synthetic text captures from NTREX documents (4 languages), imported "
        "one transaction per file through `Importer.import_path` (the command's code path), "
        "on a 2-core machine shared with other jobs.",
        "",
        "| database | commit | captures | seconds | captures/s | importer CPU ms/capture | new "
        "| errors | load average at end |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['vendor']} | {r['commit']} | {r['captures']} | {r['seconds']} "
            f"| {r['per_second']} | "
            f"{r['cpu_ms_per_capture']} | {r['new']} | {r['errors']} | {r['load_average']} |"
        )
    text = "\n".join(lines) + "\n"
    (RESULTS / "throughput.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
