"""Dates and weekdays in news text: the one home for reading them, with the words from
`articles.languages`.

Two readings share the tables. The facts panel's (`day_dates`, `month_years`, `weekdays`)
keeps each span, keyed by month and day so "17-21 September 2025" and "September 17-21"
compare equal, the year kept beside the key when the text gives it. Grouping's
(`stated_dates`, `weekday_date`, in `stated.py`) reads folded text, for the day of a happening.
"""

import re
from collections.abc import Iterator
from datetime import date

from articles.languages import (
    CAPITALISED_WEEKDAYS,
    MONTHS,
    WEEKDAYS,
    alternation,
    day_first_slash,
)

from .fact import Found

_FLAGS = re.IGNORECASE
_MONTH = f"(?P<month>{alternation(MONTHS)})"
_DASH = r"\s?[-\u2010-\u2015]\s?"
_DAYS = rf"(?P<day>\d{{1,2}})(?:{_DASH}(?P<until>\d{{1,2}}))?"
_YEAR = r"(?P<year>\d{4})"
_DAY_FIRST = re.compile(
    rf"(?<![\w.,/]){_DAYS}(?:st|nd|rd|th|:e|:a)?\.?\s(?:of\s)?{_MONTH}\.?(?:,?\s{_YEAR})?(?!\w)",
    _FLAGS,
)
_MONTH_FIRST = re.compile(
    rf"(?<!\w){_MONTH}\.?\s{_DAYS}(?:st|nd|rd|th)?(?:,?\s{_YEAR})?(?![\w/])", _FLAGS
)
_VI_WORDS = re.compile(
    rf"(?<!\w)ngày (?P<day>\d{{1,2}}) tháng (?P<month>\d{{1,2}})(?: năm {_YEAR})?(?!\w)", _FLAGS
)
_SLASH = re.compile(rf"(?<![\w/.,]){_DAYS}/(?P<month>\d{{1,2}})(?:/{_YEAR})?(?![\w/]|[.,]\d)")
_MONTH_YEAR = re.compile(
    rf"(?<!\w)(?:{_MONTH}|tháng (?P<vi_month>\d{{1,2}})(?:/| năm )){_YEAR}(?!\w)", _FLAGS
)
_WEEKDAY = re.compile(rf"(?<!\w)(?P<weekday>{alternation(WEEKDAYS)})(?!\w)", _FLAGS)
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]  # fmt: skip


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
    patterns = [_DAY_FIRST, _MONTH_FIRST, _VI_WORDS]
    if day_first_slash(language):
        patterns.append(_SLASH)
    for pattern in patterns:
        for m in pattern.finditer(text):
            found = _found(m, _month(m["month"]))
            if found:
                yield found


def month_years(text: str, language: str) -> Iterator[Found]:
    """A month of a year without a day: "November 2025", "tháng 11/2025"."""
    for m in _MONTH_YEAR.finditer(text):
        month = _month(m["month"] or m["vi_month"])
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
