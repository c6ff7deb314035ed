"""The versions public pages are cached under, each read in one query."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Q, Subquery
from django.utils import timezone

from ..models import ContentVersion, Event


@dataclass(frozen=True)
class Version:
    """What a page was rendered from: `key` changes whenever that content does."""

    key: str
    changed_at: datetime | None


def _stamp(scope: str) -> Subquery:
    return Subquery(ContentVersion.objects.filter(scope=scope).values("stamp"))


def archive_version(**_url_kwargs: object) -> Version:
    """The version of every page that is not one event's reader."""
    row = ContentVersion.objects.filter(scope=ContentVersion.Scope.ARCHIVE).first()
    # No row yet: nothing has been written since the migration; the first write makes one.
    if row is None:
        return Version("archive:", None)
    return Version(f"archive:{row.stamp}", row.changed_at)


_EVENT_VERSION = (
    "pk", "updated_at", "articles_changed", "article_rows", "published_rows", "aligned_at",
    "vocabulary",
)  # fmt: skip


_EVENT_VERSION = (
    "pk", "updated_at", "articles_changed", "article_rows", "published_rows", "aligned_at",
    "vocabulary",
)  # fmt: skip


def event_version(*, slug: str) -> Version | None:
    """The version of a public event's reader pages, or None if no public event has `slug`."""
    row = (
        Event.objects.public()
        .filter(slug=slug)
        .annotate(
            articles_changed=Max("articles__updated_at"),
            article_rows=Count("articles"),
            published_rows=Count("articles", filter=Q(articles__status="published")),
            aligned_at=Max("alignment__computed_at"),
            vocabulary=_stamp(ContentVersion.Scope.VOCABULARY),
        )
        .values_list(*_EVENT_VERSION)
        .first()
    )
    if row is None:
        return None
    changed_at = max(moment for moment in (row[1], row[2], row[5]) if moment is not None)
    digest = hashlib.sha256(repr(row).encode()).hexdigest()
    return Version(f"event:{row[0]}:{digest}", changed_at)


def event_pages_changed(event_id: int) -> None:
    """Give the event's reader a new version (after its stored pages were refreshed)."""
    Event.objects.filter(pk=event_id).update(updated_at=timezone.now())
