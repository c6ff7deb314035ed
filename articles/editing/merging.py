"""Merging two events that report the same happening into one."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from ..history import current_reason, history_reason
from ..models import Article, Event, EventRedirect
from ..refresh import refresh_events


@transaction.atomic
def merge_events(*, survivor: Event, merged: Event) -> int:
    """Move `merged`'s articles to `survivor`, delete `merged`, and send its address (and any
    address that already led to it) to `survivor` with a permanent redirect.

    The survivor keeps its own title, date and slug. Every row written is in the history
    with the reason "merge: <merged> into <survivor>" (and, in the admin, the editor).
    Returns how many articles moved."""
    if survivor.pk == merged.pk:
        raise ValidationError(_("An event cannot be merged into itself."))
    with history_reason(f"merge: {merged.slug} into {survivor.slug}"):
        moved = _move(list(Article.objects.filter(event=merged)), survivor, "updated_at")
        _move(list(EventRedirect.objects.filter(event=merged)), survivor)
        _redirect(merged.slug, survivor)
        # Grouping's proposals for the merged event stand for the survivor now (proposals
        # are derived values, not in the history).
        Article.objects.filter(proposed_event=merged).update(proposed_event=survivor)
        merged.delete()
    # The survivor's comparison and alignment, after commit; a correction written for its
    # former articles is flagged stale there.
    refresh_events({survivor.pk})
    return moved


def _move(rows: list[Article] | list[EventRedirect], survivor: Event, *touched: str) -> int:
    now = timezone.now()
    for row in rows:
        row.event = survivor
        for field in touched:
            setattr(row, field, now)
    if rows:
        bulk_update_with_history(
            rows, type(rows[0]), ["event", *touched], default_change_reason=current_reason()
        )
    return len(rows)


def _redirect(old_slug: str, survivor: Event) -> None:
    # A redirect may hold the slug already, if an event took an old address since.
    redirect = EventRedirect.objects.filter(old_slug=old_slug).first()
    redirect = redirect or EventRedirect(old_slug=old_slug)
    redirect.event = survivor
    redirect.full_clean(validate_unique=False)
    redirect.save()
