"""Finding register names in text with a trie of spellings, built once per register version.

Spellings are split into tokens (runs of letters or digits, and single punctuation marks) and
stored in a token trie, so finding names costs one dictionary lookup per token of text plus
the length of the spellings that actually start there, however large the register grows; whole
tokens also give word boundaries for free ("Ninh" alone is not "Quang Ninh"). The trie is kept
in the process and rebuilt when `register_version()` (one aggregate query) changes.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max

from articles.languages import genitive_s
from articles.languages.folding import fold_with_offsets, match_key
from articles.models import NameEntry, NameVariant

# One-word spellings this short ("AS", "UN", "EU", "Mỹ", "Úc") are everyday words once case
# or diacritics are let go ("As the talks began", "My colleagues", "us"), so they match only
# exactly as written.
EXACT_MAX_LENGTH = 3
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")


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
    # Which words of the spelling are capitalised. Text must capitalise them too: "hữu nghị"
    # (friendship) is not "Hữu Nghị", nor is "Hữu Nghị quan trọng" "Hữu Nghị Quan".
    capitals: tuple[bool, ...] = ()
    exact: str | None = None  # a short spelling, which text must write exactly so


def make_spelling(written: str, folded: str, entry_id: int, language: str | None) -> Spelling:
    short = len(folded) <= EXACT_MAX_LENGTH and _WORD.fullmatch(folded) is not None
    exact = unicodedata.normalize("NFC", written) if short else None
    return Spelling(folded, entry_id, language, capitals(written), exact)


def capitals(written: str) -> tuple[bool, ...]:
    # Composed first: in decomposed text a combining mark would split "Chính" in two words.
    words = _WORD.findall(unicodedata.normalize("NFC", written))
    return tuple(word[0].isupper() for word in words)


def _cased_like(spelling: Spelling, written: tuple[bool, ...]) -> bool:
    return all(w or not s for s, w in zip(spelling.capitals, written, strict=False))


class _Node:
    __slots__ = ("children", "spellings")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.spellings: list[Spelling] = []


class NameMatcher:
    def __init__(self, spellings: Iterable[Spelling]) -> None:
        self._root = _Node()
        for spelling in spellings:
            node = self._root
            for token in _TOKEN.findall(spelling.folded):
                node = node.children.get(token) or node.children.setdefault(token, _Node())
            if node is not self._root:
                node.spellings.append(spelling)

    def _candidates(
        self, tokens: list[re.Match[str]], first: int, genitive: bool
    ) -> list[tuple[int, list[Spelling]]]:
        """(end token, spellings) of every spelling that starts at token `first`, shortest first."""
        node, found = self._root, []
        for index in range(first, len(tokens)):
            token = tokens[index][0]
            if genitive and len(token) > 1 and token.endswith("s"):
                base = node.children.get(token[:-1])
                if base is not None and base.spellings:
                    found.append((index + 1, base.spellings))
            child = node.children.get(token)
            if child is None:
                break
            node = child
            if node.spellings:
                found.append((index + 1, node.spellings))
        return found

    @staticmethod
    def _owner(candidates: list[Spelling], language: str | None, written: str) -> int | None:
        written_capitals, as_written = capitals(written), unicodedata.normalize("NFC", written)
        candidates = [
            c
            for c in candidates
            if _cased_like(c, written_capitals) and c.exact in (None, as_written)
        ]
        # A spelling shared by two entries goes to the one that claims the text's language.
        preferred = [c for c in candidates if c.language == language] or candidates
        return min((c.entry_id for c in preferred), default=None)

    def find(self, text: str, language: str | None = None) -> list[NameMatch]:
        genitive = genitive_s(language)
        folded, offsets = fold_with_offsets(text)
        tokens = list(_TOKEN.finditer(folded))
        starts = self._root.children
        matches, index = [], 0
        while index < len(tokens):
            if tokens[index][0] not in starts and not genitive:
                index += 1  # the common case: no spelling starts with this word
                continue
            match, index = self._longest_at(text, offsets, tokens, index, language, genitive)
            if match:
                matches.append(match)
        return matches

    def _longest_at(
        self, text: str, offsets: list[int], tokens: list[re.Match[str]], first: int,
        language: str | None, genitive: bool,
    ) -> tuple[NameMatch | None, int]:  # fmt: skip
        start = offsets[tokens[first].start()]
        for last, spellings in reversed(self._candidates(tokens, first, genitive)):
            end = offsets[tokens[last - 1].end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            entry_id = self._owner(spellings, language, text[start:end])
            if entry_id is not None:
                return NameMatch(entry_id, text[start:end], start, end), last
        return None, first + 1


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
    spellings = [make_spelling(*variant) for variant in variants.iterator()]
    names = NameEntry.objects.values_list("name", "pk").iterator()
    spellings += [make_spelling(name, match_key(name), pk, None) for name, pk in names]
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
