"""The versions public pages are cached under, each read in one query.

A cached view is little more than this query, so each is built and compiled by the ORM once
per process and then only executed: building and compiling cost more than running it.
"""

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections, router
from django.db.models import Count, Max, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..models import ContentVersion, Event, EventAlignment

# Stands for the requested slug in the compiled query; replaced by it at each execution.
_SLUG = "page-cache:slug"


@dataclass(frozen=True)
class Version:
    """What a page was rendered from: `key` changes whenever that content does."""

    key: str
    changed_at: datetime | None


def _archive_query() -> QuerySet:
    return ContentVersion.objects.filter(scope=ContentVersion.Scope.ARCHIVE).values_list(
        "stamp", "changed_at"
    )


_EVENT_VERSION = (
    "pk", "updated_at", "articles_changed", "aligned_at", "article_rows", "published_rows",
    "vocabulary",
)  # fmt: skip


def _event_stamps_query() -> QuerySet:
    """The archive stamp and the event's alignment time: a one-row read by two keys."""
    aligned = EventAlignment.objects.filter(event__slug=_SLUG).values("computed_at")
    return (
        ContentVersion.objects.filter(scope=ContentVersion.Scope.ARCHIVE)
        .annotate(aligned_at=Subquery(aligned[:1]))
        .values_list("stamp", "aligned_at")
    )


def _event_query() -> QuerySet:
    vocabulary = ContentVersion.objects.filter(scope=ContentVersion.Scope.VOCABULARY)
    return (
        Event.objects.public()
        .filter(slug=_SLUG)
        .annotate(
            articles_changed=Max("articles__updated_at"),
            article_rows=Count("articles"),
            published_rows=Count("articles", filter=Q(articles__status="published")),
            aligned_at=Max("alignment__computed_at"),
            vocabulary=Subquery(vocabulary.values("stamp")),
        )
        .values_list(*_EVENT_VERSION)
    )


@functools.cache
def _compiled(build: Callable[[], QuerySet], alias: str) -> tuple[str, tuple]:
    return build().query.get_compiler(using=alias).as_sql()


def _fetch(build: Callable[[], QuerySet], slug: str = "") -> tuple | None:
    alias = router.db_for_read(ContentVersion)
    sql, params = _compiled(build, alias)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [slug if param == _SLUG else param for param in params])
        return cursor.fetchone()


def _moment(value: datetime | str | None) -> datetime | None:
    # Unlike the ORM, a cursor hands SQLite's datetimes back naive or, when computed, as
    # text; both are UTC.
    moment = parse_datetime(value) if isinstance(value, str) else value
    if moment is not None and timezone.is_naive(moment):
        return moment.replace(tzinfo=UTC)
    return moment


def archive_version(**_url_kwargs: object) -> Version:
    """The version of every page that is not one event's reader."""
    row = _fetch(_archive_query)
    # No row yet: nothing has been written since the migration; the first write makes one.
    if row is None:
        return Version("archive:", None)
    return Version(f"archive:{row[0]}", _moment(row[1]))


# How many event versions each worker keeps (see event_version).
RECENT_EVENTS = 1000


def event_version(*, slug: str) -> Version | None:
    """The version of a public event's reader pages, or None if no public event has `slug`.

    Everything the version is made of is written with a change of the archive stamp in the
    same transaction (the event, its articles, the vocabulary: the triggers of migration
    0014), except the alignment, which is written without one (after the articles' commit,
    or by an editor's correction). So while the stamp and the alignment's time are the ones
    a version was read under, it is still the version: the worker keeps it and reads those
    two, one row by two unique keys, instead of aggregating the event's articles again. They
    are read before the version, so a version kept under them is never older than they say.
    """
    stamps = _fetch(_event_stamps_query, slug)
    if stamps is None:  # no stamp yet (nothing written since the migration)
        return _read_event_version(slug)
    return _version_under(router.db_for_read(ContentVersion), slug, *stamps)


@functools.lru_cache(maxsize=RECENT_EVENTS)
def _version_under(_alias: str, slug: str, _stamp: int, _aligned_at: object) -> Version | None:
    # The arguments other than the slug only key what is kept.
    return _read_event_version(slug)


def _read_event_version(slug: str) -> Version | None:
    row = _fetch(_event_query, slug)
    if row is None:
        return None
    moments = [moment for moment in map(_moment, row[1:4]) if moment is not None]
    digest = hashlib.sha256(repr(row).encode()).hexdigest()
    return Version(f"event:{row[0]}:{digest}", max(moments))


def event_pages_changed(event_id: int) -> None:
    """Give the event's reader a new version (after its stored pages were refreshed)."""
    Event.objects.filter(pk=event_id).update(updated_at=timezone.now())
