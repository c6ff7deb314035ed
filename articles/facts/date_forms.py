"""The forms of a written date that both date readers build on: the panel's (`dates`, on the
text as written) and grouping's (`stated`, on folded text). The words come from the language
profiles; each reader puts its own groups (what it captures, how strictly) into the forms."""

from articles.languages import (
    BEFORE_MONTH,
    DAY_SUFFIXES,
    NUMBERED_MONTHS,
    WEEKDAY_ENDINGS,
    alternation,
)
from articles.languages.folding import fold


def _optional(words: frozenset[str]) -> str:
    return f"(?:{alternation(words)})?" if words else ""


# After a day's digits: "18th", "18:e".
DAY_SUFFIX = _optional(DAY_SUFFIXES)
# Between a day and its month: "the 18th of February".
BEFORE_MONTH_WORD = rf"(?:(?:{alternation(BEFORE_MONTH)})\s+)?" if BEFORE_MONTH else ""
# After a weekday: "tisdagen", "i tisdags".
WEEKDAY_ENDING = _optional(WEEKDAY_ENDINGS)


def numbered_dates(day: str, month: str, year: str, *, folded: bool) -> list[str]:
    """ "ngày 18 tháng 2 năm 2025" (the day word optional), one form per language that numbers
    its months, around the reader's `day`, `month` and `year` groups."""
    forms = []
    for words in NUMBERED_MONTHS:
        d, m, y = (fold(w) if folded else w for w in (words.day, words.month, words.year))
        forms.append(rf"(?:{d}\s+)?{day}\s+{m}\s+{month}(?:\s+{y}\s+{year})?")
    return forms


def numbered_months_of_year(month: str, year: str) -> list[str]:
    """ "tháng 11/2025", "tháng 11 năm 2025": a month of a year without a day."""
    return [rf"{w.month}\s+{month}(?:/|\s+{w.year}\s+){year}" for w in NUMBERED_MONTHS]


def slash_date(day: str, month: str, year: str) -> str:
    """ "16/5", "18/2/2025", day first, as Indonesian, Swedish and Vietnamese write it; never
    part of a longer number or path ("1/2/3", "16/5.5")."""
    return rf"(?<![\w/.,]){day}/{month}(?:/{year})?(?![\w/]|[.,]\d)"
