"""export_archive and import_archive: articles/s each way and the peak memory of each process.

Each run exports a source database (a `generate_archive` archive on 127.0.0.1:5432) to a file,
optionally repeats that file's records N times with shifted keys and suffixed slugs, URLs and
names (a larger archive made from a smaller one: generating 100,000 articles took over an hour
on the shared 2-core machine while 8 sessions ran), then, each in a child process: imports the
file into a fresh, migrated database (migration not timed) with `--no-refresh` (aligning every
event is a job of its own: see the README), exports that database again, compares the bytes
with the file, and drops the database. Peak memory is each child's own ru_maxrss (os.wait4),
beside that of a child that only starts Django (`manage.py check`); two sizes of archive show
whether memory grows with the archive. DEBUG is off in the children (no query log kept).

Make the source first: createdb, migrate, `generate_archive --articles 10000 --seed 1`.
Run: .venv/bin/python benchmarks/archive_io.py --run aio_bench_src10k:1 --run aio_bench_src10k:10
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from base64 import b64decode, b64encode
from pathlib import Path

from _setup import PG_BASE, RESULTS, ROOT, django_setup, psql


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


def repeated(path: Path, times: int, out: Path) -> None:
    """The archive in `path` `times` over, as one archive: the languages and name register
    once, every other record again with its keys shifted past the previous copy's and its
    unique values (slugs, outlet names, source URLs, capture bytes) made distinct."""
    django_setup()
    from articles.archive_io.export import dumps  # the export's own byte form

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    kinds = ("outlet", "event", "article", "capture", "alignment_correction")
    top = {kind: max((r["id"] for r in records if r["type"] == kind), default=0) for kind in kinds}
    top["image"] = max(
        (i["id"] for r in records if r["type"] == "article" for i in r["images"]), default=0
    )
    order = [r["type"] for r in records]
    with out.open("w", encoding="utf-8") as file:
        for name in dict.fromkeys(order):
            copies = 1 if name in ("header", "language", "name_entry") else times
            for copy in range(copies):
                for record in (r for r in records if r["type"] == name):
                    file.write(dumps(_copy(record, copy, top)) + "\n")


def _copy(record: dict, copy: int, top: dict[str, int]) -> dict:
    if copy == 0:
        return record
    record = dict(record)
    shift = {"outlet": "outlet", "event": "event", "proposed_event": "event",
             "translation_of": "article", "article": "article"}  # fmt: skip
    for key, kind in shift.items():
        if record.get(key) is not None and key != record["type"]:
            record[key] += copy * top[kind]
    if record["type"] in top:
        record["id"] += copy * top[record["type"]]
    if "slug" in record:
        record["slug"] += f"-{copy}"
    if record["type"] == "outlet":
        record["name"] += f" ({copy})"
    if record.get("source_url"):
        record["source_url"] += f"?copy={copy}"
    if "images" in record:
        record["images"] = [{**i, "id": i["id"] + copy * top["image"]} for i in record["images"]]
    if record["type"] == "capture":
        raw = b64decode(record["raw"]) + f"\ncopy {copy}".encode()
        record["raw"], record["sha256"] = b64encode(raw).decode(), hashlib.sha256(raw).hexdigest()
    return record


def run(source: str, times: int, work: Path, target: str) -> dict:
    original, exported, again = (work / f"{name}.jsonl" for name in ("original", "file", "again"))
    manage(source, "export_archive", "--output", str(original))
    if times == 1:
        original.rename(exported)
    else:
        # In a process of its own: a child's ru_maxrss counts the memory it shares with this
        # process when forked, so this one must stay small (the first 100,000 run measured
        # 196 MiB for every child, Django's start-up included, after repeating here).
        subprocess.run([sys.executable, __file__, "--repeat", str(original), str(times),
                        str(exported)], check=True)  # fmt: skip
    baseline = manage(source, "check")[1]
    psql("postgres", f"DROP DATABASE IF EXISTS {target}")
    psql("postgres", f"CREATE DATABASE {target}")
    try:
        manage(target, "migrate", "--verbosity", "0")
        import_seconds, import_mib = manage(target, "import_archive", str(exported), "--no-refresh")
        export_seconds, export_mib = manage(target, "export_archive", "--output", str(again))
        articles = int(psql(target, "SELECT count(*) FROM articles_article"))
        events = int(psql(target, "SELECT count(*) FROM articles_event"))
    finally:
        psql("postgres", f"DROP DATABASE IF EXISTS {target}")
    result = {
        "articles": articles,
        "events": events,
        "source": f"{source}" + (f" x {times}" if times > 1 else ""),
        "megabytes": exported.stat().st_size / 1e6,
        "baseline": baseline,
        "export": (export_seconds, export_mib),
        "import": (import_seconds, import_mib),
        "identical": exported.read_bytes() == again.read_bytes(),
        "load": os.getloadavg()[0],
    }
    for path in (original, exported, again):
        path.unlink(missing_ok=True)
    return result


def row(result: dict) -> str:
    (export_s, export_mib), (import_s, import_mib) = result["export"], result["import"]
    articles = result["articles"]
    return (
        f"| {articles:,} | {result['events']:,} | {result['source']} "
        f"| {result['megabytes']:,.0f} MB "
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
        "| articles | events | from | file | export | articles/s | export peak | import "
        "| articles/s | import peak | start-up | identical | load |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    (RESULTS / "archive-io.md").write_text(text)
    print(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--run", action="append", default=[], metavar="DATABASE:TIMES",
        help="export DATABASE, repeat its records TIMES over, import, export again",
    )  # fmt: skip
    parser.add_argument("--target", default="aio_bench_dst", help="database to import into")
    parser.add_argument(
        "--repeat", nargs=3, metavar=("FILE", "TIMES", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.repeat:
        repeated(Path(args.repeat[0]), int(args.repeat[1]), Path(args.repeat[2]))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="archive-io-") as work:
        for source, times in (run.rsplit(":", 1) for run in args.run):
            rows.append(row(run(source, int(times), Path(work), args.target)))
            print(rows[-1], flush=True)
    write_report(rows)


if __name__ == "__main__":
    main()
