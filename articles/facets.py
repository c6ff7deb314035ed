"""Counts shown beside each filter option ("Swedish (3)"), in a constant number of queries.

Counting is done only over a result set of at most FACET_LIMIT rows. Over a whole archive of
a million articles the counts take seconds (a grouped count of every article), which no list
page can spend; once the filters narrow the list that far, the counts take milliseconds. Past
the limit the functions return None and the page shows the options without numbers, rather
than numbers it did not compute.
"""

from django.db.models import Count, QuerySet

from .models import Article

FACET_LIMIT = 2000


def _narrow_ids(rows: QuerySet) -> list[int] | None:
    """The primary keys of `rows` when there are at most FACET_LIMIT of them, else None."""
    ids = list(
        rows.order_by().prefetch_related(None).values_list("pk", flat=True)[: FACET_LIMIT + 1]
    )
    return ids if len(ids) <= FACET_LIMIT else None


def _counts(rows: QuerySet, key: str) -> dict:
    return {row[key]: row["n"] for row in rows if row[key] is not None}


def _event_counts(events: QuerySet, key: str) -> dict | None:
    """For each value of `key`, how many of `events` a published article with it covers."""
    ids = _narrow_ids(events)
    if ids is None:
        return None
    rows = (
        Article.objects.published()
        .filter(event__in=ids)
        .order_by()
        .values(key)
        .annotate(n=Count("event", distinct=True))
    )
    return _counts(rows, key)


def _article_counts(articles: QuerySet, key: str) -> dict | None:
    ids = _narrow_ids(articles)
    if ids is None:
        return None
    rows = Article.objects.filter(pk__in=ids).order_by().values(key).annotate(n=Count("pk"))
    return _counts(rows, key)


def event_language_counts(events: QuerySet) -> dict[str, int] | None:
    """How many of `events` each language covers: ticking it would leave that many."""
    return _event_counts(events, "language_id")


def event_outlet_counts(events: QuerySet) -> dict[str, int] | None:
    return _event_counts(events, "outlet__slug")


def article_language_counts(articles: QuerySet) -> dict[str, int] | None:
    return _article_counts(articles, "language_id")


def article_outlet_counts(articles: QuerySet) -> dict[str, int] | None:
    return _article_counts(articles, "outlet__slug")
