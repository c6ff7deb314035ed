"""Writing one parsed capture: one transaction, validated rows, the raw bytes kept.

Idempotency key: the SHA-256 of the capture's bytes (the same capture again is `unchanged`);
then the source URL (a changed capture of the same page updates its article and keeps the
earlier capture beside the new one).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..history import current_reason, history_reason
from ..models import Article, ArticleImage, Capture, Event, Language, Outlet
from ..refresh import refresh_for_article
from ..text import ComputedText
from . import IMPORTER_VERSION
from .outlets import OutletMatch, create_outlet, outlet_name_for
from .records import ImportStatus, ParsedCapture, RawCapture


@dataclass(frozen=True)
class Plan:
    """What storing would do, worked out without writing (used for --dry-run too)."""

    status: ImportStatus
    article: Article | None
    outlet: Outlet | None
    outlet_name: str


def plan_capture(
    *,
    raw: RawCapture,
    record: ParsedCapture,
    checked_new: bool = False,
    outlet: OutletMatch | None = None,
) -> Plan:
    """`outlet`: the record's outlet match when the caller already asked for it."""
    if not checked_new:
        # Unordered: the hash is unique, and the default ordering would join the articles.
        rows = Capture.objects.filter(sha256=raw.sha256).order_by().values_list("article_id")
        if found := list(rows[:1]):
            article = Article.objects.select_related("outlet").get(pk=found[0][0])
            stored = article.outlet
            return Plan("unchanged", article, stored, stored.name if stored else "")
    article = None
    if record.source_url:
        article = Article.objects.filter(source_url=record.source_url).order_by().first()
    matched = (outlet or OutletMatch(record)).outlet
    name = matched.name if matched else outlet_name_for(record)
    return Plan("update" if article else "new", article, matched, name)


def stored_hashes(hashes: Iterable[str]) -> set[str]:
    """Which of these capture hashes the archive holds: one query for a whole batch of files."""
    return set(Capture.objects.filter(sha256__in=list(hashes)).values_list("sha256", flat=True))


def stored_source_urls(urls: Iterable[str]) -> set[str]:
    """Which of these source URLs the archive's articles have: one query for a batch."""
    rows = Article.objects.filter(source_url__in=list(urls)).order_by()
    return set(rows.values_list("source_url", flat=True))


def store_capture(
    *,
    raw: RawCapture,
    record: ParsedCapture,
    language: Language,
    event: Event | None = None,
    imported_at: datetime | None = None,
    checked_new: bool = False,
    computed: ComputedText | None = None,
    outlet: OutletMatch | None = None,
) -> Plan:
    """Write the article, its images and the capture; all or nothing.

    `checked_new`: the caller looked the hash up moments ago (`stored_hashes`, one query for
    many files) and the archive did not hold it. If the same bytes were stored since (a
    duplicate file in the same run, another import at the same time), the unique hash
    refuses the capture, the transaction rolls back whole, and the file is stored again
    with its own lookup, so it comes out `unchanged` as it would have without the shortcut.
    `computed`: the article's hash and search text, when a reading worker worked them out.
    `outlet`: the record's outlet match, when the caller already asked for it.
    """
    write = partial(_store, raw, record, language, event, imported_at, computed)
    with history_reason(import_reason(raw.name)):
        try:
            return write(checked_new=checked_new, outlet=outlet or OutletMatch(record))
        except IntegrityError:
            if not checked_new:
                raise
            # Another writer stored rows since: look its outlet up again with everything else.
            return write(checked_new=False, outlet=OutletMatch(record))


def import_reason(name: str) -> str:
    """Why the importer wrote a history row: the file it came from."""
    return f"import: {name}"


def _store(
    raw: RawCapture,
    record: ParsedCapture,
    language: Language,
    event: Event | None,
    imported_at: datetime | None,
    computed: ComputedText | None,
    *,
    checked_new: bool,
    outlet: OutletMatch,
) -> Plan:
    with transaction.atomic():
        plan = plan_capture(raw=raw, record=record, checked_new=checked_new, outlet=outlet)
        if plan.status == "unchanged":
            return plan
        article_outlet = plan.outlet or create_outlet(record=record)
        previous_event_id = plan.article.event_id if plan.article else None
        article = plan.article or Article()
        fill_article(article, record, language, article_outlet, event)
        if computed is not None:
            article.use_computed_text(computed)
        validate(article)
        article.save()
        _replace_images(article, record, existing=plan.article is not None)
        capture_row(article, raw, imported_at or timezone.now()).save(force_insert=True)
        refresh_for_article(article, previous_event_id=previous_event_id)
        name = article_outlet.name if article_outlet else ""
        return Plan(plan.status, article, article_outlet, name)


def capture_row(article: Article, raw: RawCapture, imported_at: datetime) -> Capture:
    """The capture of `article`'s bytes, validated, not yet saved."""
    capture = Capture(
        article=article,
        raw=raw.raw,
        kind=raw.kind,
        filename=raw.name[:500],
        importer=IMPORTER_VERSION,
        imported_at=imported_at,
    )
    capture.use_known_hash(raw.sha256)
    validate(capture)
    return capture


@contextmanager
def relaxed_commits(enabled: bool) -> Iterator[None]:
    """While enabled (bulk runs of the command), PostgreSQL acknowledges each commit before
    its WAL reaches disk. Every file's transaction stays atomic; a server crash can only
    lose the last fraction of a second of imports, and because imports are idempotent,
    running the command again restores them. Set once for the session, not per file: on a
    busy machine each extra round trip costs as much as the setting saves."""
    if not enabled or connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def fill_article(
    article: Article,
    record: ParsedCapture,
    language: Language,
    outlet: Outlet | None,
    event: Event | None,
) -> None:
    article.title = record.title
    article.title_derived = record.title_derived
    article.body = record.body
    article.language = language
    article.published_on = record.published_on
    article.source_url = record.source_url
    article.byline = record.byline
    article.outlet = outlet
    article.outlet_evidence = record.outlet_evidence if outlet else ""
    if event is not None:
        article.event = event


def _replace_images(article: Article, record: ParsedCapture, *, existing: bool) -> None:
    if existing:
        # Deleted one by one through their signals, so each removal is in the history.
        article.images.all().delete()
    images = image_rows(article, record)
    bulk_create_with_history(images, ArticleImage, default_change_reason=current_reason())


def image_rows(article: Article, record: ParsedCapture) -> list[ArticleImage]:
    """The record's images for `article`, validated, not yet saved."""
    images = [
        ArticleImage(article=article, url=image.url, caption=image.caption, position=position)
        for position, image in enumerate(record.images)
    ]
    for image in images:
        validate(image)
    return images


def validate(instance: Article | ArticleImage | Capture) -> None:
    """Field validation in Python; uniqueness and check constraints are left to the database.

    The hash and source URL were looked up already (in `plan_capture`, or for a whole batch by
    the pipeline), and the database enforces every constraint anyway, so asking Django to
    check them again would cost one query per constraint (three times the import's own
    queries) for nothing.
    """
    exclude = _relations(instance)
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


def _relations(instance: models.Model) -> list[str]:
    # Foreign keys point at rows just read or written, and the database checks them at
    # commit; checking that they exist would cost a query each.
    return [f.name for f in instance._meta.fields if f.is_relation]
