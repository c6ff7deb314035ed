"""Restoring an earlier version of a record from its history."""

from typing import Any

from django.db import models, transaction

from ..history import history_reason
from ..models import AlignmentCorrection, Article, ArticleImage, NameEntry, NameVariant
from ..refresh import refresh_events, refresh_for_article, refresh_for_entry


@transaction.atomic
def restore_version(record: Any) -> models.Model:
    """Write the values `record` (a historical row) holds over the record as it is now, or
    bring it back if it was deleted, validated like any edit; the restoring is itself a new
    row in the history ("revert: to version N"). Then what pages read about it follows, as
    after an editor's save. Raises ValidationError (nothing written) when the old values no
    longer fit, e.g. a slug another record has taken since."""
    # Fields the history leaves out (derived values) come from the current row.
    instance = record.instance
    previous = type(instance)._default_manager.filter(pk=instance.pk).first()
    # Built from the history row, it looks new; it is an update unless the record is gone.
    instance._state.adding = previous is None
    with history_reason(
        f"revert: to version {record.history_id} of {record.history_date:%Y-%m-%d %H:%M}"
    ):
        instance.full_clean()
        instance.save()
    _refresh(instance, previous)
    return instance


def _refresh(instance: models.Model, previous: models.Model | None) -> None:
    if isinstance(instance, Article):
        refresh_for_article(instance, previous_event_id=getattr(previous, "event_id", None))
    elif isinstance(instance, NameEntry | NameVariant):
        refresh_for_entry(instance if isinstance(instance, NameEntry) else instance.entry)
    elif isinstance(instance, ArticleImage):
        refresh_events({instance.article.event_id})
    elif isinstance(instance, AlignmentCorrection):
        refresh_events({instance.event_id})
    # Events, outlets and redirects: the page cache's triggers see the row itself change.
