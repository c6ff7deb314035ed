"""Load: 50 concurrent clients for 60 s over the event list, event pages and search, against
gunicorn (3 sync workers, DEBUG=0) on loopback, with PostgreSQL in a throwaway cluster.

    .venv/bin/python benchmarks/load.py [--articles 10000] [--seconds 60] [--connections 50]

The script makes its own cluster (benchmarks/_cluster.py), fills it with
`generate_archive --articles N --seed 1`, requests every URL of the mix once (each must
answer 200; this also fills the page cache, as readers would), then runs wrk with every
connection taking the URLs in turn: list pages (plain, by language, by year), event pages and
`q=` searches on /events/ and /articles/, one of each kind after another. Anonymous requests
without cookies, as most readers are: the page cache serves them. An error is any answer
that is not 2xx/3xx and any socket error (connect, read, write, or no answer within 10 s);
the run fails unless there are none. `--seconds 5` with a small archive is the CI form.
Writes benchmarks/results/load.md (or --output).
"""

import argparse
import os
import sys
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from statistics import median
from urllib.parse import urlencode

from _cluster import Cluster, throwaway_cluster
from _gunicorn import free_port, gunicorn, production_environment
from _setup import RESULTS, django_setup
from _wrk import Load, wrk

GROUPS = ["event list", "event page", "search"]


def open_archive(cluster: Cluster, cache_url: str) -> str:
    """A new, migrated database "archive" in `cluster`, with Django in this process on it
    (production settings, as gunicorn gets them), an empty cache and the static files
    collected."""
    from django.core.cache import cache
    from django.core.management import call_command

    database_url = cluster.create_database("archive")
    environment = production_environment(cache_url=cache_url)
    os.environ.update({**environment, "DATABASE_URL": database_url})
    django_setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    cache.clear()
    collect_static()
    return database_url


def collect_static() -> None:
    """collectstatic, unless the manifest is newer than every file in static/ (hashing and
    compressing all files again takes most of a CI run's preparation)."""
    from django.conf import settings
    from django.core.management import call_command

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [path for folder in settings.STATICFILES_DIRS for path in Path(folder).rglob("*")]
    if manifest.exists() and all(p.stat().st_mtime < manifest.stat().st_mtime for p in sources):
        return
    call_command("collectstatic", interactive=False, verbosity=0)


def fill_archive(articles: int) -> None:
    from django.core.management import call_command

    call_command("generate_archive", articles=articles, seed=1, force=True, stdout=StringIO())


def url_mix(per_group: int) -> list[tuple[str, str]]:
    """(group, path) for `per_group` URLs of each group, interleaved."""
    groups = [list_paths(per_group), event_paths(per_group), search_paths(per_group)]
    return [
        (group, paths[i % len(paths)])
        for i in range(per_group)
        for group, paths in zip(GROUPS, groups, strict=True)
    ]


