"""The archive file's records: which model each type holds, which fields, in which order.

Both directions read these tables, so a field added here is exported and imported alike.
What the archive computes from other fields is left out and computed again on import: an
article's body hash and search text, an event's search text and public flag, a spelling's
folded form, search vectors, page-cache stamps, and the stored alignments and comparisons
(keyed by a fingerprint of the bodies, so an event page knows when they are missing).
Name links are derived too, but kept: nothing notices a missing one (a name page would
silently list fewer events), counting names is most of the work of linking an archive, and
a restore should show the same name pages even if the matcher has changed since. Editors'
accounts are not archive data: a correction's `edited_by` is left out, and so is the change
history (who changed what, when: in a `pg_dump` backup, not in this file).
"""

from base64 import b64encode
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db import models

from articles.models import (
    AlignmentCorrection,
    Article,
    ArticleImage,
    ArticleName,
    Capture,
    Event,
    EventRedirect,
    Language,
    NameEntry,
    NameVariant,
    Outlet,
)

FORMAT = "coverage-archive"
VERSION = 1
HEADER = {"type": "header", "format": FORMAT, "version": VERSION}


class ArchiveFileError(Exception):
    """A line of the file that cannot be imported, with its number."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class Nested:
    """Rows of a child model written inside their parent's record, as a list of objects."""

    key: str
    model: type[models.Model]
    parent_field: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class RecordType:
    name: str
    model: type[models.Model]
    fields: tuple[str, ...]  # model field names; a foreign key holds the referenced key
    nested: tuple[Nested, ...] = ()
    batch_size: int = 1000  # rows per query when exporting, per insert when importing


RECORD_TYPES = (
    RecordType("language", Language, ("code", "name", "native_name", "search_config", "position")),
    RecordType("outlet", Outlet, ("id", "name", "slug", "homepage", "country")),
    RecordType(
        "name_entry",
        NameEntry,
        ("id", "name", "kind", "slug", "description", "updated_at"),
        (Nested("variants", NameVariant, "entry", ("id", "spelling", "language", "updated_at")),),
    ),
    RecordType(
        "event",
        Event,
        ("id", "title", "slug", "summary", "date", "end_date", "place", "created_at", "updated_at"),
    ),
    # A merged event's old address, so links to it still lead somewhere after a restore.
    RecordType("event_redirect", EventRedirect, ("id", "old_slug", "event", "created_at")),
    RecordType(
        "article",
        Article,
        (
            "id",
            "event",
            "outlet",
            "outlet_evidence",
            "language",
            "title",
            "title_derived",
            "body",
            "published_on",
            "source_url",
            "byline",
            "translation_of",
            "status",
            "proposed_event",
            "proposed_group",
            "proposal_score",
            "created_at",
            "updated_at",
        ),
        (
            Nested("images", ArticleImage, "article", ("id", "url", "caption", "position")),
            Nested("names", ArticleName, "article", ("entry", "count")),
        ),
    ),
    RecordType(
        "capture",
        Capture,
        ("id", "article", "kind", "filename", "importer", "imported_at", "sha256", "raw"),
        batch_size=50,  # captures run to megabytes each
    ),
    RecordType(
        "alignment_correction",
        AlignmentCorrection,
        (
            "id",
            "event",
            "fingerprint",
            "versions",
            "rows",
            "note",
            "stale",
            "stale_reason",
            "updated_at",
        ),
    ),
)
BY_NAME = {record_type.name: record_type for record_type in RECORD_TYPES}
BY_MODEL: dict[type[models.Model], RecordType] = {rt.model: rt for rt in RECORD_TYPES}


def model_field(model: type[models.Model], name: str) -> models.Field:
    found = model._meta.get_field(name)
    assert isinstance(found, models.Field)
    return found


def column(model: type[models.Model], name: str) -> str:
    """The attribute that holds the field's value: `event_id` for the foreign key `event`."""
    return model_field(model, name).attname


def encode(value: Any) -> Any:
    """A stored value as JSON holds it: dates in ISO 8601 (times in UTC), bytes in base64."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return b64encode(bytes(value)).decode("ascii")
    return value
