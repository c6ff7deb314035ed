"""Writing one parsed capture: one transaction, validated rows, the raw bytes kept.

Idempotency key: the SHA-256 of the capture's bytes (the same capture again is `unchanged`);
then the source URL (a changed capture of the same page updates its article and keeps the
earlier capture beside the new one).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..models import Article, ArticleImage, Capture, Event, Language, Outlet
from ..text import sha256_hex
from . import IMPORTER_VERSION
from .outlets import create_outlet, match_outlet, outlet_name_for
from .records import ImportStatus, ParsedCapture, RawCapture


@dataclass(frozen=True)
class Plan:
    """What storing would do, worked out without writing (used for --dry-run too)."""

    status: ImportStatus
    article: Article | None
    outlet: Outlet | None
    outlet_name: str


def plan_capture(*, raw: RawCapture, record: ParsedCapture) -> Plan:
    known = Capture.objects.select_related("article__outlet").filter(sha256=sha256_hex(raw.raw))
    if capture := known.first():
        outlet = capture.article.outlet
        return Plan("unchanged", capture.article, outlet, outlet.name if outlet else "")
    article = None
    if record.source_url:
        article = Article.objects.filter(source_url=record.source_url).first()
    outlet = match_outlet(record)
    name = outlet.name if outlet else outlet_name_for(record)
    return Plan("update" if article else "new", article, outlet, name)


def store_capture(
    *,
    raw: RawCapture,
    record: ParsedCapture,
    language: Language,
    event: Event | None = None,
    imported_at: datetime | None = None,
) -> Plan:
    """Write the article, its images and the capture; all or nothing."""
    with transaction.atomic():
        plan = plan_capture(raw=raw, record=record)
        if plan.status == "unchanged":
            return plan
        outlet = plan.outlet or create_outlet(record=record)
        article = _save_article(plan.article or Article(), record, language, outlet, event)
        _replace_images(article, record)
        capture = Capture(
            article=article,
            raw=raw.raw,
            kind=raw.kind,
            filename=raw.name[:500],
            importer=IMPORTER_VERSION,
            imported_at=imported_at or timezone.now(),
            sha256=sha256_hex(raw.raw),
        )
        capture.full_clean()
        capture.save()
        return Plan(plan.status, article, outlet, outlet.name if outlet else "")


def _save_article(
    article: Article,
    record: ParsedCapture,
    language: Language,
    outlet: Outlet | None,
    event: Event | None,
) -> Article:
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
    article.full_clean()
    article.save()
    return article


def _replace_images(article: Article, record: ParsedCapture) -> None:
    article.images.all().delete()
    images = [
        ArticleImage(article=article, url=image.url, caption=image.caption, position=position)
        for position, image in enumerate(record.images)
    ]
    for image in images:
        image.full_clean()
    ArticleImage.objects.bulk_create(images)
