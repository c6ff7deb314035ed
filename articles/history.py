"""What the archive's change history records, and why each change was made.

Every editorial model carries `history = ArchiveHistory(...)` (django-simple-history): each
save and delete writes one row to its `historical…` table with the values, when, who (the
signed-in editor, through `simple_history.middleware.HistoryRequestMiddleware`) and why. Code
that writes without an editor's request names itself for the rows it writes:

    with history_reason(f"import: {name}"):
        ...  # every save and delete in here is recorded with that reason

Bulk writes bypass save(): `bulk_create_with_history` / `bulk_update_with_history` from
`simple_history.utils` record them, with `current_reason()` as their reason.

Not recorded: values the archive derives and keeps itself (search texts, the folded spelling,
`Event.is_public` kept by triggers, grouping's stored proposals), captures (immutable raw
bytes, kept whole already), the page cache's touch of an event's `updated_at` (no content
changes), and what `generate_archive` writes (made-up benchmark data, in bulk).
"""

import functools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from simple_history.manager import HistoryManager
from simple_history.models import HistoricalRecords
from simple_history.utils import get_change_reason_from_object

_reason: ContextVar[str | None] = ContextVar("history_reason", default=None)


@contextmanager
def history_reason(reason: str) -> Iterator[None]:
    """Record `reason` on the history rows written inside the block (the innermost wins)."""
    token = _reason.set(_fitted(reason))
    try:
        yield
    finally:
        _reason.reset(token)


def current_reason() -> str | None:
    return _reason.get()


def give_reason(instances: Iterable[models.Model], reason: str) -> None:
    """Record `reason` on the history rows of these instances when they are written in bulk:
    `bulk_create_with_history` takes one reason for all, and each row may need its own
    (simple-history reads it from `_change_reason`)."""
    for instance in instances:
        instance._change_reason = _fitted(reason)  # type: ignore[attr-defined]


def _fitted(reason: str) -> str:
    return reason[:100]  # the history tables' change_reason column


class ArchiveHistoryManager(HistoryManager):
    """simple-history's manager, its class built once per queryset class. simple-history
    builds a new manager class on every access to `instance.history`, which every save
    makes: 0.7 ms of CPU each here, more than the history row's INSERT."""

    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class: type, class_name: str | None = None) -> type:
        return super().from_queryset(queryset_class, class_name)


class ArchiveHistory(HistoricalRecords):
    """HistoricalRecords whose change reason falls back to the enclosing `history_reason`."""

    def __init__(self, **options: Any) -> None:
        super().__init__(history_manager=ArchiveHistoryManager, **options)

    def get_change_reason_for_object(self, instance: Any, history_type: str, using: Any) -> Any:
        return get_change_reason_from_object(instance) or current_reason()
