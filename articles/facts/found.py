import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """One fact as it stands in a paragraph: `start`/`end` index the paragraph's text."""

    kind: str
    key: str
    label: str
    start: int
    end: int
    # Dates: the year when the text gives one; a date without it matches any year.
    year: int | None = None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so "nghìn tỷ" wins over "nghìn"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
