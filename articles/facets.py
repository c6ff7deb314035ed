"""Counts shown beside each filter option ("Swedish (3)"), in a constant number of queries."""

from django.db.models import Count, QuerySet

from .models import Article


def _counts(rows: QuerySet, key: str) -> dict:
    return {row[key]: row["n"] for row in rows if row[key] is not None}


def _event_counts(events: QuerySet, key: str) -> dict:
    """For each value of `key`, how many of `events` a published article with it covers."""
    rows = (
        Article.objects.published()
        .filter(event__in=events.order_by().values("pk"))
        .order_by()
        .values(key)
        .annotate(n=Count("event", distinct=True))
    )
    return _counts(rows, key)


def _article_counts(articles: QuerySet, key: str) -> dict:
    return _counts(articles.order_by().values(key).annotate(n=Count("pk")), key)


def event_language_counts(events: QuerySet) -> dict[str, int]:
    """How many of `events` each language covers: ticking it would leave that many."""
    return _event_counts(events, "language_id")


def event_outlet_counts(events: QuerySet) -> dict[str, int]:
    return _event_counts(events, "outlet__slug")


def article_language_counts(articles: QuerySet) -> dict[str, int]:
    return _article_counts(articles, "language_id")


def article_outlet_counts(articles: QuerySet) -> dict[str, int]:
    return _article_counts(articles, "outlet__slug")
