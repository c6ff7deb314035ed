"""What each version of an event states: names, numbers and dates, keyed so that equal facts
compare equal across languages, with which versions carry each fact and which miss it.

Computing a comparison reads every paragraph of every version, so it is never done per page
view: `refresh_comparison` runs from the write paths and stores the result in Django's cache
under a fingerprint of the versions' body hashes, languages and the name register's version.
A changed body or register gives a new fingerprint, so a stale comparison is never served and
nothing needs invalidating; `comparison_for` recomputes only when the entry is missing.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from django.core.cache import cache

from .facts.extract import extract_facts
from .models import Article, Event, NameEntry
from .names.matching import NameMatcher, current_matcher, register_version
from .text import sha256_hex

# Bump when extraction changes so cached comparisons made by older code are not reused.
EXTRACTION_VERSION = 1
CACHE_TIMEOUT = None  # entries never expire; the fingerprint changes instead
KIND_ORDER = [
    "person", "place", "organisation", "date", "weekday", "amount", "percent", "ordinal",
    "count", "year", "number",
]  # fmt: skip


@dataclass(frozen=True)
class Occurrence:
    paragraph: int
    start: int
    end: int
    text: str


@dataclass
class Fact:
    kind: str
    key: str
    label: str
    occurrences: dict[int, list[Occurrence]]  # article id -> where the fact stands in it
    carried_by: list[int] = field(default_factory=list)
    missing_from: list[int] = field(default_factory=list)

    @property
    def shared(self) -> bool:
        return not self.missing_from


@dataclass
class Comparison:
    article_ids: list[int]
    facts: list[Fact]
    fingerprint: str = ""

    def fact(self, key: str) -> Fact | None:
        return next((f for f in self.facts if f.key == key), None)

    def facts_in(self, article_id: int) -> list[Fact]:
        """What one version mentions, for its column of the panel."""
        return [f for f in self.facts if article_id in f.occurrences]

    def only_in(self, article_id: int) -> list[Fact]:
        return [f for f in self.facts if f.carried_by == [article_id]]

    def partial(self) -> list[Fact]:
        """Facts that some versions carry and others miss."""
        return [f for f in self.facts if f.missing_from]

    def restricted_to(self, article_ids: Sequence[int]) -> "Comparison":
        """The comparison seen from a subset of the versions (the reader's chosen columns)."""
        keep = [pk for pk in self.article_ids if pk in set(article_ids)]
        facts = []
        for fact in self.facts:
            occurrences = {pk: fact.occurrences[pk] for pk in keep if pk in fact.occurrences}
            if occurrences:
                facts.append(_with_carriers(fact.kind, fact.key, fact.label, occurrences, keep))
        return Comparison(keep, facts, self.fingerprint)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "Comparison":
        raw = json.loads(data)
        facts = [
            Fact(
                f["kind"], f["key"], f["label"],
                {int(pk): [Occurrence(**o) for o in occ] for pk, occ in f["occurrences"].items()},
                f["carried_by"], f["missing_from"],
            )
            for f in raw["facts"]
        ]  # fmt: skip
        return cls(raw["article_ids"], facts, raw["fingerprint"])


@dataclass
class _Mention:
    article_id: int
    kind: str
    key: str
    label: str
    occurrence: Occurrence
    year: int | None = None


def _with_carriers(
    kind: str, key: str, label: str, occurrences: dict[int, list[Occurrence]],
    article_ids: Sequence[int],
) -> Fact:  # fmt: skip
    carried = [pk for pk in article_ids if pk in occurrences]
    missing = [pk for pk in article_ids if pk not in occurrences]
    return Fact(kind, key, label, occurrences, carried, missing)


def _name_mentions(articles: Sequence[Article], matcher: NameMatcher) -> list[_Mention]:
    found = [
        (article.pk, index, match)
        for article in articles
        for index, paragraph in enumerate(article.paragraphs)
        for match in matcher.find(paragraph, article.language_id)
    ]
    entries = NameEntry.objects.in_bulk({match.entry_id for _, _, match in found})
    mentions = []
    for article_id, index, match in found:
        entry = entries[match.entry_id]
        where = Occurrence(index, match.start, match.end, match.spelling)
        mentions.append(_Mention(article_id, entry.kind, f"name:{entry.pk}", entry.name, where))
    return mentions


def _fact_mentions(article: Article) -> Iterable[_Mention]:
    for index, paragraph in enumerate(article.paragraphs):
        for found in extract_facts(paragraph, article.language_id):
            where = Occurrence(index, found.start, found.end, paragraph[found.start : found.end])
            yield _Mention(article.pk, found.kind, found.key, found.label, where, found.year)


def _settle_years(mentions: list[_Mention]) -> None:
    """A date without a year matches the same day of any year; a date given with two different
    years is two facts, and the yearless mentions then stay apart."""
    years: dict[str, set[int]] = {}
    for m in mentions:
        if m.kind == "date" and m.year is not None:
            years.setdefault(m.key, set()).add(m.year)
    for m in mentions:
        known = years.get(m.key, set()) if m.kind == "date" else set()
        if len(known) == 1:
            m.label = f"{m.label} {next(iter(known))}"
        elif len(known) > 1 and m.year is not None:
            m.key, m.label = f"{m.key}/{m.year}", f"{m.label} {m.year}"


def _group(mentions: list[_Mention], article_ids: list[int]) -> list[Fact]:
    grouped: dict[str, tuple[_Mention, dict[int, list[Occurrence]]]] = {}
    for m in mentions:
        _, occurrences = grouped.setdefault(m.key, (m, {}))
        occurrences.setdefault(m.article_id, []).append(m.occurrence)
    facts = [
        _with_carriers(first.kind, key, first.label, occ, article_ids)
        for key, (first, occ) in grouped.items()
    ]
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(facts, key=lambda f: order.get(f.kind, len(order)))


def compare_versions(
    articles: Sequence[Article], *, matcher: NameMatcher | None = None
) -> Comparison:
    """Compare the versions of one story; facts come in kind order, then first appearance."""
    mentions = _name_mentions(articles, matcher or current_matcher())
    mentions += [m for article in articles for m in _fact_mentions(article)]
    _settle_years(mentions)
    article_ids = [a.pk for a in articles]
    return Comparison(article_ids, _group(mentions, article_ids), fingerprint(articles))


def fingerprint(articles: Sequence[Article]) -> str:
    """Changes when any version's body or language, the set of versions, or the register does."""
    parts = [(a.pk, a.language_id, a.body_sha256) for a in articles]
    return sha256_hex(repr((EXTRACTION_VERSION, parts, register_version())))


def _cache_key(digest: str) -> str:
    return f"comparison:{digest}"


def refresh_comparison(articles: Sequence[Article]) -> Comparison:
    """Compute and store the comparison; call from write paths after the articles change."""
    comparison = compare_versions(articles)
    cache.set(_cache_key(comparison.fingerprint), comparison.to_json(), CACHE_TIMEOUT)
    return comparison


def comparison_for(articles: Sequence[Article]) -> Comparison:
    """The stored comparison of these versions, computed only if none is stored yet."""
    stored = cache.get(_cache_key(fingerprint(articles)))
    return Comparison.from_json(stored) if stored else refresh_comparison(articles)


def event_versions(event: Event) -> list[Article]:
    """The versions an event page compares: its published articles in reading order."""
    return list(
        Article.objects.published()
        .filter(event=event)
        .in_reading_order()
        .only("pk", "language", "body", "body_sha256")
    )


def refresh_event_comparison(event: Event) -> Comparison:
    """Write paths call this after an article of `event` is added, changed or moved."""
    return refresh_comparison(event_versions(event))
