"""Reading an archive file back into an empty archive, all of it or none of it.

Every line is checked before it is written: a known record type with exactly its fields,
values the model's own field validators accept (http(s) links only, hashes, slugs, codes),
base64 that decodes, a capture whose bytes match its SHA-256, and references to records
earlier in the file (an article may name a later article as its original; that is checked
once every article is in). The first problem stops the import with its line number, and the
one transaction rolls back: nothing is written.

Rows go in with bulk inserts that keep every value as given (the primary keys, and the
created/updated times that `auto_now` would otherwise overwrite), so exporting again gives
the same bytes. The database's triggers fire as on any insert (search vectors, public flags,
page-cache stamps); what the file leaves out is computed here as `save()` would compute it.
"""

import binascii
import json
from base64 import b64decode
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, TextIO

from django.core.exceptions import ValidationError
from django.db import models, transaction

from articles.importing.progress import ProgressBar
from articles.models import Article, Capture, Event, Language, NameEntry, Outlet
from articles.planner_statistics import analyze_if_doubled

from .export import dumps
from .records import (
    BY_MODEL,
    BY_NAME,
    HEADER,
    ArchiveFileError,
    Nested,
    RecordType,
    column,
    model_field,
)
from .tables import insert_rows, reset_sequences

Reference = tuple[int, str, type[models.Model], Any]  # line, field, referenced model, key


class ArchiveNotEmpty(Exception):
    """The database already holds archive content; an import would mix two archives."""


@dataclass
class Pending:
    """One record type's parsed rows waiting to be written, with what they refer to."""

    record_type: RecordType
    rows: list[tuple[int, models.Model, dict[Nested, list[models.Model]]]] = field(
        default_factory=list
    )
    references: list[Reference] = field(default_factory=list)  # every non-empty foreign key


@dataclass
class Loaded:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BY_NAME, 0))
    # References to records later in the file (an article's original), checked once their
    # record type ends.
    forward: list[Reference] = field(default_factory=list)


# The archive's content, which must be absent (every other row of it hangs off these).
# Languages and the name register are not in this list: the migrations create them, and
# the file's own replace them.
CONTENT = (Outlet, Event, Article)


def load_archive(
    stream: BinaryIO, *, size: int = 0, progress: TextIO | None = None
) -> dict[str, int]:
    """Load the archive file in `stream` into this empty archive; returns records per type.

    Raises ArchiveNotEmpty or ArchiveFileError, having written nothing.
    """
    bar = ProgressBar(size, stream=progress)
    loaded = Loaded()
    with transaction.atomic():
        _check_empty()
        _clear_seeded_rows()
        pending: Pending | None = None
        for number, record, length in _records(stream):
            record_type = _record_type(number, record)
            if pending is None or pending.record_type is not record_type:
                _flush(pending, loaded, finished=True)
                pending = Pending(record_type)
            _parse(number, record, pending)
            if len(pending.rows) >= record_type.batch_size:
                _flush(pending, loaded, finished=False)
                pending = Pending(record_type)
            bar.advance(f"{record_type.name} line {number:,}", steps=length)
        _flush(pending, loaded, finished=True)
        reset_sequences()
    bar.close()
    return loaded.counts


def _check_empty() -> None:
    held = [model._meta.verbose_name_plural for model in CONTENT if model.objects.exists()]
    if held:
        raise ArchiveNotEmpty(
            f"The archive is not empty (it holds {', '.join(map(str, held))}): an archive file "
            "is imported only into an empty, freshly migrated database."
        )


def _clear_seeded_rows() -> None:
    NameEntry.objects.all().delete()  # the spellings go with their entries
    Language.objects.all().delete()


