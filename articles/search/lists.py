"""Search as the public lists run it: parse, widen names, match with the database's backend,
correct a query that finds nothing, and mark the passages each result matched."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.db import connections
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.safestring import SafeString

from articles.models import Article

from . import embedded, postgres
from .highlighting import excerpt
from .parsing import QueryProblem, parse
from .register import Clause, expand
from .suggestions import Closest, Vocabulary, correct, register_spellings, similarity

# Matches ranked per search (see `postgres` for why not all of them): a list shows the best of
# the newest CAP (ten pages), and says so when there were more. At 20,000 articles a common
# word's events search took 256 ms (p50, loaded machine) with 500, 63 ms with 200.
CAP = 200


@dataclass
class Found:
    ranks: dict[int, float]  # result pk -> rank
    capped: bool = False
    best_article: dict[int, int] = field(default_factory=dict)  # event pk -> article pk


@dataclass
class Outcome:
    """What a search did, for the page: its results, or the problem that stopped it."""

    typed: str
    results: QuerySet
    problem: str | None = None
    ignored: str = ""  # characters typed but not searched
    corrected: str | None = None  # what was searched instead of `typed`
    capped: bool = False
    phrases: list[str] = field(default_factory=list)  # every folded spelling searched for
    best_article: dict[int, int] = field(default_factory=dict)
    most: int = CAP  # results it can hold at most
    # Sets `search_excerpt` on a page of results (_mark_articles or _mark_events).
    marker: Callable[["Outcome", list[Any]], None] = lambda outcome, results: None

    @property
    def cap(self) -> int:
        return CAP

    def mark(self, results: Iterable[Any]) -> None:
        """Give each result shown its matching passage as `search_excerpt` (one query)."""
        if results := list(results):
            self.marker(self, results)


def _mark_articles(outcome: Outcome, articles: list[Any]) -> None:
    """The bodies came with the page's rows (search_articles undefers them); a list that
    deferred them anyway costs one query."""
    deferred = [a.pk for a in articles if "body" in a.get_deferred_fields()]
    bodies = _bodies(deferred) if deferred else {}
    for article in articles:
        if article.pk in bodies:
            article.body = bodies[article.pk]  # not one query per article
        article.search_excerpt = excerpt(article.body, outcome.phrases)


def _mark_events(outcome: Outcome, events: list[Any]) -> None:
    """An event's passage is its best matching article's, or its summary's."""
    best = outcome.best_article
    bodies = _bodies([best[event.pk] for event in events if event.pk in best])
    for event in events:
        body = bodies.get(best.get(event.pk, 0))
        event.search_excerpt = _excerpt_of(body, outcome.phrases) or (
            _excerpt_of(event.summary, outcome.phrases)
        )


def _with_bodies(articles: QuerySet) -> QuerySet:
    """`articles` with their bodies, which a list defers: the page's passages are cut from
    them, and fetched with the page's rows they cost no query of their own."""
    fields, deferring = articles.query.deferred_loading
    if not deferring or "body" not in fields:
        return articles
    return articles.defer(None).defer(*(fields - {"body"}))


def _bodies(pks: list[int]) -> dict[int, str]:
    return dict(Article.objects.filter(pk__in=pks).values_list("pk", "body"))


def _excerpt_of(text: str | None, phrases: list[str]) -> SafeString | None:
    return excerpt(text, phrases) if text else None


def search_articles(articles: QuerySet, typed: str, *, as_typed: bool = False) -> Outcome:
    """Published `articles` matching `typed`, best first (ties newest first)."""

    def find(clauses: list[Clause]) -> Found:
        rows = _backend(articles.db).Matcher(clauses, articles.db).articles(articles, CAP)
        return Found({pk: rank for pk, _, rank in rows}, capped=len(rows) == CAP)

    outcome = _search(articles, typed, as_typed, find, _mark_articles)
    outcome.results = _with_bodies(outcome.results)
    return outcome


