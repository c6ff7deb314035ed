"""Small builders for test data: each returns a saved object with sensible defaults."""

import itertools
from datetime import date
from pathlib import Path

from django.utils import timezone

from articles.importing.pipeline import Importer
from articles.importing.records import ImportResult
from articles.languages.folding import match_key
from articles.models import Article, ArticleImage, Capture, Event, Language, Outlet

_counter = itertools.count(1)


def make_outlet(name: str | None = None, **fields) -> Outlet:
    n = next(_counter)
    name = name or f"Outlet {n}"
    fields.setdefault("slug", f"outlet-{n}")
    return Outlet.objects.create(name=name, **fields)


def make_event(title: str | None = None, *, on: date = date(2025, 2, 18), **fields) -> Event:
    n = next(_counter)
    fields.setdefault("slug", f"event-{n}")
    return Event.objects.create(title=title or f"Event {n}", date=on, **fields)


def make_article(
    *,
    language: str = "en",
    event: Event | None = None,
    outlet: Outlet | None = None,
    body: str = "First paragraph.\n\nSecond paragraph.",
    **fields,
) -> Article:
    n = next(_counter)
    fields.setdefault("title", f"Article {n}")
    return Article.objects.create(
        language=Language.objects.get(code=language),
        event=event,
        outlet=outlet,
        body=body,
        **fields,
    )


def make_image(article: Article, url: str = "https://example.org/a.jpg", **fields) -> ArticleImage:
    return ArticleImage.objects.create(article=article, url=url, **fields)


def make_capture(article: Article, raw: bytes = b"raw capture", **fields) -> Capture:
    fields.setdefault("importer", "tests")
    fields.setdefault("imported_at", timezone.now())
    return Capture.objects.create(article=article, raw=raw, **fields)


def spelling_map(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """An aligner's spellings from `{key: spellings}`: each spelling's match key -> key."""
    return {match_key(spelling): key for key, spellings in table.items() for spelling in spellings}


def import_file(path: Path, **options) -> ImportResult:
    """One capture file through the importer's own path for files (`import_paths`)."""
    (result,) = Importer(**options).import_paths([path])
    return result
