"""What the archive knows about languages, in one place: per language (one module each) its
months, weekdays, number words, units, scale words, currencies, the capitalised words that are
not names, its rules (number format, genitive) and the words of the page furniture the
importer drops. Facts, grouping, alignment, names, search and the importer read them from here;
adding a language means writing one module and listing it below.

This module is the registry: a language code to its profile, and the tables of all profiles
together, for text whose language is unknown or mixed.
"""

import re
from collections.abc import Iterable, Mapping
from functools import reduce
from operator import or_

from . import common, en, sv, vi
from . import id as indonesian
from .profile import Boilerplate, Language

LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (en.LANGUAGE, indonesian.LANGUAGE, sv.LANGUAGE, vi.LANGUAGE)
}


def base_language(code: str | None) -> str:
    """ "en-GB" -> "en", "en_US" -> "en" (as some pages write `lang`); None -> ""."""
    return (code or "").strip().replace("_", "-").split("-")[0].lower()


def profile(code: str | None) -> Language | None:
    return LANGUAGES.get(base_language(code))


def _union(tables: Iterable[Mapping]) -> dict:
    merged: dict = {}
    for table in tables:
        merged |= table
    return merged


_ALL = list(LANGUAGES.values())
MONTHS: dict[str, int] = _union(lang.months for lang in _ALL)
WEEKDAYS: dict[str, int] = _union(lang.weekdays for lang in _ALL)
CAPITALISED_WEEKDAYS = frozenset().union(*(lang.capitalised_weekdays for lang in _ALL))
NUMBER_WORDS: dict[str, int] = _union(lang.number_words for lang in _ALL)
UNITS: dict[str, str] = _union(lang.units for lang in _ALL)
SCALES: dict[str, int] = _union(lang.scales for lang in _ALL)
CURRENCIES: dict[str, str] = _union([common.CURRENCIES, *(lang.currencies for lang in _ALL)])
CURRENCY_PREFIXES = common.CURRENCY_PREFIXES + sum((lang.currency_prefixes for lang in _ALL), ())
DAY_SUFFIXES = frozenset().union(*(lang.day_suffixes for lang in _ALL))
BEFORE_MONTH = frozenset().union(*(lang.before_month for lang in _ALL))
NUMBERED_MONTHS = [lang.numbered_months for lang in _ALL if lang.numbered_months]
WEEKDAY_ENDINGS = frozenset().union(*(lang.weekday_endings for lang in _ALL))
ORDINAL_PATTERNS = tuple(lang.ordinal_pattern for lang in _ALL)
PERCENT_WORDS = common.PERCENT_WORDS + sum((lang.percent_words for lang in _ALL), ())
# The sizes a fact's label names, largest first; the words are English, as stored labels are
# (`comparison.labels` translates them for the page).
NAMED_SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million")]
# The importer's cleaning rules drop these words' lines whatever the capture's language.
BOILERPLATE: Boilerplate = reduce(or_, (lang.boilerplate for lang in _ALL), common.BOILERPLATE)
SHARE_NETWORKS = common.SHARE_NETWORKS
# Languages the importer's identifier scores beside the archive's own, so that a near
# neighbour is not forced into one of them.
CONFUSERS = frozenset().union(*(lang.confused_with for lang in _ALL))
_NOT_NAMES = frozenset().union(*(lang.not_names for lang in _ALL))


def ordinal(n: int, code: str | None) -> str:
    """22 as an ordinal in `code` ("ke-22", "22:a", "thứ 22"), in English without a profile."""
    return (profile(code) or LANGUAGES["en"]).ordinal(n)


def decimal_comma(code: str | None) -> bool:
    """Does `code` write 16,4 for 16.4 (and 42.000 for 42,000)?"""
    language = profile(code)
    return language.decimal_comma if language else _other_decimal_comma(code)


def day_first_slash(code: str | None) -> bool:
    """Is 16/5 the 16th of May in `code`?"""
    language = profile(code)
    return language.day_first_slash if language else _other_decimal_comma(code)


def _other_decimal_comma(code: str | None) -> bool:
    # The languages without a profile that write 16,4 also write 16/5 for the 16th of May.
    return base_language(code) in common.OTHER_DECIMAL_COMMA


def genitive_s(code: str | None) -> bool:
    """Does `code` write a name's genitive by appending "s" ("Quang Ninhs")?"""
    language = profile(code)
    return bool(language and language.genitive_s)


def not_a_name(word: str, code: str | None) -> bool:
    """Is `word` (as written) a title, honorific or function word in `code` (in any language
    when `code` has no profile)?"""
    language = profile(code)
    return word.lower() in (language.not_names if language else _NOT_NAMES)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so "nghìn tỷ" wins over "nghìn" (and
    alphabetical among equals, so a pattern reads the same in every run)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
