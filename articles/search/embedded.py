"""Matching and ranking on SQLite (the embedded default), over the folded `search_text`
column: a phrase matches as a folded substring, and ranks are counted in Python the way
`ts_rank` weighs them on PostgreSQL (a title match above body matches), so the same search
tests pass on both databases. The archive is small there; each query still caps its rows.
"""

from functools import reduce
from operator import or_

from django.db.models import Case, FloatField, Q, QuerySet, Value, When

from articles.languages.folding import fold
from articles.models import Event
from articles.querysets import ArticleQuerySet, EventQuerySet

from .parsing import WORD
from .register import Clause

TITLE_WEIGHT = 1.0  # ts_rank's default weight for 'A', the title's
BODY_WEIGHT = 0.4  # and for 'B', the body's


def _matches(clauses: list[Clause]) -> Q:
    condition = Q()
    for clause in clauses:
        condition &= reduce(or_, (Q(search_text__contains=alt) for alt in clause.alternatives))
    return condition


def rank(clauses: list[Clause], title: str, text: str) -> float:
    """Each clause's best spelling counted in the folded title and in the rest of `text`."""
    title = fold(title)
    score = 0.0
    for clause in clauses:
        score += max(
            TITLE_WEIGHT * title.count(alt) + BODY_WEIGHT * (text.count(alt) - title.count(alt))
            for alt in clause.alternatives
        )
    return score


def in_rank_order(queryset: QuerySet, ranks: dict[int, float]) -> QuerySet:
    """`queryset` narrowed to `ranks`' keys, annotated with their `search_rank` (a CASE with
    a branch per distinct rank: the caller rounds them, so there are tens, not hundreds)."""
    by_rank: dict[float, list[int]] = {}
    for pk, rank in ranks.items():
        by_rank.setdefault(rank, []).append(pk)
    ranking = Case(
        *[When(pk__in=pks, then=Value(r)) for r, pks in by_rank.items()], output_field=FloatField()
    )
    return queryset.filter(pk__in=list(ranks)).annotate(search_rank=ranking)


class Matcher:
    """Ranks the newest `cap` matches of a queryset."""

    def __init__(self, clauses: list[Clause], alias: str) -> None:
        self.clauses = clauses

    def articles(self, articles: ArticleQuerySet, cap: int) -> list[tuple[int, int | None, float]]:
        """(pk, event pk, rank) of the newest `cap` of `articles` matching, newest first."""
        rows = (
            articles.filter(_matches(self.clauses))
            .newest_first()
            .values_list("pk", "event_id", "title", "search_text")[:cap]
        )
        return [(pk, event, rank(self.clauses, title, text)) for pk, event, title, text in rows]

    def events(self, events: EventQuerySet, cap: int) -> list[tuple[int, float]]:
        """(pk, rank) of the newest `cap` of `events` whose own text matches, newest first."""
        rows = (
            events.filter(_matches(self.clauses))
            .newest_first()
            .values_list("pk", "title", "search_text")[:cap]
        )
        return [(pk, rank(self.clauses, title, text)) for pk, title, text in rows]


def vocabulary(alias: str) -> set[str]:
    """The words of event titles and places (the vocabulary PostgreSQL keeps in a table)."""
    texts = Event.objects.using(alias).values_list("title", "place")
    return {word for row in texts for word in WORD.findall(fold(" ".join(row))) if len(word) > 2}
