"""Counts shown beside each filter option ("Swedish (3)"), in a constant number of queries."""

from django.db.models import Count, QuerySet

from .models import Article


def _counts(rows, key: str) -> dict:
    return {row[key]: row["n"] for row in rows if row[key] is not None}


def event_language_counts(events: QuerySet) -> dict[str, int]:
    """How many of `events` each language covers: ticking it would leave that many."""
    rows = (
        Article.objects.published()
        .filter(event__in=events.order_by().values("pk"))
        .order_by()
        .values("language_id")
        .annotate(n=Count("event", distinct=True))
    )
    return _counts(rows, "language_id")


def event_outlet_counts(events: QuerySet) -> dict[str, int]:
    rows = (
        Article.objects.published()
        .filter(event__in=events.order_by().values("pk"))
        .order_by()
        .values("outlet__slug")
        .annotate(n=Count("event", distinct=True))
    )
    return _counts(rows, "outlet__slug")


def article_language_counts(articles: QuerySet) -> dict[str, int]:
    rows = articles.order_by().values("language_id").annotate(n=Count("pk"))
    return _counts(rows, "language_id")


def article_outlet_counts(articles: QuerySet) -> dict[str, int]:
    rows = articles.order_by().values("outlet__slug").annotate(n=Count("pk"))
    return _counts(rows, "outlet__slug")
