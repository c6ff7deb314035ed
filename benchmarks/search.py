"""Text search (`q=`) on PostgreSQL at 20,000 articles, with and without the trigram indexes.

Run:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coverage_bench \
    .venv/bin/python benchmarks/search.py
Writes benchmarks/results/search.md. Times are medians of repeated requests through the Django
test client (full page render), so they include template rendering.
"""

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from articles.languages.folding import fold  # noqa: E402
from articles.models import Article, Event, Language  # noqa: E402
from articles.text import sha256_hex  # noqa: E402

ARTICLES = 20_000
WORDS = [
    "kerja",
    "sama",
    "perbatasan",
    "kereta",
    "api",
    "gerbang",
    "pintar",
    "hợp",
    "tác",
    "biên",
    "giới",
    "samarbete",
]
QUERIES = ["quang ninh", "đà nẵng", "pham minh chinh", "smart border gate 7"]
REPEATS = 15


def populate() -> None:
    langs = list(Language.objects.all())
    events = Event.objects.bulk_create(
        Event(
            title=f"Event {i}",
            slug=f"bench-{i}",
            date=date(2020, 1, 1) + timedelta(days=i),
            search_text=f"event {i}",
        )
        for i in range(ARTICLES // 4)
    )
    articles = []
    for i in range(ARTICLES):
        place = ["Quảng Ninh", "Đà Nẵng", "Hà Nội", "Guangxi"][i % 4]
        filler = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(60))
        body = f"{place} {filler} smart border gate {i}"
        title = f"Phạm Minh Chính {i}" if i % 50 == 0 else f"Article {i}"
        articles.append(
            Article(
                event=events[i // 4],
                language=langs[i % 4],
                title=title,
                body=body,
                body_sha256=sha256_hex(body),
                search_text=fold(f"{title}\n{body}"),
            )
        )
    Article.objects.bulk_create(articles, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def median_ms(client: Client, url: str) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure() -> dict[str, float]:
    client = Client()
    results = {}
    for query in QUERIES:
        for page in ("events", "articles"):
            results[f"/{page}/?q={query}"] = median_ms(client, f"/{page}/?q={query}")
    return results


def set_trigram_indexes(on: bool) -> None:
    with connection.cursor() as cursor:
        for table in ("articles_article", "articles_event"):
            if on:
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table} "
                    "USING gin (search_text gin_trgm_ops)"
                )
            else:
                cursor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")
        cursor.execute("ANALYZE")


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("Run this with DATABASE_URL pointing at a PostgreSQL database.")
    call_command("migrate", verbosity=0)
    Article.objects.all().delete()
    Event.objects.all().delete()
    populate()
    set_trigram_indexes(False)
    without = measure()
    set_trigram_indexes(True)
    with_index = measure()
    lines = [
        f"# Search on PostgreSQL, {ARTICLES:,} articles, {ARTICLES // 4:,} events",
        "",
        f"Median of {REPEATS} full page requests (Django test client, 2-core machine shared with "
        "other work: compare within the run).",
        "",
        "| request | without trigram index (ms) | with trigram index (ms) | ratio |",
        "|---|---|---|---|",
    ]
    for url, ms in without.items():
        lines.append(
            f"| `{url}` | {ms:.1f} | {with_index[url]:.1f} | {ms / with_index[url]:.1f}x |"
        )
    out = ROOT / "benchmarks" / "results" / "search.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
