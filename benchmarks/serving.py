"""Requests per second under gunicorn: the event reader, the event list and the home page,
each beside a static file of the same size served by the same server (whitenoise).

Run against any archive already in the database (the seed events, or a generated one):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> \
    .venv/bin/python benchmarks/serving.py [--event SLUG] [--duration 10] [--runs 3]

The server is `gunicorn coverage_site.wsgi` with `--workers` sync workers (3), DEBUG=0, on
loopback; the load is wrk (Debian package `wrk`), anonymous requests without cookies. The
pages come from the page cache named by CACHE_URL (default: Redis on 127.0.0.1:6379,
database 5, the benchmark's own, emptied first: a page another checkout's code stored there
under the same version would be served as this one's); a second server with PAGE_CACHE=0
gives the rendered figures beside them. Each static file holds the page's own bytes, copied
into STATIC_ROOT after collectstatic, so both requests carry the same body. The report gives
the median of `--runs` runs for each figure, and for cached / static the median of each
run's own ratio (its two figures measured back to back): the machine is shared, and one run
says little.
Writes benchmarks/results/serving-<database vendor>.md (or --output).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from _gunicorn import gunicorn, production_environment

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
STATIC_FOLDER = "serving-benchmark"
PAGES = ["reader", "event list", "home"]
# wrk's own default (2 s) counts a slow answer as a socket error; on the shared machine a
# rendered reader (PAGE_CACHE=0) has taken 1.9 s at load average 12. Slow is measured, not
# refused: the rate says it.
WRK_TIMEOUT = "10s"
# The benchmark's own Redis database, emptied before it serves (see the docstring).
OWN_CACHE_URL = "redis://127.0.0.1:6379/5"


def django_setup(args: argparse.Namespace) -> None:
    os.environ.update(production_environment(cache_url=args.cache_url))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def pick_urls(event_slug: str | None) -> dict[str, str]:
    """The reader of `event_slug`, else of the newest public event among the busiest."""
    from django.db.models import Count, Q
    from django.urls import reverse

    from articles.models import Event

    if event_slug is None:
        newest = Event.objects.public().annotate(
            versions=Count("articles", filter=Q(articles__status="published"))
        )[:50]
        event_slug = max(newest, key=lambda event: event.versions).slug
    return {
        "reader": reverse("articles:event-detail", kwargs={"slug": event_slug}),
        "event list": reverse("articles:event-list"),
        "home": reverse("articles:home"),
    }


def archive_size() -> str:
    from django.db import connection

    from articles.models import Article, Event

    return (
        f"{connection.vendor}, {Article.objects.count():,} articles in "
        f"{Event.objects.count():,} events"
    )


def write_static_copies(urls: dict[str, str]) -> dict[str, str]:
    """Each page's bytes as a file in STATIC_ROOT; returns the static URL of each."""
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", interactive=False, verbosity=0)
    folder = Path(settings.STATIC_ROOT) / STATIC_FOLDER
    folder.mkdir(exist_ok=True)
    client, static = Client(), {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        filename = name.replace(" ", "-") + ".html"
        (folder / filename).write_bytes(response.content)
        static[name] = f"/{settings.STATIC_URL.strip('/')}/{STATIC_FOLDER}/{filename}"
    return static


def body_size(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
        return len(response.read())


def wrk(url: str, args: argparse.Namespace) -> float:
    """Requests/s of one wrk run; refuses a run with any non-2xx/3xx answer or socket error."""
    body_size(url)  # warm: the first view renders and stores the page
    output = subprocess.run(
        ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
         f"--timeout={WRK_TIMEOUT}", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"wrk saw failures on {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


@contextmanager
def serve(args: argparse.Namespace, *, page_cache: bool) -> Iterator[str]:
    environment = production_environment(cache_url=args.cache_url, page_cache=page_cache)
    with gunicorn(workers=args.workers, port=args.port, environment=environment) as server:
        yield server.url


def measure(args: argparse.Namespace, urls: dict[str, str], static: dict[str, str]) -> list:
    rows = []
    with serve(args, page_cache=True) as base:
        for name in PAGES:
            file_rps = wrk(base + static[name], args)
            cached_rps = wrk(base + urls[name], args)
            size = body_size(base + urls[name])
            rows.append([name, urls[name], size, file_rps, cached_rps])
    with serve(args, page_cache=False) as base:
        for row in rows:
            row.append(wrk(base + row[1], args))
    return rows


def medians(runs: list[list]) -> list:
    """Per page, the median of each figure over the runs (the machine is shared)."""
    return [
        [*first[:3], *(statistics.median(run[i][k] for run in runs) for k in range(3, 6))]
        for i, first in enumerate(runs[0])
    ]


def ratios(runs: list[list], index: int) -> list[float]:
    """The page's cached / static ratio in each run. Each run measures the two back to back,
    so its ratio compares them under the same load; the medians of req/s above may come from
    different runs, under different loads."""
    return [run[index][4] / run[index][3] for run in runs]


def report(args: argparse.Namespace, archive: str, runs: list[list]) -> str:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        "# Serving: pages from the page cache beside static files of the same size",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `benchmarks/serving.py` on {archive}"
        f" ({os.cpu_count()} CPUs, load average {load} at the end).",
        f"gunicorn {args.workers} sync workers, DEBUG=0, loopback; wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s per URL, anonymous requests without "
        f"cookies; cache `{args.cache_url}`. The static file holds the page's own bytes and is "
        'served by whitenoise from the same server. "Rendered" is the same page with '
        f"PAGE_CACHE=0 (every view rendered from the database). Medians of {len(runs)} runs.",
        "",
        "| page | URL | bytes | static file req/s | cached page req/s "
        "| cached / static, median of the runs' | rendered req/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for index, (name, url, size, file_rps, cached_rps, rendered_rps) in enumerate(medians(runs)):
        lines.append(
            f"| {name} | `{url}` | {size:,} | {file_rps:,.0f} | {cached_rps:,.0f} | "
            f"{statistics.median(ratios(runs, index)):.2f} | {rendered_rps:,.0f} |"
        )
    lines += ["", "Cached / static in each run:", ""]
    for index, name in enumerate(PAGES):
        lines.append(f"- {name}: " + ", ".join(f"{ratio:.2f}" for ratio in ratios(runs, index)))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--event", help="slug of the event whose reader is measured")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--cache-url", default=os.environ.get("CACHE_URL") or OWN_CACHE_URL)
    parser.add_argument("--runs", type=int, default=3, help="report the median of this many")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL to the archive to serve")
    django_setup(args)
    from django.core.cache import cache
    from django.db import connection

    if args.cache_url == OWN_CACHE_URL:
        cache.clear()

    urls = pick_urls(args.event)
    static = write_static_copies(urls)
    archive = archive_size()
    connection.close()
    text = report(args, archive, [measure(args, urls, static) for _ in range(args.runs)])
    output = args.output or RESULTS / f"serving-{connection.vendor}.md"
    output.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
