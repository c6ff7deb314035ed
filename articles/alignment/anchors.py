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
# A number: digits with optional thousands groups ("1,200", "1.200", "1 200") or a decimal part.
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:([.,\u00a0\u202f])\d{3})(?:\2\d{3})*|\d+)(?:[.,](\d+))?(?!\d)"
    r"(?:\s*(%|[^\W\d_]+))?"
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_JOINER = re.compile(r"[\s\-\u2010-\u2014]*")
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


def _name_tokens(text: str) -> list[str]:
    """Runs of capitalised words, folded, each word and the run written as one word.

    "Hà Nội" gives "ha", "noi" and "hanoi", so it meets "Hanoi"; a trailing genitive "s"
    (Swedish "Quang Ninhs") is dropped from words long enough to carry one.
    """
    names: list[str] = []
    run: list[str] = []
    end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if run and (not word[0].isupper() or not _JOINER.fullmatch(text[end : match.start()])):
            names.extend(_flush(run))
            run = []
        if word[0].isupper():
            run.append(_strip_genitive(fold(word)))
        end = match.end()
    names.extend(_flush(run))
    return names


def _flush(run: list[str]) -> list[str]:
    return [*run, "".join(run)] if len(run) > 1 else run


def _strip_genitive(word: str) -> str:
    word = re.sub(r"['\u2019]s$", "", word)
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


class VariantMatcher:
    """Finds the name-register spellings in folded text with one regular expression."""

    def __init__(self, variants: Mapping[str, str]) -> None:
        self.keys = {fold(spelling): key for spelling, key in variants.items() if fold(spelling)}
        spellings = sorted(self.keys, key=len, reverse=True)
        alternation = "|".join(re.escape(s) for s in spellings)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if spellings else None

    def keys_in(self, folded: str) -> list[str]:
        if self.pattern is None:
            return []
        return [f"={self.keys[m.group()]}" for m in self.pattern.finditer(folded)]


def anchors_of(text: str, matcher: VariantMatcher) -> Anchors:
    folded = fold(text)
    names = Counter(_name_tokens(text))
    names.update(matcher.keys_in(folded))
    stems = Counter(w[:_STEM] for w in _WORD.findall(folded) if len(w) >= _MIN_WORD)
    return Anchors(Counter(number_keys(text)), names, stems)
