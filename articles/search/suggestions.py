"""Misspellings: when a query finds nothing, the closest spelling in the name register or
word in the archive's vocabulary (the words of event titles and places), by trigram
similarity as pg_trgm measures it, so both databases correct alike.

A run of words is compared whole with the register's spellings of as many words first:
"quang nihn" is 0.57 like "quang ninh" while "nihn" alone is only 0.25 like "ninh".
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from articles.models import NameVariant

from .parsing import Phrase, Query

SPAN_SIMILARITY = 0.5  # a run of words and a register spelling
WORD_SIMILARITY = 0.4  # one word and a word of the vocabulary
_LONGEST_SPAN = 3
# Words looked up in the vocabulary per query at most, and runs compared with the register:
# a 500-character query of nonsense must not cost hundreds of trigram searches.
_MOST_LOOKUPS = 8
_ALNUM = re.compile(r"[^\W_]+")


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: each word lower-cased and padded with two spaces before, one after."""
    grams: set[str] = set()
    for word in _ALNUM.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def similarity(a: str, b: str) -> float:
    """pg_trgm's `similarity`: shared trigrams over all trigrams of either."""
    ours, theirs = trigrams(a), trigrams(b)
    return len(ours & theirs) / len(ours | theirs) if ours | theirs else 0.0


# A known word most like a word, with their similarity (the word itself and 1.0 if known).
Closest = tuple[str, float]


@dataclass(frozen=True)
class Vocabulary:
    """What a query is corrected against: the register's (spelling, folded) pairs, and for
    some words at once (one query on PostgreSQL) the known word most like each of them."""

    spellings: list[tuple[str, str]]
    closest: Callable[[list[str]], dict[str, Closest]]


def register_spellings() -> list[tuple[str, str]]:
    return list(NameVariant.objects.order_by("pk").values_list("spelling", "folded"))


def correct(query: Query, vocabulary: Vocabulary) -> str | None:
    """`query` with its unknown words replaced by the closest known spelling, as it can be
    typed again ('"quang nihn" tour' -> '"Quảng Ninh" tour'); None when nothing changed."""
    spelled = {folded: spelling for spelling, folded in vocabulary.spellings}
    in_register = {word for folded in spelled for word in folded.split()}
    words = dict.fromkeys(word for phrase in query.phrases for word in phrase.words)
    # Only the first few unknown words are looked up: the rest stay as typed.
    closest = vocabulary.closest([w for w in words if w not in in_register][:_MOST_LOOKUPS])
    known = (words.keys() & in_register) | {w for w, (best, _) in closest.items() if best == w}
    fixer = _Fixer(spelled, known, closest)
    pieces = [fixer.phrase(run) for run in query.runs()]
    return " ".join(pieces) if fixer.changed else None


class _Fixer:
    def __init__(
        self, spelled: dict[str, str], known: set[str], closest: dict[str, Closest]
    ) -> None:
        self.spelled, self.known, self.closest = spelled, known, closest
        self.changed = False
        self.lookups = 0

    def phrase(self, run: Phrase) -> str:
        if run.quoted:
            whole = self.span(run.words) if len(run.words) > 1 else None
            return f'"{whole or " ".join(self.word(w) for w in run.words)}"'
        pieces: list[str] = []
        start = 0
        while start < len(run.words):
            for length in range(min(_LONGEST_SPAN, len(run.words) - start), 1, -1):
                if fixed := self.span(run.words[start : start + length]):
                    pieces.append(fixed)
                    start += length
                    break
            else:
                pieces.append(self.word(run.words[start]))
                start += 1
        return " ".join(pieces)

    def span(self, words: tuple[str, ...]) -> str | None:
        """The register spelling of as many words most like `words`, if one is close enough
        and `words` are not already a spelling or all known words."""
        text = " ".join(words)
        if text in self.spelled or self.known.issuperset(words) or not self._may_look_up():
            return None
        candidates = [f for f in self.spelled if f.count(" ") == len(words) - 1]
        best = max(candidates, key=lambda f: (similarity(text, f), f), default=None)
        if best is None or similarity(text, best) < SPAN_SIMILARITY:
            return None
        self.changed = True
        return self.spelled[best]

    def word(self, word: str) -> str:
        found = self.closest.get(word)
        if word in self.known or found is None or found[1] < WORD_SIMILARITY:
            return word
        self.changed = True
        return found[0]

    def _may_look_up(self) -> bool:
        self.lookups += 1
        return self.lookups <= _MOST_LOOKUPS