def list_paths(count: int) -> list[str]:
    from django.conf import settings
    from django.db.models.functions import ExtractYear

    from articles.models import Event, Language

    public = Event.objects.public()
    pages = -(-public.count() // settings.EVENTS_PER_PAGE)
    years = sorted(set(public.annotate(year=ExtractYear("date")).values_list("year", flat=True)))
    queries = [{"language": code} for code in Language.objects.values_list("code", flat=True)]
    queries += [{"date_after": f"{year}-01-01", "date_before": f"{year}-12-31"} for year in years]
    queries += [{"page": page} for page in range(2, pages + 1)]
    return ["/events/", *[f"/events/?{urlencode(query)}" for query in queries][: count - 1]]


def event_paths(count: int) -> list[str]:
    """Event pages spread over the whole archive, newest to oldest."""
    from articles.models import Event

    slugs = list(Event.objects.public().newest_first().values_list("slug", flat=True))
    step = max(1, len(slugs) // count)
    return [f"/events/{slug}/" for slug in slugs[::step][:count]]


def search_paths(count: int) -> list[str]:
    """Words from event titles, from the most common to ones used once, on both lists."""
    from articles.models import Event

    words = Counter(
        word.strip(",.:;()\"'").lower()
        for title in Event.objects.public().values_list("title", flat=True)
        for word in title.split()
    )
    ranked = [word for word, _ in words.most_common() if len(word) >= 4]
    chosen = ranked[:: max(1, len(ranked) // count)][: -(-count // 2)]
    return [
        f"/{kind}/?{urlencode({'q': word})}" for word in chosen for kind in ("events", "articles")
    ]


def archive_size() -> str:
    from articles.models import Article, Event

    return (
        f"{Article.objects.count():,} articles in {Event.objects.public().count():,} public events"
    )


def one_client(base: str, mix: list[tuple[str, str]]) -> dict[str, list[float]]:
    """Each URL once, in turn; every one must answer 200. Seconds per URL, by group."""
    taken: dict[str, list[float]] = {group: [] for group in GROUPS}
    for group, path in mix:
        start = time.monotonic()
        with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310
            response.read()
        taken[group].append(time.monotonic() - start)
    return taken


def spread(seconds: list[float]) -> str:
    return f"{median(seconds) * 1000:.0f} / {max(seconds) * 1000:.0f} ms"


def report(
    args: argparse.Namespace, archive: str, mix: list, alone: tuple[dict, dict], load: Load
) -> str:
    kinds = Counter(group for group, _ in mix)
    example = dict(reversed(mix))
    statuses = ", ".join(f"{status}: {n:,}" for status, n in sorted(load.statuses.items()))
    sockets = ", ".join(f"{kind} {n}" for kind, n in load.socket_errors.items())
    loadavg = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        "# Load: the event list, event pages and search under 50 concurrent clients",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `benchmarks/load.py` "
        f"({os.cpu_count()} CPUs shared with other work, load average {loadavg} at the end).",
        f"PostgreSQL 15 in a throwaway cluster holding `generate_archive --articles "
        f"{args.articles} --seed 1` ({archive}); gunicorn {args.workers} sync workers, "
        f"DEBUG=0, cache `{args.cache_url}`; wrk {args.threads} threads, "
        f"{args.connections} connections, {args.seconds} s, 10 s timeout, anonymous requests "
        "without cookies, so pages come from the page cache after their first view.",
        "",
        "| requests | requests/s | p50 | p95 | p99 | max | not 2xx/3xx | socket errors |",
        "|---|---|---|---|---|---|---|---|",
        f"| {load.requests:,} | **{load.per_second:,.0f}** | **{load.p50_ms:.1f} ms** | "
        f"**{load.p95_ms:.1f} ms** | {load.p99_ms:.1f} ms | {load.max_ms:.0f} ms | "
        f"**{load.failed_statuses}** | **{sum(load.socket_errors.values())}** |",
        "",
        f"Answers: {statuses}. Socket errors: {sockets}.",
        "",
        f"The mix, {len(mix)} URLs taken in turn by every connection: "
        + "; ".join(f"{kinds[g]} {g} URLs (e.g. `{example[g]}`)" for g in GROUPS)
        + ".",
        "",
        "Before the run one client requested every URL in turn, twice: the first view renders "
        "the page (an event's first also computes its comparison and alignment) and stores "
        "it; the second comes from the page cache. Median / slowest:",
        "",
        "| URLs | first view | second view |",
        "|---|---|---|",
        *(f"| {g} | {spread(alone[0][g])} | {spread(alone[1][g])} |" for g in GROUPS),
    ]
    return "\n".join(lines) + "\n"


def add_cache_argument(parser: argparse.ArgumentParser) -> None:
    # Redis, as the README advises for production; it is emptied first. The default database
    # cache keeps at most 300 entries (Django's MAX_ENTRIES), fewer than the mix's pages.
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/6")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--urls-per-group", type=int, default=100)
    add_cache_argument(parser)
    parser.add_argument("--output", type=Path, default=RESULTS / "load.md")
    args = parser.parse_args()
    with throwaway_cluster() as cluster:
        open_archive(cluster, args.cache_url)
        fill_archive(args.articles)
        mix, archive = url_mix(args.urls_per_group), archive_size()
        with gunicorn(workers=args.workers, port=free_port(), environment=os.environ) as server:
            paths = [path for _, path in mix]
            alone = one_client(server.url, mix), one_client(server.url, mix)
            load = wrk(
                server.url, paths, seconds=args.seconds, connections=args.connections,
                threads=args.threads,
            )  # fmt: skip
    text = report(args, archive, mix, alone, load)
    args.output.write_text(text)
    print(text)
    if load.errors:
        sys.exit(f"{load.errors} errors under load")


if __name__ == "__main__":
    main()
