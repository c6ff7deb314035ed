"""Computing a comparison: every mention of a name, number or date in every version, grouped
by normalised key."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from articles.facts.extract import extract_facts
from articles.models import Article, NameEntry
from articles.names.matching import NameMatcher, current_matcher

from .labels import KIND_LABELS
from .shape import Comparison, Fact, Occurrence

KIND_ORDER = list(KIND_LABELS)


@dataclass
class _Mention:
    article_id: int
    kind: str
    key: str
    label: str
    occurrence: Occurrence
    year: int | None = None
    slug: str = ""


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
        key = f"name:{entry.pk}"
        mentions.append(_Mention(article_id, entry.kind, key, entry.name, where, slug=entry.slug))
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
            m.year = next(iter(known))
            m.label = f"{m.label} {m.year}"
        elif len(known) > 1 and m.year is not None:
            m.key, m.label = f"{m.key}/{m.year}", f"{m.label} {m.year}"


def _group(mentions: list[_Mention]) -> list[Fact]:
    grouped: dict[str, tuple[_Mention, dict[int, list[Occurrence]]]] = {}
    for m in mentions:
        _, occurrences = grouped.setdefault(m.key, (m, {}))
        occurrences.setdefault(m.article_id, []).append(m.occurrence)
    facts = [
        Fact(first.kind, key, first.label, occ, first.year, first.slug)
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
    return Comparison([a.pk for a in articles], _group(mentions))
