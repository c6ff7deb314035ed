"""Counts shown beside each filter option ("Swedish (3)"), in a constant number of queries.

Counting is done only over a result set of at most FACET_LIMIT rows. Over a whole archive of
a million articles the counts take seconds (a grouped count of every article), which no list
page can spend; once the filters narrow the list that far, the counts take milliseconds. Past
the limit the functions return None and the page shows the options without numbers, rather
than numbers it did not compute.

Finding out that a list is longer than the limit costs a walk of FACET_LIMIT + 1 of its rows:
tens of milliseconds when each row is a semi-join (events covered in two languages). Where
PostgreSQL's planner estimates the list at many times the limit, that walk is skipped.
"""

from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.db.models import Count, QuerySet

from .estimates import planner_rows
from .keys import AmongKeys
from .models import Article

FACET_LIMIT = 2000
# An estimate this many times over the limit is trusted to be over it: the planner's error on
# the lists' filters stays well inside it (within 15% for languages, outlets, dates and
# their combinations at 100,000 articles). A wrong guess only drops the numbers.
ESTIMATE_MARGIN = 2


def _narrow_ids(rows: QuerySet) -> list[int] | None:
    """The primary keys of `rows` when there are at most FACET_LIMIT of them, else None."""
    rows = rows.order_by().prefetch_related(None)
    if estimated_over_limit(rows):
        return None
    ids = list(rows.values_list("pk", flat=True)[: FACET_LIMIT + 1])
    return ids if len(ids) <= FACET_LIMIT else None


def estimated_over_limit(rows: QuerySet) -> bool:
    """Whether PostgreSQL expects `rows` far past FACET_LIMIT (never on SQLite: no estimate)."""
    try:
        estimate = planner_rows(rows.values("pk"))
    except EmptyResultSet:  # a list that is empty before it is asked (qs.none())
        return False
    return estimate is not None and estimate > FACET_LIMIT * ESTIMATE_MARGIN


class FacetScope:
    """A list whose options are counted: its ids are read (or found too many) once, however
    many facets count over it, and not at all when the caller already holds every one
    (`known_ids`: a short list, which the page's pagination walked to its end) or knows
    there are more than FACET_LIMIT (`too_long`)."""

    def __init__(
        self, rows: QuerySet, known_ids: list[int] | None = None, *, too_long: bool = False
    ) -> None:
        self.rows = rows
        self.known_ids = known_ids
        self.too_long = too_long

    @cached_property
    def ids(self) -> list[int] | None:
        if self.too_long:
            return None
        if self.known_ids is not None and len(self.known_ids) <= FACET_LIMIT:
            return self.known_ids
        return _narrow_ids(self.rows)


def _counts(rows: QuerySet, key: str) -> dict:
    return {row[key]: row["n"] for row in rows if row[key] is not None}


def _event_counts(events: FacetScope, key: str) -> dict | None:
    """For each value of `key`, how many of `events` a published article with it covers."""
    ids = events.ids
    if ids is None:
        return None
    rows = (
        Article.objects.published()
        .filter(AmongKeys("event", ids))
        .order_by()
        .values(key)
        .annotate(n=Count("event", distinct=True))
    )
    return _counts(rows, key)


def _article_counts(articles: FacetScope, key: str) -> dict | None:
    ids = articles.ids
    if ids is None:
        return None
    rows = (
        Article.objects.filter(AmongKeys("pk", ids)).order_by().values(key).annotate(n=Count("pk"))
    )
    return _counts(rows, key)


def event_language_counts(events: FacetScope) -> dict[str, int] | None:
    """How many of `events` each language covers: ticking it would leave that many."""
    return _event_counts(events, "language_id")


def event_outlet_counts(events: FacetScope) -> dict[int, int] | None:
    """How many of `events` each outlet covers, by the outlet's key."""
    return _event_counts(events, "outlet_id")


def article_language_counts(articles: FacetScope) -> dict[str, int] | None:
    return _article_counts(articles, "language_id")


def article_outlet_counts(articles: FacetScope) -> dict[int, int] | None:
    return _article_counts(articles, "outlet_id")
