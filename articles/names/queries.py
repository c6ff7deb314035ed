"""Reads over the name register: the entry pages, and the spellings other modules compare."""

from django.db.models import IntegerField, OuterRef, Subquery, Sum

from articles.languages.folding import match_key
from articles.models import ArticleName, Event, NameEntry
from articles.querysets import EventQuerySet


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
    # public() adds no condition an event with a published article does not meet, but it
    # lets PostgreSQL walk the partial index event_public_idx, in this order, from the index
    # alone.
    return (
        Event.objects.public()
        .mentioning(entry_id)
        .annotate(mention_count=Subquery(totals, output_field=IntegerField()))
        .newest_first()
    )


def spelling_owners() -> dict[str, str]:
    """Every folded spelling in the register, canonical names included -> its entry's slug.

    The one table grouping and alignment compare names with (one query). A spelling two
    entries share stays with the older entry, the one `find_names` also prefers when the
    text's language does not decide."""
    rows = NameEntry.objects.order_by("pk", "variants__pk").values_list(
        "slug", "name", "variants__folded"
    )
    owners: dict[str, str] = {}
    for slug, name, folded in rows:
        for spelling in (match_key(name), folded):
            if spelling:
                owners.setdefault(spelling, slug)
    return owners
