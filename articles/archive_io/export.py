"""Writing the whole archive as JSON Lines, in constant memory.

Each table is read in primary-key order in batches found by key (`pk > last`), so memory
holds one batch whatever the archive's size, and the same archive always gives the same
bytes: keys sorted, fixed separators, no time of export in the file. The whole export reads
one snapshot (one transaction, REPEATABLE READ on PostgreSQL), so an article written while
it runs cannot refer to an event the file does not hold.
"""

import json
from collections import defaultdict
from collections.abc import Iterator
from io import TextIOBase
from typing import Any, TextIO

from django.db import connection, transaction

from articles.importing.progress import ProgressBar

from .records import HEADER, RECORD_TYPES, Nested, RecordType, column, encode


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def export_archive(out: TextIOBase, *, progress: TextIO | None = None) -> dict[str, int]:
    """Write every record to `out`, one line each after the header; returns records per
    type. A progress bar goes to `progress` when that is a terminal."""
    # A caller that already holds a transaction (a test) has its snapshot chosen already.
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        totals = {rt.name: rt.model._base_manager.count() for rt in RECORD_TYPES}
        bar = ProgressBar(sum(totals.values()), stream=progress)
        out.write(dumps(HEADER) + "\n")
        for record_type in RECORD_TYPES:
            for batch in _batches(record_type):
                out.write("".join(dumps(record) + "\n" for record in batch))
                bar.advance(f"{record_type.name} {batch[-1].get('id', '')}", steps=len(batch))
        bar.close()
    return totals


def _batches(record_type: RecordType) -> Iterator[list[dict[str, Any]]]:
    model = record_type.model
    key = column(model, record_type.fields[0])
    rows = model._base_manager.order_by("pk").values(
        *(column(model, name) for name in record_type.fields)
    )
    last = None
    while batch := list(
        (rows if last is None else rows.filter(pk__gt=last))[: record_type.batch_size]
    ):
        last = batch[-1][key]
        records = [_record(record_type, row) for row in batch]
        for nested in record_type.nested:
            children = _children(nested, [row[key] for row in batch])
            for record in records:
                record[nested.key] = children.get(record[record_type.fields[0]], [])
        yield records


def _record(record_type: RecordType, row: dict[str, Any]) -> dict[str, Any]:
    model = record_type.model
    values = {name: encode(row[column(model, name)]) for name in record_type.fields}
    return {"type": record_type.name, **values}


def _children(nested: Nested, parent_ids: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    """The nested rows of these parents, by parent, ordered by their first field (their id,
    or for name links, which keep no id, the entry)."""
    model = nested.model
    parent = column(model, nested.parent_field)
    columns = [column(model, name) for name in nested.fields]
    rows = (
        model._base_manager.filter(**{f"{parent}__in": parent_ids})
        .order_by(parent, columns[0])
        .values(parent, *columns)
    )
    children: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        children[row[parent]].append(
            {name: encode(row[col]) for name, col in zip(nested.fields, columns, strict=True)}
        )
    return children