def search_events(events: QuerySet, typed: str, *, as_typed: bool = False) -> Outcome:
    """`events` whose own title, summary or place, or one of whose published articles,
    matches `typed`; ranked by their best match."""

    # Articles of the events `events` holds (filters included), so the cap applies within them.
    in_events = (
        Article.objects.using(events.db)
        .published()
        .filter(Exists(events.filter(pk=OuterRef("event_id"))))
    )

    def find(clauses: list[Clause]) -> Found:
        matcher = _backend(events.db).Matcher(clauses, events.db)
        own, articles = matcher.events(events, CAP), matcher.articles(in_events, CAP)
        found = Found(dict(own), capped=CAP in (len(own), len(articles)))
        best_rank: dict[int, float] = {}
        for article, event, rank in articles:  # newest first: a tie keeps the newest
            if rank > best_rank.get(event, -1.0):
                best_rank[event] = rank
                found.best_article[event] = article
            found.ranks[event] = max(rank, found.ranks.get(event, rank))
        return found

    outcome = _search(events, typed, as_typed, find, _mark_events)
    outcome.most = 2 * CAP  # the events' own matches and their articles'
    return outcome


def _search(
    queryset: QuerySet,
    typed: str,
    as_typed: bool,
    find: Callable[[list[Clause]], Found],
    marker: Callable[[Outcome, list[Any]], None],
) -> Outcome:
    try:
        query = parse(typed)
    except QueryProblem as problem:
        return Outcome(typed, queryset.none(), problem=str(problem))
    clauses = expand(query)
    found = find(clauses)
    corrected = None
    if not found.ranks and not as_typed and (fixed := correct(query, _vocabulary(queryset.db))):
        fixed_clauses = expand(parse(fixed))
        if (refound := find(fixed_clauses)).ranks:
            found, clauses, corrected = refound, fixed_clauses, fixed
    return Outcome(
        typed,
        _in_rank_order(queryset, found.ranks),
        ignored=query.ignored,
        corrected=corrected,
        capped=found.capped,
        phrases=[alt for clause in clauses for alt in clause.alternatives],
        best_article=found.best_article,
        marker=marker,
    )


def _in_rank_order(queryset: QuerySet, ranks: dict[int, float]) -> QuerySet:
    """`queryset` narrowed to `ranks`' keys, highest rank first, then in its usual order."""
    if not ranks:
        return queryset.none()
    # Ranks to three decimals: a tie is ordered as the list usually is.
    rounded = {pk: round(rank, 3) for pk, rank in ranks.items()}
    results = (
        _backend(queryset.db)
        .in_rank_order(queryset, rounded)
        .order_by("-search_rank", *(queryset.query.order_by or queryset.model._meta.ordering))
    )
    # One row per key already. A DISTINCT (the language filter's) would make PostgreSQL refuse
    # to order by the rank once the paginator selects the keys alone.
    results.query.distinct = False
    return results


def _backend(alias: str) -> ModuleType:
    return postgres if connections[alias].vendor == "postgresql" else embedded


def _vocabulary(alias: str) -> Vocabulary:
    spellings = register_spellings()
    register_words = {word for _, folded in spellings for word in folded.split()}
    if _backend(alias) is postgres:

        def closest(words: list[str]) -> dict[str, Closest]:
            found = postgres.closest_words(words, alias) if words else {}
            return {w: _best(w, register_words, found.get(w)) for w in words}

        return Vocabulary(spellings, closest)
    known = embedded.vocabulary(alias)
    return Vocabulary(spellings, lambda words: {w: _best(w, known | register_words) for w in words})


def _best(word: str, words: set[str], found: Closest | None = None) -> Closest:
    """`word` itself if `words` hold it, else the most similar of `words` to it (or `found`,
    if it is more similar)."""
    if word in words or (found and found[0] == word):
        return word, 1.0
    candidates = [(w, similarity(word, w)) for w in words]
    if found:
        candidates.append(found)
    return max(candidates, key=lambda pair: (pair[1], pair[0]), default=("", 0.0))
