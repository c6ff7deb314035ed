"""Quantities in news text: amounts of money, percentages, ordinals, counts, years, plain
numbers (the reading of a written number itself is `articles.languages.numbers`)."""

import re
from collections.abc import Iterator
from decimal import Decimal

from articles.languages import (
    CURRENCIES,
    CURRENCY_PREFIXES,
    LANGUAGES,
    NAMED_SCALES,
    NUMBER_WORDS,
    ORDINAL_PATTERNS,
    PERCENT_WORDS,
    UNITS,
    alternation,
    ordinal,
)
from articles.languages.numbers import (
    SCALE,
    WRITTEN_NUMBER,
    number_key,
    parse_number,
    scale_of,
)

from .fact import Found

_FLAGS = re.IGNORECASE
_NUM = rf"(?<![\w.,])(?:{WRITTEN_NUMBER})"
_SCALE = f"(?:{SCALE})"
_SUFFIX_CURRENCY = alternation(c for c in CURRENCIES if c not in ("$", "€"))
_AMOUNT_PREFIXED = re.compile(
    rf"(?<!\w)(?P<cur>{alternation(CURRENCY_PREFIXES)})\s?(?P<num>{WRITTEN_NUMBER})"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?",
    _FLAGS,
)
_AMOUNT_SUFFIXED = re.compile(
    rf"(?P<num>{_NUM})\s?(?:(?P<scale>{_SCALE})\s)?(?P<cur>{_SUFFIX_CURRENCY})(?!\w)", _FLAGS
)
_PERCENT = re.compile(rf"(?P<num>{_NUM})\s?(?:{alternation(PERCENT_WORDS)})(?!\w)", _FLAGS)
# Each language's way of writing an ordinal ("22nd", "ke-22", "22:a", "lần thứ 8").
_ORDINALS = [
    re.compile(r"(?<!\w)" + pattern.replace("{n}", r"(?P<num>\d+)") + r"(?!\w)", _FLAGS)
    for pattern in ORDINAL_PATTERNS
]
_COUNT_NUMBER = re.compile(rf"{_NUM}|(?<!\w)(?:{alternation(NUMBER_WORDS)})(?!\w)", _FLAGS)
_WORDS = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[.;:,!?()]")
_YEAR = re.compile(r"(?<![\w.,/-])(?:1[89]\d{2}|20\d{2})(?![\w/]|[.,]\d)")
_PLAIN = re.compile(_NUM)
# How many words may stand between a count and its noun ("three consecutive years",
# "two key standard-gauge railway projects").
COUNT_WINDOW = 4


def _english_nouns() -> dict[str, tuple[str, ...]]:
    # A stored label is English (`comparison.labels` translates it for the page): a unit's
    # English nouns as the profile lists them, the singular first ("country countries").
    nouns: dict[str, tuple[str, ...]] = {}
    for noun, unit in LANGUAGES["en"].units.items():
        nouns[unit] = (*nouns.get(unit, ()), noun)
    return nouns


_ENGLISH_NOUNS = _english_nouns()


def _scale_label(value: Decimal) -> str:
    for size, word in NAMED_SCALES:
        if value >= size:
            return f"{number_key(value / size)} {word}"
    return f"{value:,.0f}" if value == value.to_integral() else number_key(value)


def amounts(text: str, language: str) -> Iterator[Found]:
    for pattern in (_AMOUNT_PREFIXED, _AMOUNT_SUFFIXED):
        for m in pattern.finditer(text):
            value = parse_number(m["num"], language)
            if m["scale"]:
                value *= scale_of(m["scale"])
            currency = CURRENCIES[m["cur"].lower()]
            label = f"{currency} {_scale_label(value)}"
            yield Found("amount", f"amount:{currency}:{number_key(value)}", label, *m.span())


def percents(text: str, language: str) -> Iterator[Found]:
    for m in _PERCENT.finditer(text):
        value = number_key(parse_number(m["num"], language))
        yield Found("percent", f"percent:{value}", f"{value}%", *m.span())


def ordinals(text: str, language: str) -> Iterator[Found]:
    for pattern in _ORDINALS:
        for m in pattern.finditer(text):
            n = int(m["num"])
            yield Found("ordinal", f"ordinal:{n}", ordinal(n, "en"), *m.span())


def _unit_after(text: str, end: int, window: int) -> tuple[str, int] | None:
    """The unit noun within `window` words after `end`, before the clause ends."""
    clause = text[end:]
    stop = _CLAUSE_END.search(clause)
    words = list(_WORDS.finditer(clause[: stop.start()] if stop else clause))[: window + 1]
    for i, word in enumerate(words[:window]):
        if word[0].isdigit() or (i and word[0].lower() in NUMBER_WORDS):
            return None  # another number starts: "Năm 2025 cũng là năm" counts no years
        pair = f"{word[0]} {words[i + 1][0]}".lower() if i + 1 < len(words) else ""
        for candidate, last in ((pair, i + 1), (word[0].lower(), i)):
            if candidate in UNITS:
                return UNITS[candidate], end + words[last].end()
    return None


def counts(text: str, language: str) -> Iterator[Found]:
    for m in _COUNT_NUMBER.finditer(text):
        word = m[0].lower()
        # Digits need their noun right after them, or "Năm 2025 cũng là năm" counts years.
        unit = _unit_after(text, m.end(), COUNT_WINDOW if word in NUMBER_WORDS else 1)
        if unit is None:
            continue
        value = NUMBER_WORDS[word] if word in NUMBER_WORDS else parse_number(m[0], language)
        n = number_key(Decimal(value))
        nouns = _ENGLISH_NOUNS.get(unit[0], (unit[0],))
        label = f"{n} {nouns[0] if n == '1' else nouns[-1]}"
        yield Found("count", f"count:{n}:{unit[0]}", label, m.start(), unit[1])


def years(text: str, language: str) -> Iterator[Found]:
    for m in _YEAR.finditer(text):
        yield Found("year", f"year:{m[0]}", m[0], *m.span())


def plain_numbers(text: str, language: str) -> Iterator[Found]:
    for m in _PLAIN.finditer(text):
        value = number_key(parse_number(m[0], language))
        yield Found("number", f"number:{value}", value, *m.span())
