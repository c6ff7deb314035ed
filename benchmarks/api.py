"""Query counts and server time of the API's list endpoints at two archive sizes.

The issue's measure: a list endpoint runs as many queries at 100,000 articles as at 1,000.
Run against two generated archives (`manage.py generate_archive --articles N --seed 1`, each
in its own PostgreSQL database):
    .venv/bin/python benchmarks/api.py \\
        --database postgres://postgres@127.0.0.1:5432/api_bench_1k \\
        --database postgres://postgres@127.0.0.1:5432/api_bench_100k [--repeats 8]

Each database is measured in its own process (Django binds one default database): every URL
is requested once to warm up, then `--repeats` times through Django's test client as an
anonymous client, throttling off. Deep pages are reached with a real cursor from the middle
of the list. Writes benchmarks/results/api-<vendor>.md: queries and p50/p95 per size, and
`EXPLAIN ANALYZE` of the slowest query at the largest size.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
EXPLAINED = 3


def sample_urls() -> list[tuple[str, str]]:
    """The list endpoints with the pages' filters, slugs picked from this archive."""
    from django.db.models import Count

    from articles.models import Article, Event, Outlet

    events = Event.objects.public().newest_first()
    articles = Article.objects.published().newest_first()
    outlets = list(
        Outlet.objects.annotate(n=Count("articles")).filter(n__gt=0).order_by("n", "slug")
    )
    outlet = outlets[len(outlets) // 2]  # a typical outlet, not the biggest
    return [
        ("events", "/api/events/"),
        ("events, one language", "/api/events/?language=id"),
        ("events, two languages", "/api/events/?language=id&language=vi"),
        ("events, a year", "/api/events/?date_after=2020-01-01&date_before=2020-12-31"),
        ("events, an outlet", f"/api/events/?outlet={outlet.slug}"),
        ("events, middle of the list", deep("/api/events/", events)),
        ("events, search", "/api/events/?q=minister"),
        ("articles", "/api/articles/"),
        ("articles, two languages", "/api/articles/?language=id&language=en"),
        ("articles, a year", "/api/articles/?date_after=2020-01-01&date_before=2020-12-31"),
        ("articles, an outlet", f"/api/articles/?outlet={outlet.slug}"),
        ("articles, an event", f"/api/articles/?event={events.first().slug}"),
        ("articles, middle of the list", deep("/api/articles/", articles)),
        ("articles, search", "/api/articles/?q=minister"),
        ("outlets", "/api/outlets/"),
        ("names", "/api/names/"),
        ("languages", "/api/languages/"),
        ("one event (not a list)", f"/api/events/{events.first().slug}/"),
    ]


def deep(path: str, rows) -> str:
    """`path` with the cursor a client holds after paging to the middle of `rows`."""
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from articles.api.pagination import KeysetPagination

    middle = rows.count() // 2
    paginator = KeysetPagination()
    paginator.paginate_queryset(rows, Request(APIRequestFactory().get(path)))
    link = paginator._link(rows[middle], backwards=False)
    return link.removeprefix("http://testserver")


def measure_here(repeats: int) -> dict:
    """In this process, on DATABASE_URL: {"articles": N, "vendor": …, "urls": [...]}."""
    sys.path.insert(0, str(ROOT))
    from benchmarks._setup import test_client_setup

    test_client_setup()
    from django.db import connection
    from django.test import Client
    from rest_framework.throttling import AnonRateThrottle

    from articles.models import Article
    from benchmarks._setup import explain
    from benchmarks.pages import measure

    AnonRateThrottle.THROTTLE_RATES = {"anon": None}
    client = Client()
    urls = []
    for name, url in sample_urls():
        result = measure(client, url, repeats)
        print(f"{name:30} p50 {result['p50']:7.1f} p95 {result['p95']:7.1f} {result['queries']}")
        urls.append({"name": name, "url": url, **result})
    for item in sorted(urls, key=lambda u: -u["slowest"][0])[:EXPLAINED]:
        item["explain"] = explain(item["slowest"][1])
    return {"articles": Article.objects.count(), "vendor": connection.vendor, "urls": urls}


def report(runs: list[dict], repeats: int) -> str:
    sizes = [f"{run['articles']:,}" for run in runs]
    head = " | ".join(f"queries at {s} | p50 / p95 ms at {s}" for s in sizes)
    lines = [
        f"# The API's list endpoints at {' and '.join(sizes)} articles",
        "",
        f"Django test client, anonymous, throttling off; {repeats} requests per URL after one "
        f"warm-up; {runs[0]['vendor']}; archives from `generate_archive --seed 1`. 2-core "
        "machine shared with other work. Written by `benchmarks/api.py`.",
        "",
        f"| endpoint | {head} |",
        "|---|" + "---|---|" * len(runs),
    ]
    for i, first in enumerate(runs[0]["urls"]):
        cells = []
        for run in runs:
            r = run["urls"][i]
            queries = "/".join(str(n) for n in r["queries"])
            cells.append(f"{queries} | {r['p50']:.1f} / {r['p95']:.1f}")
        lines.append(f"| {first['name']} | {' | '.join(cells)} |")
    lines += ["", "URLs at the largest size:", ""]
    lines += [f"- {u['name']}: `{u['url']}`" for u in runs[-1]["urls"]]
    lines += ["", f"## The slowest queries at {sizes[-1]} articles", ""]
    for u in runs[-1]["urls"]:
        if "explain" in u:
            lines += [f"### {u['name']} ({u['slowest'][0]:.1f} ms)", "", "```sql"]
            lines += [u["slowest"][1], "```", "", "```", u["explain"], "```", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", action="append", default=[], help="a DATABASE_URL")
    parser.add_argument("--repeats", type=int, default=8)
    parser.add_argument("--measure-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_here:
        print("RESULT " + json.dumps(measure_here(args.repeats), default=str))
        return
    runs = []
    for url in args.database:
        print(f"== {url}")
        env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0", "SECRET_KEY": "benchmark"}
        done = subprocess.run(
            [sys.executable, __file__, "--measure-here", "--repeats", str(args.repeats)],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            sys.exit(done.stderr)
        result_lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        print("\n".join(line for line in done.stdout.splitlines() if not line.startswith("RESULT")))
        runs.append(json.loads(result_lines[-1].removeprefix("RESULT ")))
    out = RESULTS / f"api-{runs[0]['vendor']}.md"
    out.write_text(report(runs, args.repeats) + "\n")
    print(f"Wrote {out}")


if __name__ == "__main__":
    main()
