"""Dates stated in news text, as grouping reads them for the day of a happening.

Reads "18 Februari", "February 18, 2025", "den 20 februari", "18/2", "ngày 18 tháng 2 năm 2025"
and ISO dates from folded text, and "on Tuesday" / "pada hari Selasa" / "i tisdags" relative to a
known publication date. A stated day and month without a year stays without a year: the year is
filled in only from the text itself or from the publication date, never guessed.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from articles.languages import CAPITALISED_WEEKDAYS, MONTHS, WEEKDAYS, alternation
from articles.languages.folding import fold

from .date_forms import BEFORE_MONTH_WORD, DAY_SUFFIX, WEEKDAY_ENDING, numbered_dates, slash_date

# Folded, as the text is read: no diacritics, lower case.
_MONTHS = {fold(word): month for word, month in MONTHS.items()}
_MONTH = alternation(_MONTHS)
_DAY = rf"(?P<day>[0-3]?\d){DAY_SUFFIX}"
_YEAR_DIGITS = r"(?P<year>(?:19|20)\d\d)"
_YEAR = rf"(?:,?\s+{_YEAR_DIGITS}\b)?"
_MONTH_NUMBER = r"(?P<nmonth>1[0-2]|0?[1-9])"
# A range such as "17-21 September" is read as its first day.
_RANGE = r"(?:(?P<rday>[0-3]?\d)\s*[-\u2013]\s*)?"
_PATTERNS = [
    re.compile(r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
    re.compile(rf"\b{_RANGE}{_DAY}\.?\s+{BEFORE_MONTH_WORD}(?P<month>{_MONTH})\b\.?{_YEAR}"),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY}\b{_YEAR}"),
    *(
        re.compile(rf"\b{form}")
        for form in numbered_dates(
            rf"{_RANGE}(?P<day>[0-3]?\d)", rf"{_MONTH_NUMBER}\b", rf"{_YEAR_DIGITS}\b", folded=True
        )
    ),
    # Read in every language: grouping is not told the text's language.
    re.compile(slash_date(r"(?P<day>[0-3]?\d)", _MONTH_NUMBER, _YEAR_DIGITS)),
]
# Monday is 0, as `date.weekday()` counts. The Vietnamese weekdays that are also ordinals
# ("thứ ba", third) are left out: folded text cannot show the capital that tells them apart.
_WEEKDAYS = {
    fold(word): number - 1 for word, number in WEEKDAYS.items() if word not in CAPITALISED_WEEKDAYS
}
_WEEKDAY = re.compile(rf"\b(?P<word>{alternation(_WEEKDAYS)}){WEEKDAY_ENDING}\b")
_YEAR_ALONE = re.compile(r"(?<![\d/.,-])((?:19|20)\d\d)(?![\d/]|[.,]\d)")


@dataclass(frozen=True, order=True)
class StatedDate:
    """A day and month stated in a text, with the year when the text or its date gives one."""

    month: int
    day: int
    year: int | None = None

    def on(self) -> date | None:
        if self.year is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def key(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


def stated_dates(text: str) -> list[StatedDate]:
    """Every valid date written in `text`, in the order it appears."""
    folded = fold(text)
    found: list[tuple[int, StatedDate]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            stated = _from_match(match)
            if stated is not None:
                found.append((match.start(), stated))
    found.sort(key=lambda pair: pair[0])
    return [stated for _, stated in found]


def _from_match(match: re.Match) -> StatedDate | None:
    groups = match.groupdict()
    year: int | None
    if groups.get("iy"):
        day, month, year = int(groups["id"]), int(groups["im"]), int(groups["iy"])
    else:
        day = int(groups.get("rday") or groups["day"])
        month = _MONTHS[groups["month"]] if groups.get("month") else int(groups["nmonth"])
        year = int(groups["year"]) if groups.get("year") else None
    try:
        date(year or 2024, month, day)  # 2024 is a leap year: 29 February stays valid.
    except ValueError:
        return None
    return StatedDate(month, day, year)


def years_stated(text: str) -> set[int]:
    return {int(y) for y in _YEAR_ALONE.findall(text)}


def with_year(stated: StatedDate, *, published_on: date | None, years: set[int]) -> StatedDate:
    """Give `stated` a year from the publication date (the latest such day not long after it)
    or, failing that, from the only year the text mentions; otherwise leave it without one."""
    if stated.year is not None:
        return stated
    if published_on is not None:
        for year in (published_on.year, published_on.year - 1):
            candidate = StatedDate(stated.month, stated.day, year).on()
            # A report may announce a happening a few weeks ahead, rarely more.
            if candidate and candidate <= published_on + timedelta(days=45):
                return StatedDate(stated.month, stated.day, year)
    if len(years) == 1:
        return StatedDate(stated.month, stated.day, next(iter(years)))
    return stated


def weekday_date(text: str, published_on: date | None) -> StatedDate | None:
    """'On Tuesday' in a piece published on a Wednesday: the Tuesday before publication."""
    if published_on is None:
        return None
    match = _WEEKDAY.search(fold(text))
    if match is None:
        return None
    weekday = _WEEKDAYS[match.group("word")]
    happened = published_on - timedelta(days=(published_on.weekday() - weekday) % 7)
    return StatedDate(happened.month, happened.day, happened.year)


def days_apart(a: StatedDate, b: StatedDate) -> int:
    """Days between two stated dates; without both years, compared within one year."""
    on_a, on_b = a.on(), b.on()
    if on_a is not None and on_b is not None:
        return abs((on_a - on_b).days)
    first, second = date(2024, a.month, a.day), date(2024, b.month, b.day)
    gap = abs((first - second).days)
    return min(gap, 366 - gap)