def _records(stream: BinaryIO) -> Iterator[tuple[int, dict[str, Any], int]]:
    """(line number, record, bytes read) for every record after a valid header."""
    number = 0
    for number, raw in enumerate(stream, start=1):
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise ArchiveFileError(number, f"not UTF-8 ({exc.reason})") from exc
        except json.JSONDecodeError as exc:
            raise ArchiveFileError(number, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise ArchiveFileError(number, "not a JSON object")
        if number == 1:
            if record != HEADER:
                raise ArchiveFileError(
                    1, f"not a {HEADER['format']} file of version {HEADER['version']} "
                    f"(the first line must be {dumps(HEADER)})"
                )  # fmt: skip
            continue
        yield number, record, len(raw)
    if number == 0:
        raise ArchiveFileError(1, "the file is empty")


def _record_type(number: int, record: dict[str, Any]) -> RecordType:
    name = record.get("type")
    if name not in BY_NAME:
        known = ", ".join(BY_NAME)
        raise ArchiveFileError(number, f"unknown record type {name!r} (known: {known})")
    return BY_NAME[name]


def _parse(number: int, record: dict[str, Any], pending: Pending) -> None:
    record_type = pending.record_type
    values = {key: value for key, value in record.items() if key != "type"}
    nested_values = {nested: values.pop(nested.key, None) for nested in record_type.nested}
    what = f"{record_type.name} {values.get(record_type.fields[0])!r}"
    parent = record_type.model()
    _fill(number, what, parent, record_type.fields, values, pending)
    children: dict[Nested, list[models.Model]] = {}
    for nested, items in nested_values.items():
        if not isinstance(items, list):
            raise ArchiveFileError(number, f"{what}: {nested.key!r} must be a list")
        children[nested] = []
        for item in items:
            if not isinstance(item, dict):
                raise ArchiveFileError(number, f"{what}: each of {nested.key!r} is an object")
            child = nested.model(**{column(nested.model, nested.parent_field): parent.pk})
            _fill(number, what, child, nested.fields, item, pending)
            children[nested].append(child)
    pending.rows.append((number, parent, children))


def _fill(
    number: int,
    what: str,
    instance: models.Model,
    names: tuple[str, ...],
    values: dict[str, Any],
    pending: Pending,
) -> None:
    """Set the named fields of `instance` from the record's values, checked."""
    _check_names(number, what, names, values)
    references = []
    for name in names:
        spec = model_field(type(instance), name)
        value = _checked_value(number, what, spec, values[name])
        if isinstance(spec, models.ForeignKey) and value is not None:
            target = spec.related_model
            assert isinstance(target, type)
            references.append((number, name, target, value))
        setattr(instance, spec.attname, value)
    _check_rules(number, what, instance, values)
    # References are checked by batch (_check_references), not one query per value.
    pending.references.extend(references)


def _check_names(number: int, what: str, names: tuple[str, ...], values: dict[str, Any]) -> None:
    missing = [name for name in names if name not in values]
    unknown = sorted(set(values) - set(names))
    if missing or unknown:
        problems = [f"missing {', '.join(missing)}" if missing else "",
                    f"unknown {', '.join(unknown)}" if unknown else ""]  # fmt: skip
        raise ArchiveFileError(number, f"{what}: fields {'; '.join(filter(None, problems))}")


def _checked_value(number: int, what: str, spec: models.Field, value: Any) -> Any:
    """The value to set on the field: checked for its type, bytes decoded from base64."""
    name = spec.name
    if spec.primary_key and not isinstance(spec, models.CharField):
        _check_key(number, what, name, value)
    if value is None and not spec.null:
        raise ArchiveFileError(number, f"{what}: {name} cannot be null")
    if isinstance(spec, models.CharField | models.TextField) and not isinstance(value, str | None):
        raise ArchiveFileError(number, f"{what}: {name} must be a string")
    if isinstance(spec, models.BinaryField):
        return _base64(number, what, name, value)
    return value


def _check_rules(number: int, what: str, instance: models.Model, values: dict[str, Any]) -> None:
    model = type(instance)
    foreign_keys = [f.name for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey)]
    try:
        # What the models compute from these values first (an article's hash and search
        # text, a spelling's folded form; an event's search text in its save()); a capture
        # hashes its bytes in clean_fields(), to compare with the file's hash below.
        instance.clean()
        if isinstance(instance, Event):
            instance.refresh_search_text()
        instance.clean_fields(exclude=foreign_keys)
    except ValidationError as exc:
        reasons = "; ".join(f"{key}: {' '.join(m)}" for key, m in exc.message_dict.items())
        raise ArchiveFileError(number, f"{what}: {reasons}") from exc
    if isinstance(instance, Capture) and instance.sha256 != values["sha256"]:
        raise ArchiveFileError(number, f"{what}: the bytes do not match their sha256")


def _check_key(number: int, what: str, name: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ArchiveFileError(number, f"{what}: {name} must be a whole number above 0")


def _base64(number: int, what: str, name: str, value: Any) -> bytes:
    try:
        return b64decode(value, validate=True)
    except (binascii.Error, TypeError, ValueError) as exc:
        raise ArchiveFileError(number, f"{what}: {name} is not base64 ({exc})") from exc


def _flush(pending: Pending | None, loaded: Loaded, *, finished: bool) -> None:
    if pending is None:
        return
    record_type = pending.record_type
    _check_references(pending, loaded)
    insert_rows(record_type.model, [(number, row) for number, row, _ in pending.rows])
    for nested in record_type.nested:
        insert_rows(
            nested.model,
            [(number, child) for number, _, kids in pending.rows for child in kids[nested]],
        )
    before = loaded.counts[record_type.name]
    loaded.counts[record_type.name] += len(pending.rows)
    analyze_if_doubled(
        before,
        loaded.counts[record_type.name],
        [record_type.model, *(nested.model for nested in record_type.nested)],
    )
    if finished:
        # Every record of this type is in: a reference to a later one must resolve now.
        _raise_first(_unresolved(loaded.forward))
        loaded.forward = []


def _check_references(pending: Pending, loaded: Loaded) -> None:
    model = pending.record_type.model
    own = {row.pk for _, row, _ in pending.rows}
    unresolved = _unresolved(
        [ref for ref in pending.references if not (ref[2] is model and ref[3] in own)]
    )
    # A reference to this very type may point later in the file; any other must be earlier.
    _raise_first([ref for ref in unresolved if ref[2] is not model])
    loaded.forward.extend(unresolved)


def _unresolved(references: list[Reference]) -> list[Reference]:
    """The references to keys the database does not hold (yet)."""
    keys: dict[type[models.Model], set[Any]] = {}
    for _, _, target, key in references:
        keys.setdefault(target, set()).add(key)
    found = {
        target: set(target._base_manager.filter(pk__in=wanted).values_list("pk", flat=True))
        for target, wanted in keys.items()
    }
    return [ref for ref in references if ref[3] not in found[ref[2]]]


def _raise_first(unresolved: list[Reference]) -> None:
    if unresolved:
        number, name, target, key = unresolved[0]
        kind = BY_MODEL[target].name
        raise ArchiveFileError(number, f"{name} refers to {kind} {key!r}, not in the file")
