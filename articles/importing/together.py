"""Writing a run of new captures together: one transaction, one INSERT per table.

Most files of a bulk import are new and depend on nothing else in it. Written one
transaction each, every file costs a BEGIN, an INSERT per table (each firing the public-flag
and page-cache statement triggers) and a COMMIT; written together, a run of them costs those
once. Each file stays all or nothing: the run is one transaction, and when the database
refuses anything in it (a capture another import stored since the batch's lookup, an outlet
deleted meanwhile) the run rolls back whole and `pipeline.Importer` writes each of its files
again in a transaction of its own, as it writes every file that depends on another.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..history import give_reason
from ..models import Article, ArticleImage, Capture, Event, Language, Outlet
from ..refresh import refresh_for_articles
from .reading import Prepared
from .records import ParsedCapture, RawCapture
from .writing import Plan, capture_row, fill_article, image_rows, import_reason, validate

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewCapture:
    """A file's article, capture and images, validated and ready to insert."""

    prepared: Prepared
    article: Article
    capture: Capture
    images: list[ArticleImage]

    @classmethod
    def build(
        cls,
        prepared: Prepared,
        raw: RawCapture,
        record: ParsedCapture,
        *,
        language: Language,
        outlet: Outlet | None,
        event: Event | None,
    ) -> "NewCapture":
        """Raises ValidationError for a record the archive cannot hold."""
        article = Article()
        fill_article(article, record, language, outlet, event)
        if prepared.computed is not None:
            article.use_computed_text(prepared.computed)
        validate(article)  # also brings the body's hash and search text up to date
        images = image_rows(article, record)
        give_reason([article, *images], import_reason(raw.name))
        capture = capture_row(article, raw, timezone.now())
        return cls(prepared, article, capture, images)

    def plan(self) -> Plan:
        """What storing did: the same account `writing.store_capture` gives of a file."""
        outlet = self.article.outlet
        return Plan("new", self.article, outlet, outlet.name if outlet else "")


def store_together(run: Sequence[NewCapture]) -> bool:
    """Write the whole run in one transaction; False, with nothing written, when the database
    refused any of it."""
    try:
        with transaction.atomic():
            _insert(run)
    except DatabaseError as exc:
        logger.info("%d files written one by one: %s", len(run), exc)
        return False
    return True


def _insert(run: Sequence[NewCapture]) -> None:
    articles = [new.article for new in run]
    # The captures and images were built with their unsaved article: bulk_create takes each
    # one's article id from it once the articles' INSERT has given them one.
    bulk_create_with_history(articles, Article)
    Capture.objects.bulk_create([new.capture for new in run])
    images = [image for new in run for image in new.images]
    if images:
        bulk_create_with_history(images, ArticleImage)
    refresh_for_articles(articles)


class FirstSeen:
    """Whether a file's bytes and source URL are new to the archive and to the files before
    it in the batch: only such a file can be written in a run without reading anything that
    an earlier file writes."""

    def __init__(self, hashes: set[str], urls: set[str]) -> None:
        self.hashes, self.urls = set(hashes), set(urls)

    def __call__(self, prepared: Prepared) -> bool:
        if prepared.raw is None or prepared.record is None:
            return False
        sha256, url = prepared.raw.sha256, prepared.record.source_url
        first = sha256 not in self.hashes and not (url and url in self.urls)
        self.hashes.add(sha256)
        if url:
            self.urls.add(url)
        return first
