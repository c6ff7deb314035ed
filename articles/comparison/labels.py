"""Fact labels in the reader's interface language, made when a page is shown.

A stored comparison keeps an English label; `fact_label` rebuilds it from the normalised key
in the active language, with Django's own month and weekday names and number formats.
"""

from collections.abc import Callable
from decimal import Decimal

from django.utils import formats
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.languages import NAMED_SCALES, ordinal

from .shape import Fact

# The kinds of fact, in the order the panel lists them, with their interface names.
KIND_LABELS = {
    "person": _("person"),
    "place": _("place"),
    "organisation": _("organisation"),
    "date": _("date"),
    "weekday": _("weekday"),
    "amount": _("amount"),
    "percent": _("percentage"),
    "ordinal": _("ordinal"),
    "count": _("count"),
    "year": _("year"),
    "number": _("number"),
}


def _number(value: Decimal | int) -> str:
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def _amount(rest: str, fact: Fact) -> str:
    currency, value = rest.split(":")
    return _scaled(currency, Decimal(value))


def _scaled(currency: str, value: Decimal) -> str:
    for size, word in NAMED_SCALES:
        if value >= size:
            amount = _number((value / size).normalize())
            templates = {
                "trillion": gettext("%(currency)s %(amount)s trillion"),
                "billion": gettext("%(currency)s %(amount)s billion"),
                "million": gettext("%(currency)s %(amount)s million"),
            }
            return templates[word] % {"currency": currency, "amount": amount}
    return f"{currency} {_number(value)}"


def _date(rest: str, fact: Fact) -> str:
    span, _, year = rest.partition("/")
    first, _, last = span.partition("..")
    month, day = (int(part) for part in first.split("-"))
    days = f"{day}\u2013{int(last.split('-')[1])}" if last else str(day)
    year = year or (str(fact.year) if fact.year else "")
    return " ".join(part for part in (days, str(MONTHS[month]), year) if part)


def _month(rest: str, fact: Fact) -> str:
    year, month = rest.split("-")
    return f"{MONTHS[int(month)]} {year}"


def _ordinal(rest: str, fact: Fact) -> str:
    return ordinal(int(rest), get_language())


def _count(rest: str, fact: Fact) -> str:
    n, unit = rest.split(":")
    count = int(Decimal(n))
    # One message per unit the language profiles count (`Language.units`); a test holds the
    # two lists together. The translated words live here, the nouns that count in the profiles.
    units = {
        "year": ngettext("%(n)s year", "%(n)s years", count),
        "month": ngettext("%(n)s month", "%(n)s months", count),
        "day": ngettext("%(n)s day", "%(n)s days", count),
        "province": ngettext("%(n)s province", "%(n)s provinces", count),
        "country": ngettext("%(n)s country", "%(n)s countries", count),
        "document": ngettext("%(n)s document", "%(n)s documents", count),
        "railway": ngettext("%(n)s railway line", "%(n)s railway lines", count),
        "project": ngettext("%(n)s project", "%(n)s projects", count),
    }
    return units.get(unit, fact.label) % {"n": _number(Decimal(n))}


_FORMATTERS: dict[str, Callable[[str, Fact], str]] = {
    "date": _date,
    "month": _month,
    "weekday": lambda rest, fact: str(WEEKDAYS[int(rest) - 1]),
    "amount": _amount,
    "percent": lambda rest, fact: f"{_number(Decimal(rest))}%",
    "ordinal": _ordinal,
    "count": _count,
    "number": lambda rest, fact: _number(Decimal(rest)),
}


def fact_label(fact: Fact) -> str:
    """The fact's label for the active interface language (names keep their canonical form)."""
    prefix, _, rest = fact.key.partition(":")
    formatter = _FORMATTERS.get(prefix)
    return formatter(rest, fact) if formatter else fact.label
