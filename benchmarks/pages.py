"""Server time and SQL query count of the public pages on an archive already in the database.

Run against a generated archive (`manage.py generate_archive --articles 1000000 --seed 1`):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive1m DEBUG=0 SECRET_KEY=x \
    .venv/bin/python benchmarks/pages.py [--repeats 8] [--label "1,000,000 articles"]

Each page is requested `--repeats` times through Django's test client as an anonymous reader,
after one warm-up request, twice: with the page cache off (PAGE_CACHE=0), the cost of
rendering a page from the database, which the first view after a change pays; and served
from the page cache (a per-process cache), what every later view costs until the next change.
Writes benchmarks/results/pages-<database>.md with p50/p95, the query counts, and
`EXPLAIN ANALYZE` of the slowest query of each of the slowest rendered pages.
"""

import argparse
import os
import statistics
import time
from pathlib import Path

from _setup import RESULTS, explain, test_client_setup

test_client_setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from articles.models import Article, Event, NameEntry, Outlet  # noqa: E402
from articles.sitemaps import SITEMAPS  # noqa: E402

EXPLAINED_PAGES = 4
DEEP_PAGE = 2000


def sample_urls() -> list[tuple[str, str]]:
    """The pages of the issue's table, with real slugs and ids picked from this archive."""
    event = Event.objects.public().order_by("-date", "title").first()
    # A typical outlet: the median of the outlets by article count, not the biggest.
    outlets = list(
        Outlet.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("n", "slug")
    )
    outlet = outlets[len(outlets) // 2]
    entry = NameEntry.objects.annotate(n=Count("article_links")).order_by("-n", "slug").first()
    article = Article.objects.published().order_by("-published_on", "-pk").first()
    # Page 2,000, or the last page of a smaller archive.
    event_page = min(DEEP_PAGE, max(1, Event.objects.public().count() // settings.EVENTS_PER_PAGE))
    article_page = min(
        DEEP_PAGE, max(1, Article.objects.published().count() // settings.ARTICLES_PER_PAGE)
    )
    return [
        ("home", "/"),
        ("event list", "/events/"),
        ("by one language", "/events/?language=id"),
        ("by two languages", "/events/?language=id&language=vi"),
        ("by date range", "/events/?date_after=2020-01-01&date_before=2020-12-31"),
        ("by outlet", f"/events/?outlet={outlet.slug}"),
        (f"page {event_page:,}", f"/events/?page={event_page}"),
        ("event reader", event.get_absolute_url()),
        ("article list", "/articles/"),
        (f"article list, page {article_page:,}", f"/articles/?page={article_page}"),
        ("article page", article.get_absolute_url()),
        ("outlet list", "/outlets/"),
        ("outlet page", outlet.get_absolute_url()),
        ("name page", reverse("articles:name-detail", args=[entry.slug])),
        *open_data_urls(outlet),
    ]


def open_data_urls(outlet: Outlet) -> list[tuple[str, str]]:
    """Feeds, the sitemap's index and its last (deepest) pages, and an event's exports."""
    pair = Event.objects.public().covered_in(["id", "en"]).order_by("-date", "title").first()
    last = {section: SITEMAPS[section]().paginator.num_pages for section in ("events", "articles")}
    return [
        ("feed: new events", reverse("articles:events-feed")),
        ("feed: one language", reverse("articles:language-feed", args=["id"])),
        ("feed: one outlet", reverse("articles:outlet-feed", args=[outlet.slug])),
        ("sitemap index", reverse("articles:sitemap")),
        (f"sitemap: events p{last['events']}", f"/sitemap-events.xml?p={last['events']}"),
        (f"sitemap: articles p{last['articles']}", f"/sitemap-articles.xml?p={last['articles']}"),
        ("event export TSV", reverse("articles:event-export-tsv", args=[pair.slug])),
        (
            "event export TMX",
            reverse("articles:event-export-tmx", args=[pair.slug]) + "?lang=id&lang=en",
        ),
    ]


def measure(client: Client, url: str, repeats: int) -> dict:
    client.get(url)
    times, counts, sql_times, slowest = [], [], [], (0.0, "")
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(len(queries.captured_queries))
        # Time waiting for the database; the rest of a page's time is Python (the view,
        # building rows into models, rendering the template).
        sql_times.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
        for query in queries.captured_queries:
            if float(query["time"]) * 1000 > slowest[0]:
                slowest = (float(query["time"]) * 1000, query["sql"])
    times.sort()
    return {
        "p50": statistics.median(times),
        "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
        "sql": statistics.median(sql_times),
        "queries": sorted(set(counts)),
        "slowest": slowest,
    }


def _counts(result: dict) -> str:
    return "/".join(str(n) for n in result["queries"])


def report(
    label: str, repeats: int, results: list[tuple[str, str, dict, dict]], load: tuple[float, float]
) -> str:
    lines = [
        f"# Public pages at {label}",
        "",
        f"Django test client, anonymous; {repeats} requests per page after one warm-up; "
        f"{connection.vendor}. *Rendered*: page cache off (what the first view after a change "
        "costs). *Cached*: from the page cache (every later view until the next change). "
        "2-core machine shared with other work: load average (1 min) "
        f"{load[0]:.2f} at the start, {load[1]:.2f} at the end. *SQL ms*: the median "
        "rendered request's time in the database, all its queries together. "
        "Written by `benchmarks/pages.py`.",
        "",
        "| page | URL | rendered p50 ms | rendered p95 ms | queries | SQL ms | slowest query ms "
        "| cached p50 ms | cached p95 ms | cached queries |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, url, r, c in results:
        lines.append(
            f"| {name} | `{url}` | {r['p50']:.1f} | {r['p95']:.1f} | {_counts(r)} "
            f"| {r['sql']:.1f} | {r['slowest'][0]:.1f} | {c['p50']:.1f} | {c['p95']:.1f} "
            f"| {_counts(c)} |"
        )
    slowest_pages = sorted(results, key=lambda item: -item[2]["p95"])[:EXPLAINED_PAGES]
    lines += ["", "## The slowest query of the slowest pages", ""]
    for name, url, r, _cached in slowest_pages:
        lines += [f"### {name} (`{url}`)", "", "```sql", r["slowest"][1], "```", "", "```"]
        lines += [explain(r["slowest"][1]), "```", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=8)
    parser.add_argument("--label", default=f"{Article.objects.count():,} articles")
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    args = parser.parse_args()
    # With DEBUG off, templates name the hashed static files: collect them as a deployment does.
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()
    results = []
    load_at_start = os.getloadavg()[0]
    for name, url in sample_urls():
        if args.only and args.only not in name:
            continue
        with override_settings(PAGE_CACHE=False):
            rendered = measure(client, url, args.repeats)
        cached = measure(client, url, args.repeats)
        results.append((name, url, rendered, cached))
        print(
            f"{name:28} rendered p50 {rendered['p50']:8.1f} p95 {rendered['p95']:8.1f} "
            f"sql {rendered['sql']:6.1f} queries {rendered['queries']}   "
            f"cached p50 {cached['p50']:6.1f} p95 {cached['p95']:6.1f} queries {cached['queries']}"
        )
    text = report(args.label, args.repeats, results, (load_at_start, os.getloadavg()[0]))
    database = connection.settings_dict["NAME"]
    out = RESULTS / f"pages-{Path(str(database)).stem}.md"
    if not args.only:
        out.write_text(text + "\n")
        print(f"Wrote {out}")


if __name__ == "__main__":
    main()
