"""Matching and ranking on PostgreSQL, over the stored `search_vector` columns (migration
0013 adds them and keeps them filled; they are not model fields, so SQLite never sees them).

Scale: a common word matches about a tenth of a million-article archive, and a bitmap scan
of every match followed by a sort took about a second. So no query here ranks every match:
each takes the newest `cap` matches by walking the date index (the LIMIT stops the walk early
for a common word; for a rare one the planner uses the GIN index and sorts the few matches),
and ranks only those with `ts_rank`. The planner picks between the two plans from how
common the words are, so the tsquery reaches it as one constant (see TextQuery).
"""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.db import connections
from django.db.models import BooleanField, Expression, F, FloatField, Max
from django.db.models.sql.compiler import SQLCompiler

from ..querysets import ArticleQuerySet, EventQuerySet
from .register import Clause


class _OnVector(Expression):
    """SQL over the row's own `search_vector`, whatever alias its table has in the query
    (the row's primary key column gives it, and Django relabels that in subqueries)."""

    def __init__(self, template: str, params: list[Any], output_field: Any) -> None:
        super().__init__(output_field=output_field)
        self.pk: Any = F("pk")
        self.template = template
        self.params = params

    def get_source_expressions(self) -> list[Any]:
        return [self.pk]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.pk,) = exprs

    def as_sql(self, compiler: SQLCompiler, connection: Any) -> tuple[str, list[Any]]:
        table = compiler.quote_name_unless_alias(self.pk.alias)
        return self.template.format(vector=f"{table}.search_vector"), self.params


class TextQuery:
    """The clauses as one tsquery: for each configuration a language uses, every clause
    (any of its spellings, each a phrase) AND-ed; the configurations OR-ed, so an article
    matches under its own language's stemming and stop words.

    PostgreSQL builds each configuration's branch (one query); the distinct branches then go
    back as one constant tsquery, so the planner reads how common its words are from the
    column's statistics (a tsquery computed in a subquery would hide them, and the same
    branch repeated for four configurations would make a word look four times as common)."""

    def __init__(self, clauses: list[Clause], alias: str) -> None:
        clause_sql = [
            "(" + " || ".join(["phraseto_tsquery(config, %s)"] * len(c.alternatives)) + ")"
            for c in clauses
        ]
        with connections[alias].cursor() as cursor:
            cursor.execute(
                f"SELECT DISTINCT ({' && '.join(clause_sql)})::text FROM ("  # noqa: S608
                "SELECT articles_search_config(search_config) AS config FROM articles_language "
                "UNION SELECT 'unaccented_simple'::regconfig) AS configs",
                [alt for clause in clauses for alt in clause.alternatives],
            )
            branches = sorted(row[0] for row in cursor.fetchall() if row[0])
        # Empty when every configuration drops every word (stop words): nothing matches.
        self.tsquery = " | ".join(f"( {branch} )" for branch in branches)

    def matches(self) -> _OnVector:
        return _OnVector("{vector} @@ %s::tsquery", [self.tsquery], BooleanField())

    def rank(self) -> _OnVector:
        return _OnVector("ts_rank({vector}, %s::tsquery)", [self.tsquery], FloatField())


# Querysets that know their newest-first order (the date indexes' order).
Newest = ArticleQuerySet | EventQuerySet

# Date windows a search looks in before the whole archive, in days back from the newest row.
WINDOWS = (30, 240, 1920)


class Matcher:
    """Ranks the newest `cap` matches of a queryset (see the module docstring)."""

    def __init__(self, clauses: list[Clause], alias: str) -> None:
        self.query = TextQuery(clauses, alias)

    def articles(self, articles: ArticleQuerySet, cap: int) -> list[tuple[int, int | None, float]]:
        """(pk, event pk, rank) of the newest `cap` of `articles` matching, newest first."""
        every = articles.model._default_manager.using(articles.db).published()
        return self._newest_ranked(articles, every, "published_on", ["pk", "event_id"], cap)

    def events(self, events: EventQuerySet, cap: int) -> list[tuple[int, float]]:
        """(pk, rank) of the newest `cap` of `events` whose own text matches, newest first."""
        every = events.model._default_manager.using(events.db).all()
        return self._newest_ranked(events, every, "date", ["pk"], cap)

    def _newest_ranked(
        self, queryset: Newest, every: Newest, date: str, fields: list[str], cap: int
    ) -> list[Any]:
        """The newest `cap` matches, looked for in widening windows of recent dates first.

        A name in a few percent of a million articles matches tens of thousands of rows; the
        planner, underestimating a phrase's matches, fetched and sorted them all (0.5 s). In
        the last 30 days the same name has a few hundred, found by combining the GIN index
        with the date index. A window that holds `cap` matches holds the newest `cap` of all
        (every row outside it is older); otherwise the next, wider one is tried, and last
        the whole archive (undated rows included), where what is left to find is rare.

        The windows start from the newest date of `every` (the whole table), not of
        `queryset`: any start gives the same results, and the table's is one step down an
        index, where the newest of a filtered list (an event list's articles) can mean a
        full scan."""
        if not self.query.tsquery:
            return []
        matching = queryset.filter(self.query.matches())
        latest = every.aggregate(latest=Max(date))["latest"]
        for days in WINDOWS if latest else ():
            window = matching.filter(**{f"{date}__gte": latest - timedelta(days=days)})
            if len(rows := self._ranked(every, window, fields, cap)) == cap:
                return rows
        return self._ranked(every, matching, fields, cap)

    def _ranked(self, every: Newest, matching: Newest, fields: list[str], cap: int) -> list[Any]:
        keys = matching.newest_first().values("pk")[:cap]
        return list(
            every.filter(pk__in=keys)
            .annotate(rank=self.query.rank())
            .newest_first()
            .values_list(*fields, "rank")
        )


def closest_word(word: str, alias: str) -> tuple[str, float] | None:
    """The word of the vocabulary (event titles and places) most like `word`, by trigram
    similarity, with the similarity; the trigram index finds candidates above 0.3."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT word, similarity(word, %s) AS s FROM articles_search_word "
            "WHERE word %% %s ORDER BY s DESC, word LIMIT 1",
            [word, word],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def known_words(words: set[str], alias: str) -> set[str]:
    """Which of `words` the vocabulary holds."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT word FROM articles_search_word WHERE word = ANY(%s)", [sorted(words)]
        )
        return {row[0] for row in cursor.fetchall()}
