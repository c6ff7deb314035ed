"""Dates and weekdays in news text, as the facts panel reads them, with the words from
`articles.languages`.

Two readings share the tables and the forms of a written date (`date_forms`). The facts
panel's (`day_dates`, `month_years`, `weekdays`) keeps each span, keyed by month and day so
"17-21 September 2025" and "September 17-21" compare equal, the year kept beside the key when
the text gives it. Grouping's (`stated_dates`, `weekday_date`, in `stated.py`) reads folded
text, for the day of a happening.
"""

import re
from collections.abc import Iterator, Mapping
from datetime import date

from articles.languages import (
    CAPITALISED_WEEKDAYS,
    LANGUAGES,
    MONTHS,
    WEEKDAYS,
    alternation,
    day_first_slash,
)

from .date_forms import (
    BEFORE_MONTH_WORD,
    DAY_SUFFIX,
    numbered_dates,
    numbered_months_of_year,
    slash_date,
)
from .fact import Found

_FLAGS = re.IGNORECASE
_MONTH = f"(?P<month>{alternation(MONTHS)})"
_DASH = r"\s?[-\u2010-\u2015]\s?"
_DAYS = rf"(?P<day>\d{{1,2}})(?:{_DASH}(?P<until>\d{{1,2}}))?"
_YEAR = r"(?P<year>\d{4})"
_NUMBER = r"(?P<month>\d{1,2})"
_WRITTEN = [
    rf"(?<![\w.,/]){_DAYS}{DAY_SUFFIX}\.?\s{BEFORE_MONTH_WORD}{_MONTH}\.?(?:,?\s{_YEAR})?(?!\w)",
    rf"(?<!\w){_MONTH}\.?\s{_DAYS}{DAY_SUFFIX}(?:,?\s{_YEAR})?(?![\w/])",
    *(rf"(?<!\w){form}(?!\w)" for form in numbered_dates(_DAYS, _NUMBER, _YEAR, folded=False)),
]
_DAY_DATES = [re.compile(pattern, _FLAGS) for pattern in _WRITTEN]
_SLASH = re.compile(slash_date(_DAYS, _NUMBER, _YEAR))
_MONTH_YEARS = [
    re.compile(rf"(?<!\w){form}(?!\w)", _FLAGS)
    for form in (f"{_MONTH}\\s{_YEAR}", *numbered_months_of_year(_NUMBER, _YEAR))
]
_WEEKDAY = re.compile(rf"(?<!\w)(?P<weekday>{alternation(WEEKDAYS)})(?!\w)", _FLAGS)


def _english(table: Mapping[str, int]) -> list[str]:
    """The English names in calendar order, as stored labels are English (the page's come
    from `comparison.labels`): the first spelling the English profile gives each."""
    first: dict[int, str] = {}
    for word, number in table.items():
        first.setdefault(number, word.capitalize())
    return [first[number] for number in sorted(first)]


_MONTH_NAMES = _english(LANGUAGES["en"].months)
_WEEKDAY_NAMES = _english(LANGUAGES["en"].weekdays)


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower()]


def _valid(month: int, *days: int | None) -> bool:
    # 2024 is a leap year, so 29 February passes when the year is unknown.
    try:
        return all(date(2024, month, day) for day in days if day is not None)
    except ValueError:
        return False


def _found(m: re.Match[str], month: int) -> Found | None:
    groups = m.groupdict()
    day, until = int(groups["day"]), int(groups["until"]) if groups.get("until") else None
    year = int(groups["year"]) if groups.get("year") else None
    if not _valid(month, day, until) or (until is not None and until <= day):
        return None
    key = f"date:{month:02d}-{day:02d}" + (f"..{month:02d}-{until:02d}" if until else "")
    days = f"{day}-{until}" if until else f"{day}"
    label = f"{days} {_MONTH_NAMES[month - 1]}"
    return Found("date", key, label, m.start(), m.end(), year)


def day_dates(text: str, language: str) -> Iterator[Found]:
    """Dates with a day: "17-21 September 2025", "September 17-21", "ngày 18 tháng 2", "16/5"."""
    patterns = [*_DAY_DATES, _SLASH] if day_first_slash(language) else _DAY_DATES
    for pattern in patterns:
        for m in pattern.finditer(text):
            found = _found(m, _month(m["month"]))
            if found:
                yield found


def month_years(text: str, language: str) -> Iterator[Found]:
    """A month of a year without a day: "November 2025", "tháng 11/2025"."""
    for pattern in _MONTH_YEARS:
        for m in pattern.finditer(text):
            month = _month(m["month"])
            if 1 <= month <= 12:
                label = f"{_MONTH_NAMES[month - 1]} {m['year']}"
                yield Found("date", f"month:{m['year']}-{month:02d}", label, *m.span())


def weekdays(text: str, language: str) -> Iterator[Found]:
    for m in _WEEKDAY.finditer(text):
        word = m["weekday"].lower()
        if word in CAPITALISED_WEEKDAYS and not m["weekday"].split(" ")[1][0].isupper():
            continue
        number = WEEKDAYS[word]
        yield Found("weekday", f"weekday:{number}", _WEEKDAY_NAMES[number - 1], *m.span())
