"""Language-neutral anchors of a paragraph: the numbers, names and word stems it carries.

Translations rarely share words, but they share figures ("42 miliar USD" = "US$42 billion"),
names (folded: "Trần Cương" = "Tran Cuong", or mapped through the register's spellings:
"Chen Gang" = "Tran Cuong") and, between related languages, word stems ("digital", "ASEAN").
"""

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from articles.languages.folding import fold, match_key
from articles.languages.names import RunRule, name_runs, without_genitive
from articles.languages.numbers import (
    SCALE,
    WRITTEN_NUMBER,
    number_key,
    parse_number,
    scale_of,
)
from articles.languages.spellings import Spellings

# A written number, and the percent sign or scale word after it ("42 miliar", "3 nghìn tỷ").
_NUMBER = re.compile(
    rf"(?<![\w.,])(?P<number>{WRITTEN_NUMBER})"
    rf"(?:\s*(?:(?P<percent>%)|(?P<scale>{SCALE})(?![^\W\d_])))?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_STEM = 5
_MIN_WORD = 4


@dataclass(frozen=True)
class Anchors:
    numbers: Counter
    names: Counter
    stems: Counter

    def __add__(self, other: "Anchors") -> "Anchors":
        return Anchors(
            self.numbers + other.numbers, self.names + other.names, self.stems + other.stems
        )


def number_keys(text: str) -> list[str]:
    """Numbers as canonical strings, read without knowing the language.

    "16,4%" and "16.4%" give "16.4%"; "42 miliar" and "42 billion" give "42000000000".
    """
    keys = []
    for match in _NUMBER.finditer(text):
        value = parse_number(match["number"], None)
        if match["scale"]:
            value *= scale_of(match["scale"])
        keys.append(number_key(value) + ("%" if match["percent"] else ""))
    return keys


# Titles stay in a run: what one side writes around a name the other side writes too.
_RUNS = RunRule(keeps_titles=True, hyphenated=True)


def _name_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words ("Phạm Minh Chính", "Lang Son-Hanoi"), folded."""
    return [[without_genitive(match_key(w)) for w in run] for run in name_runs(text, _RUNS)]


def _name_tokens(text: str, matcher: "SpellingMatcher") -> list[str]:
    """Name features: a register key for each known spelling ("=chen-gang" for "Tran Cuong"),
    and for the other capitalised words each word and the run written as one word, so
    "Hà Nội" gives "ha", "noi" and "hanoi" and meets "Hanoi"."""
    names: list[str] = []
    for run in _name_runs(text):
        keys, rest = matcher.split(run)
        names += [f"={key}" for key in keys]
        names += rest
        if len(rest) > 1:
            names.append("".join(rest))
    return names


class SpellingMatcher(Spellings):
    """The register's spellings as alignment reads them: word by word, genitives stripped,
    as the runs are ("Lang Son-Hanoi" = "lang son hanoi")."""

    def __init__(self, spellings: Mapping[str, str]) -> None:
        super().__init__(spellings, word=without_genitive)


def anchors_of(text: str, matcher: SpellingMatcher) -> Anchors:
    stems = Counter(w[:_STEM] for w in _WORD.findall(fold(text)) if len(w) >= _MIN_WORD)
    names = Counter(_name_tokens(text, matcher))
    return Anchors(Counter(number_keys(text)), names, stems)
