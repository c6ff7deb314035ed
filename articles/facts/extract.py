"""All facts of a paragraph, the more specific reading of a span winning over the vaguer one."""

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace

from articles.languages import base_language

from . import dates, quantities
from .fact import Found

Extractor = Callable[[str, str], Iterator[Found]]

# Order matters: "17-21 September 2025" is a date, not the numbers 17, 21 and 2025; "42 miliar
# USD" is an amount, not the number 42.
EXTRACTORS: list[Extractor] = [
    dates.day_dates,
    dates.month_years,
    dates.weekdays,
    quantities.amounts,
    quantities.percents,
    quantities.ordinals,
    quantities.counts,
    quantities.years,
    quantities.plain_numbers,
]


def _composed(text: str) -> tuple[str, list[int]]:
    """`text` in NFC, with where each composed character starts in `text` (plus the end)."""
    out: list[str] = []
    starts: list[int] = []
    group_start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        composed = unicodedata.normalize("NFC", text[group_start:index])
        out.append(composed)
        starts.extend([group_start] * len(composed))
        group_start = index
    return "".join(out), [*starts, len(text)]


def extract_facts(text: str, language: str | None) -> list[Found]:
    """Dates, weekdays and numbers in `text`, in reading order, no two overlapping."""
    if unicodedata.is_normalized("NFC", text):
        return _extract(text, base_language(language))
    # Vietnamese sites sometimes send decomposed text ("tha\u0301ng"); the word lists are
    # composed, so match on the composed text and map the spans back.
    composed, starts = _composed(text)
    found = _extract(composed, base_language(language))
    return [replace(f, start=starts[f.start], end=starts[f.end]) for f in found]


def _extract(text: str, lang: str) -> list[Found]:
    taken: list[Found] = []
    for extractor in EXTRACTORS:
        for found in extractor(text, lang):
            if not any(found.start < t.end and t.start < found.end for t in taken):
                taken.append(found)
    return sorted(taken, key=lambda f: f.start)
