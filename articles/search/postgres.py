"""Matching and ranking on PostgreSQL, over the stored `search_vector` columns (migration
0013 adds them and keeps them filled; they are not model fields, so SQLite never sees them).

Scale: a common word matches about a tenth of a million-article archive, and a bitmap scan
of every match followed by a sort took about a second. So no query here ranks every match:
each takes the newest `cap` matches, looking in a few windows of recent dates before the
rest of the archive, and ranks only those with `ts_rank`. The search indexes hold each
row's date beside its words (btree_gin, migration 0017), so a window's matches come from
the index alone, whatever the planner believes about how common the words are.
"""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.db import connections
from django.db.models import (
    BooleanField,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Max,
    Q,
    QuerySet,
)
from django.db.models.expressions import RawSQL
from django.db.models.sql.compiler import SQLCompiler

from ..keys import AmongKeys
from ..querysets import ArticleQuerySet, EventQuerySet
from .register import Clause


class _OnRow(Expression):
    """SQL over the row's own `search_vector` or key (`{vector}`, `{pk}` in the template),
    whatever alias its table has in the query (the row's primary key column gives it, and
    Django relabels that in subqueries)."""

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
        pk = f"{table}.{connection.ops.quote_name(self.pk.target.column)}"
        return self.template.format(vector=f"{table}.search_vector", pk=pk), self.params


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

    def matches(self) -> _OnRow:
        return _OnRow("{vector} @@ %s::tsquery", [self.tsquery], BooleanField())

    def rank(self) -> _OnRow:
        return _OnRow("ts_rank({vector}, %s::tsquery)", [self.tsquery], FloatField())


# Querysets that know their newest-first order (the date indexes' order).
Newest = ArticleQuerySet | EventQuerySet

# Date windows a search looks in before the whole archive, in days back from the newest row.
# Widening about threefold: at 100,000 articles over eleven years a name's newest 200 were
# not all within 240 days, and the rest of the archive (2,454 matches of "Vũ Đại Thắng",
# each read from the table to check the phrase) was 42 of the search's 52 ms; the windows
# of two and six years cut the page's p95 from 274 to 129 ms (results/search-100k.md).
WINDOWS = (30, 90, 240, 730, 2190)


# The vocabulary holds no word this short (migration 0013's articles_event_search_words).
_SHORTEST_KNOWN = 3


class Matcher:
    """Ranks the newest `cap` matches of a queryset (see the module docstring)."""

    def __init__(self, clauses: list[Clause], alias: str) -> None:
        self.query = TextQuery(clauses, alias)
        # The typed words the vocabulary could hold; a register name's spellings are known.
        self.words = sorted(
            {
                word
                for clause in clauses
                if len(clause.alternatives) == 1
                for word in clause.alternatives[0].split()
                if len(word) >= _SHORTEST_KNOWN
            }
        )

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
        """The newest `cap` matches, ranked, in one statement that looks in widening windows
        of recent dates first.

        A name in a few percent of a million articles matches tens of thousands of rows;
        fetching and sorting them all took 0.5 s. In the last 30 days the same name has a few
        hundred, which the index gives with their dates. So the candidates are the windows'
        matches newest first, one UNION ALL branch per window (disjoint date ranges, newest
        range first, the last one the rest of the archive, undated rows included) under one
        LIMIT: PostgreSQL runs an Append's branches in order and stops at the LIMIT, so a
        window holding `cap` matches spares the wider ones, and the statement count stays the
        same however many windows were needed.

        The windows start from the newest date of `every` (the whole table), not of
        `queryset`: any start gives the same results, and the table's is one step down an
        index, where the newest of a filtered list (an event list's articles) can mean a
        full scan. The bounds reach the planner as constants, for its estimates."""
        if not self.query.tsquery:
            return []
        matching = queryset.filter(self.query.matches())
        latest = every.aggregate(latest=Max(date))["latest"]
        keys = [b.newest_first().values("pk")[:cap] for b in _windows(matching, latest, date)]
        ranked = every.filter(_first_keys(keys, cap, matching.db))
        if self.words:
            ranked = ranked.filter(self._may_match(matching))
        return list(
            ranked.annotate(rank=self.query.rank()).newest_first().values_list(*fields, "rank")
        )

    def _may_match(self, matching: QuerySet) -> Q:
        """False only when a typed word is not in the vocabulary and nothing matches at all.

        A query that matches nothing still reads every window's dates from the index (GIN
        takes the date condition on its own): 20 ms at a million articles, most of what a
        misspelt search cost before it was corrected. A word missing from the vocabulary
        (event titles and places) is what a misspelling looks like, and for such a query
        one probe of the words alone, which a rare or unknown word makes cheap, answers
        first. Both are one-time conditions of the statement: PostgreSQL runs the probe
        only when the vocabulary lacks a word, and the windows only when the probe found
        something."""
        known = RawSQL(
            "(SELECT count(*) FROM articles_search_word WHERE word = ANY(%s)) = %s",
            [self.words, len(self.words)],
            output_field=BooleanField(),
        )
        return Q(known) | Q(Exists(matching))


