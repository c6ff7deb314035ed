"""The import's writes to the database: rows in bulk with their own keys, a refused row named
by its line, and sequences moved past the imported keys."""

from django.core.management.color import no_style
from django.db import IntegrityError, connection, models, transaction

from .records import BY_MODEL, RECORD_TYPES, ArchiveFileError

INSERT_ROWS = 500  # rows per INSERT: well under either database's limit on parameters


def insert_rows(model: type[models.Model], rows: list[tuple[int, models.Model]]) -> None:
    """Insert the rows as given (raw, as loaddata does: no auto_now); a row the database
    refuses (a duplicate key or slug, a broken rule) is found and named by its line."""
    if not rows:
        return
    try:
        with transaction.atomic():
            _raw_insert(model, [row for _, row in rows])
    except IntegrityError:
        for number, row in rows:
            try:
                with transaction.atomic():
                    _raw_insert(model, [row])
            except IntegrityError as exc:
                reason = str(exc).splitlines()[0]
                what = BY_MODEL[model].name if model in BY_MODEL else model._meta.model_name
                raise ArchiveFileError(
                    number, f"{what}: the database refused it: {reason}"
                ) from exc
        raise


def _raw_insert(model: type[models.Model], objs: list[models.Model]) -> None:
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and objs[0].pk is None)]
    for start in range(0, len(objs), INSERT_ROWS):
        model._base_manager._insert(  # type: ignore[attr-defined]
            objs[start : start + INSERT_ROWS], fields=fields, raw=True
        )


def reset_sequences() -> None:
    """After explicit keys, the next new row must get a key above them (PostgreSQL; SQLite
    follows the largest key by itself)."""
    models_ = [rt.model for rt in RECORD_TYPES] + [
        n.model for rt in RECORD_TYPES for n in rt.nested
    ]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models_):
            cursor.execute(sql)
