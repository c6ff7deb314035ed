"""Finding register names in text: one trie-shaped regular expression per register version.

A plain alternation of thousands of spellings makes the regex engine try every branch at
every position; folding the spellings into a character trie first means each position costs
only as much as the longest spelling sharing its prefix. The pattern is built once per
register version (checked with one aggregate query) and kept in the process.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max

from .folding import fold_with_offsets, match_key
from .models import NameEntry, NameVariant

# Languages that write a genitive by appending "s" to a name: "Quang Ninhs provinsiella ...".
GENITIVE_S_LANGUAGES = frozenset({"sv"})
_END = r"(?!\w)"
_GENITIVE_END = r"s?(?!\w)"


@dataclass(frozen=True)
class NameMatch:
    entry_id: int
    spelling: str  # as written in the text
    start: int
    end: int


@dataclass(frozen=True)
class Spelling:
    folded: str
    entry_id: int
    language: str | None = None
    # A capitalised spelling is a proper noun: "hữu nghị" (friendship) is not "Hữu Nghị".
    capitalised: bool = False


def _trie(keys: Iterable[str]) -> dict:
    root: dict = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _pattern(node: dict, end: str) -> str:
    # Children before the terminal, so at any start the longest spelling is tried first.
    branches = [re.escape(ch) + _pattern(child, end) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        branches.append(end)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class NameMatcher:
    def __init__(self, spellings: Iterable[Spelling]) -> None:
        self._owners: dict[str, list[Spelling]] = {}
        for spelling in spellings:
            if spelling.folded:
                self._owners.setdefault(spelling.folded, []).append(spelling)
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _compiled(self, end: str) -> re.Pattern[str] | None:
        if end not in self._patterns:
            body = _pattern(_trie(self._owners), end) if self._owners else None
            self._patterns[end] = re.compile(r"(?<!\w)" + body) if body else None
        return self._patterns[end]

    def _owner(self, folded: str, language: str | None, written: str) -> int | None:
        candidates = self._owners.get(folded)
        if candidates is None and folded.endswith("s"):
            candidates = self._owners.get(folded[:-1])
        if not written[:1].isupper():
            candidates = [c for c in candidates or [] if not c.capitalised]
        if not candidates:
            return None
        # A spelling shared by two entries goes to the one that claims the text's language.
        preferred = [c for c in candidates if c.language == language] or candidates
        return min(c.entry_id for c in preferred)

    def find(self, text: str, language: str | None = None) -> list[NameMatch]:
        genitive = (language or "").split("-")[0] in GENITIVE_S_LANGUAGES
        pattern = self._compiled(_GENITIVE_END if genitive else _END)
        if pattern is None:
            return []
        folded, offsets = fold_with_offsets(text)
        matches = []
        for found in pattern.finditer(folded):
            start, end = offsets[found.start()], offsets[found.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            entry_id = self._owner(found.group(0), language, text[start:end])
            if entry_id is None:
                continue
            matches.append(NameMatch(entry_id, text[start:end], start, end))
        return matches


def register_version() -> tuple:
    """Changes whenever an entry or spelling is added, edited or deleted (one query)."""
    stats = NameEntry.objects.aggregate(
        entry_count=Count("pk", distinct=True), entry_at=Max("updated_at"),
        variant_count=Count("variants"), variant_at=Max("variants__updated_at"),
    )  # fmt: skip
    return tuple(sorted(stats.items()))


def build_matcher() -> NameMatcher:
    """A matcher over every spelling, the canonical names included."""
    variants = NameVariant.objects.values_list("spelling", "folded", "entry_id", "language_id")
    spellings = [
        Spelling(folded, entry_id, language, spelling[:1].isupper())
        for spelling, folded, entry_id, language in variants.iterator()
    ]
    names = NameEntry.objects.values_list("name", "pk").iterator()
    spellings += [Spelling(match_key(name), pk, None, name[:1].isupper()) for name, pk in names]
    return NameMatcher(spellings)


_cached: tuple[tuple, NameMatcher] | None = None


def current_matcher() -> NameMatcher:
    global _cached
    version = register_version()
    if _cached is None or _cached[0] != version:
        _cached = (version, build_matcher())
    return _cached[1]


def find_names(
    text: str, language: str | None = None, *, matcher: NameMatcher | None = None
) -> list[NameMatch]:
    """Register names in `text`, in reading order; where spellings overlap the longest wins."""
    return (matcher or current_matcher()).find(text, language)
