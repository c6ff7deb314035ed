"""All facts of a paragraph, the more specific reading of a span winning over the vaguer one."""

from collections.abc import Callable, Iterator

from . import dates, numbers
from .found import Found

Extractor = Callable[[str, str], Iterator[Found]]

# Order matters: "17-21 September 2025" is a date, not the numbers 17, 21 and 2025; "42 miliar
# USD" is an amount, not the number 42.
EXTRACTORS: list[Extractor] = [
    dates.day_dates,
    dates.month_years,
    dates.weekdays,
    numbers.amounts,
    numbers.percents,
    numbers.ordinals,
    numbers.counts,
    numbers.years,
    numbers.plain_numbers,
]


def base_language(code: str | None) -> str:
    return (code or "").split("-")[0].lower()


def extract_facts(text: str, language: str | None) -> list[Found]:
    """Dates, weekdays and numbers in `text`, in reading order, no two overlapping."""
    lang = base_language(language)
    taken: list[Found] = []
    for extractor in EXTRACTORS:
        for found in extractor(text, lang):
            if not any(found.start < t.end and t.start < found.end for t in taken):
                taken.append(found)
    return sorted(taken, key=lambda f: f.start)
