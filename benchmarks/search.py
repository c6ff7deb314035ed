"""Search (`q=` on /events/ and /articles/) against an existing archive, any database.

Run against the database DATABASE_URL names (migrated and filled, e.g. by
`manage.py generate_archive --articles N --seed S --force`):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive1m \\
    .venv/bin/python benchmarks/search.py [--common WORD] [--rare NAME] [--plain NAME] \\
        [--misspelt NAME] [--variant NAME] [--repeats 12] [--out results/search.md]

Each query is requested `--repeats` times per list through Django's test client (full page
render; one warm-up first): p50 and p95 of server time, the SQL query count, the same
percentiles for the search alone (`articles.search.lists`, first 20 results, no facet
counts, pagination or rendering), and on
PostgreSQL `EXPLAIN (ANALYZE, BUFFERS)` of the slowest SQL statement over all requests.
Writes a Markdown report (default benchmarks/results/search.md).
"""

import argparse
import os
import statistics
import time
from pathlib import Path

from _setup import RESULTS, explain, test_client_setup

# Every request renders: pages served from the page cache would time the cache, not search.
os.environ["PAGE_CACHE"] = "0"
test_client_setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from articles.models import Article, Event  # noqa: E402
from articles.search.lists import search_articles, search_events  # noqa: E402

LISTS = ("/events/", "/articles/")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--common", default="dan", help="a word in many articles")
    parser.add_argument("--rare", default="Vũ Đại Thắng", help="a name in few articles")
    parser.add_argument("--plain", default="quang ninh", help="a name typed without diacritics")
    parser.add_argument("--misspelt", default="Quang Nihn", help="a misspelt name")
    parser.add_argument("--variant", default="Tran Cuong", help="another spelling of a name")
    parser.add_argument("--repeats", type=int, default=12)
    parser.add_argument("--out", type=Path, default=RESULTS / "search.md")
    return parser.parse_args()


def measure(client: Client, url: str, repeats: int) -> tuple[list[float], int, dict]:
    """Times in ms, the query count, and the slowest query seen (sql, time)."""
    client.get(url)
    times: list[float] = []
    slowest = {"sql": "", "time": "0"}
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
        slowest = max([slowest, *ctx.captured_queries], key=lambda q: float(q["time"]))
    return times, len(ctx.captured_queries), slowest


def search_alone(path: str, query: str, repeats: int) -> list[float]:
    """Times in ms of the search itself with the list's first page of results, without
    the page around it (facet counts, pagination, rendering)."""
    search, base = (
        (search_events, Event.objects.public())
        if path == "/events/"
        else (search_articles, Article.objects.published())
    )
    times = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        list(search(base, query).results[:20])
        times.append((time.perf_counter() - start) * 1000)
    return times[1:]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    args = arguments()
    setup_test_environment()  # responses then carry their template context (the counts)
    queries = {
        "common word": args.common,
        "rare name": args.rare,
        "name without diacritics": args.plain,
        "misspelt name": args.misspelt,
        "name variant": args.variant,
    }
    client = Client()
    rows, worst = [], {"sql": "", "time": "0", "url": ""}
    for kind, query in queries.items():
        for path in LISTS:
            url = f"{path}?q={query}"
            times, count, slowest = measure(client, url, args.repeats)
            alone = search_alone(path, query, args.repeats)
            found = client.get(url).context["paginator"].count
            rows.append(
                f"| {kind} | `{url}` | {found:,} | {statistics.median(times):.0f} | "
                f"{percentile(times, 0.95):.0f} | {count} | {statistics.median(alone):.0f} | "
                f"{percentile(alone, 0.95):.0f} |"
            )
            if float(slowest["time"]) > float(worst["time"]):
                worst = {**slowest, "url": url}
    report = [
        f"# Search on {connection.vendor}, {Article.objects.count():,} articles",
        "",
        f"`benchmarks/search.py`: {args.repeats} full page requests per row through Django's "
        "test client after one warm-up (server time, template rendering included); "
        "*search alone*: the same number of calls of `search_events`/`search_articles` "
        "with the first 20 results, without the page around them. "
        "Machine: 2 CPUs shared with other work.",
        "",
        "| query | request | results | page p50 ms | page p95 ms | page SQL queries "
        "| search alone p50 ms | search alone p95 ms |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Load average when the rows were done: {os.getloadavg()[0]:.1f} (2 CPUs).",
        "",
        f"Slowest SQL statement ({float(worst['time']) * 1000:.0f} ms, in `{worst['url']}`):",
        "",
        "```sql",
        worst["sql"][:3000],
        "```",
        "",
        "```",
        explain(worst["sql"]),
        "```",
    ]
    args.out.write_text("\n".join(report) + "\n")
    print("\n".join(report))


if __name__ == "__main__":
    main()