def _windows(matching: Newest, latest: Any, date: str) -> list[Newest]:
    """`matching` split by `date` into WINDOWS back from `latest`, newest first, and the rest
    of the archive (undated rows included) last.

    Each window's newer end is written as "`date >= end` is not true": a filter on the rows
    the index found, not a second condition for it. The search indexes hold the date beside
    the words (migration 0017), and a GIN index takes each condition on its own: `date < end`
    would have it gather every row older than `end`, nearly the whole table, before
    intersecting. So each window reads the index entries of its own dates and newer, and
    the rest of the archive only the words'."""
    bounds = [latest - timedelta(days=days) for days in WINDOWS] if latest else []
    branches, newer = [], None
    for bound in [*bounds, None]:
        window = matching.filter(**{f"{date}__gte": bound}) if bound else matching
        branches.append(window.filter(_not_since(date, newer)) if newer else window)
        newer = bound
    return branches


def _not_since(date: str, moment: Any) -> Func:
    # IS NOT TRUE, not NOT: PostgreSQL turns NOT (date >= x) back into date < x.
    since = ExpressionWrapper(Q(**{f"{date}__gte": moment}), output_field=BooleanField())
    return Func(since, template="(%(expressions)s) IS NOT TRUE", output_field=BooleanField())


def _first_keys(branches: list[QuerySet], cap: int, alias: str) -> _OnRow:
    """The row's key is among the first `cap` keys of `branches`, taken in order. Written out
    rather than with QuerySet.union: each branch's own ORDER BY ... LIMIT must stay inside it.

    The keys are collected into an ARRAY, which PostgreSQL computes once (an InitPlan) and
    then looks up in the primary key. As `pk IN (subquery)`, a planner without statistics
    (a fresh table) ran the whole UNION again for every row of the table: minutes for 900
    articles in tests/test_query_counts.py."""
    parts, params = [], []
    for branch in branches:
        sql, branch_params = branch.query.get_compiler(using=alias).as_sql()
        parts.append(f"({sql})")
        params += branch_params
    # Django's compiled SQL, its parameters kept apart; braces doubled for _OnRow's format.
    union = " UNION ALL ".join(parts).replace("{", "{{").replace("}", "}}")
    keys = f"SELECT * FROM ({union}) AS windows LIMIT {int(cap)}"  # noqa: S608
    return _OnRow(f"{{pk}} = ANY(ARRAY({keys}))", params, BooleanField())


def in_rank_order(queryset: QuerySet, ranks: dict[int, float]) -> QuerySet:
    """`queryset` narrowed to `ranks`' keys, annotated with their `search_rank`. The keys and
    ranks go as two arrays, not as an IN list and a CASE of one parameter per key: a page
    runs this queryset four times (count, facets, page), and 400 parameters a time were
    a tenth of a search page's time in building and quoting statements."""
    pks = list(ranks)
    return queryset.filter(AmongKeys("pk", pks)).annotate(
        search_rank=_OnRow(
            "(%s::float8[])[array_position(%s::bigint[], {pk})]",
            [[ranks[pk] for pk in pks], pks],
            FloatField(),
        )
    )


def closest_words(words: list[str], alias: str) -> dict[str, tuple[str, float]]:
    """For each of `words`, the word of the vocabulary (event titles and places) most like
    it by trigram similarity, with the similarity (the word itself first when the vocabulary
    holds it); the trigram index finds candidates above 0.3. One query for all of them."""
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT typed, best.word, best.s FROM unnest(%s::text[]) AS typed "
            "CROSS JOIN LATERAL (SELECT word, similarity(word, typed) AS s "
            "FROM articles_search_word WHERE word %% typed "
            "ORDER BY word = typed DESC, s DESC, word LIMIT 1) AS best",
            [words],
        )
        return {typed: (word, s) for typed, word, s in cursor.fetchall()}
