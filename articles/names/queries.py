"""Reads over the name register for the entry pages."""

from django.db.models import IntegerField, OuterRef, Subquery, Sum

from articles.models import Event
from articles.querysets import EventQuerySet

from .models import ArticleName, NameEntry


def events_mentioning(entry: NameEntry | int) -> EventQuerySet:
    """Public events whose published articles mention `entry` in any spelling, newest first,
    each annotated with `mention_count` (mentions across its published articles)."""
    entry_id = entry if isinstance(entry, int) else entry.pk
    totals = (
        ArticleName.objects.filter(
            entry_id=entry_id, article__event=OuterRef("pk"), article__status="published"
        )
        .values("article__event")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return (
        Event.objects.mentioning(entry_id)
        .annotate(mention_count=Subquery(totals, output_field=IntegerField()))
        .order_by("-date", "title")
    )
