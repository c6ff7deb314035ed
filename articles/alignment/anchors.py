"""Language-neutral anchors of a paragraph: the numbers, names and word stems it carries.

Translations rarely share words, but they share figures ("42 miliar USD" = "US$42 billion"),
names (folded: "Trần Cương" = "Tran Cuong", or mapped through the variant table:
"Chen Gang" = "Tran Cuong") and, between related languages, word stems ("digital", "ASEAN").
"""

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from articles.text import fold

# Scale words in the four archive languages (and their usual plurals) -> multiplier.
_SCALES = {
    "thousand": 1e3, "ribu": 1e3, "tusen": 1e3, "nghin": 1e3, "ngan": 1e3,
    "million": 1e6, "millions": 1e6, "juta": 1e6, "miljon": 1e6, "miljoner": 1e6, "trieu": 1e6,
    "billion": 1e9, "billions": 1e9, "miliar": 1e9, "milyar": 1e9, "miljard": 1e9,
    "miljarder": 1e9, "ty": 1e9, "bn": 1e9,
    "trillion": 1e12, "triliun": 1e12, "biljon": 1e12, "biljoner": 1e12,
}  # fmt: skip
# A number: digits with optional thousands groups ("1,200", "1.200", "1\u00a0200") or decimals.
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:([.,\u00a0\u202f])\d{3})(?:\2\d{3})*|\d+)(?:[.,](\d+))?(?!\d)"
    r"(?:\s*(%|[^\W\d_]+))?"
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_JOINER = re.compile(r"[\s\-\u2010-\u2014]*")
_HYPHENS = {"-", "\u2010", "\u2011"}
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
    """Numbers as canonical strings.

    "16,4%" and "16.4%" give "16.4%"; "42 miliar" and "42 billion" give "4.2e+10".
    """
    keys = []
    for match in _NUMBER.finditer(text):
        whole, sep, decimals, unit = match.groups()
        digits = whole.replace(sep, "") if sep else whole
        value = float(f"{digits}.{decimals}" if decimals else digits)
        suffix = ""
        unit_key = fold(unit or "")
        if unit == "%":
            suffix = "%"
        elif unit_key in _SCALES:
            value *= _SCALES[unit_key]
        keys.append(f"{value:g}{suffix}")
    return keys


def _name_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words ("Phạm Minh Chính", "Lang Son-Hanoi"), folded.

    A lower-case word hyphenated to a run stays in it: Vietnamese writes transliterated
    names that way ("Ây-đa Lớp-lây")."""
    runs: list[list[str]] = []
    run: list[str] = []
    end = 0
    for match in _WORD.finditer(text):
        word, gap = match.group(), text[end : match.start()]
        joined = bool(run) and _JOINER.fullmatch(gap) is not None
        if word[0].isupper() or (joined and gap in _HYPHENS):
            if run and not joined:
                runs.append(run)
                run = []
            run.append(_strip_genitive(fold(word)))
        elif run:
            runs.append(run)
            run = []
        end = match.end()
    if run:
        runs.append(run)
    return runs


def _name_tokens(text: str, matcher: "VariantMatcher") -> list[str]:
    """Name features: a register key for each known spelling ("=chen-gang" for "Tran Cuong"),
    and for the other capitalised words each word and the run written as one word, so
    "Hà Nội" gives "ha", "noi" and "hanoi" and meets "Hanoi"."""
    names: list[str] = []
    for run in _name_runs(text):
        keys, rest = matcher.split(run)
        names += keys
        names += rest
        if len(rest) > 1:
            names.append("".join(rest))
    return names


def _strip_genitive(word: str) -> str:
    word = re.sub(r"['\u2019]s$", "", word)
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


class VariantMatcher:
    """Finds the name-register spellings in runs of folded words with one regular expression."""

    def __init__(self, variants: Mapping[str, str]) -> None:
        # Spellings are compared word by word, as the runs are: "Lang Son-Hanoi" = "lang son hanoi".
        self.keys = {
            _words(spelling): key for spelling, key in variants.items() if _words(spelling)
        }
        spellings = sorted(self.keys, key=len, reverse=True)
        alternation = "|".join(re.escape(s) for s in spellings)
        self.pattern = re.compile(rf"(?<!\S)(?:{alternation})(?!\S)") if spellings else None

    def split(self, run: list[str]) -> tuple[list[str], list[str]]:
        """The register keys found in the run, and the words no spelling covered."""
        if self.pattern is None:
            return [], run
        text = " ".join(run)
        keys, covered = [], set()
        for match in self.pattern.finditer(text):
            keys.append(f"={self.keys[match.group()]}")
            first = text[: match.start()].count(" ")
            covered.update(range(first, first + match.group().count(" ") + 1))
        return keys, [word for n, word in enumerate(run) if n not in covered]


def _words(spelling: str) -> str:
    return " ".join(_strip_genitive(w) for w in _WORD.findall(fold(spelling)))


def anchors_of(text: str, matcher: VariantMatcher) -> Anchors:
    stems = Counter(w[:_STEM] for w in _WORD.findall(fold(text)) if len(w) >= _MIN_WORD)
    names = Counter(_name_tokens(text, matcher))
    return Anchors(Counter(number_keys(text)), names, stems)
