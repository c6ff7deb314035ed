"""The shape of what the archive knows about one language (see the package docstring)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Boilerplate:
    """The words of a page's furniture around the article (source lines, share bars, cookie
    banners), which the importer's cleaning rules drop. Lower case as written; several words
    make one phrase ("baca juga")."""

    source_markers: frozenset[str] = frozenset()  # a line "Sumber: Antara", or "Källa" alone
    comment_words: frozenset[str] = frozenset()  # a comment counter: "Kommentarer (3)"
    related_headings: frozenset[str] = frozenset()  # over links to other stories: "Läs mer"
    share_words: frozenset[str] = frozenset()  # every word a share bar may hold: "dela", "länk"
    share_verbs: frozenset[str] = frozenset()  # one of these makes share words a share bar
    cookie_words: frozenset[str] = frozenset()  # whole words: "kakor"
    # A cookie line with one of these is a banner; matched at a word's start, so "accept"
    # also finds "accepted".
    consent_words: frozenset[str] = frozenset()

    def __or__(self, other: "Boilerplate") -> "Boilerplate":
        """The words of both, for text whose language is unknown or mixed."""
        return Boilerplate(
            **{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        )


@dataclass(frozen=True)
class NumberedMonths:
    """A language that writes a date with words and numbers ("ngày 18 tháng 2 năm 2025"):
    the word before the day, before the month's number and before the year."""

    day: str
    month: str
    year: str


@dataclass(frozen=True)
class Language:
    """One language's words and rules. Words are lower case as written, diacritics kept;
    patterns built from them match case-insensitively."""

    code: str
    months: Mapping[str, int]  # every spelling, abbreviations and old spellings included
    weekdays: Mapping[str, int]  # 1 is Monday
    # Small numbers written as words; they only count before a noun from `units`.
    number_words: Mapping[str, int]
    units: Mapping[str, str]  # noun -> what a count counts ("tahun" -> "year")
    scales: Mapping[str, int]  # "juta" -> 10**6
    currencies: Mapping[str, str]  # word or symbol -> ISO code
    percent_words: tuple[str, ...]
    # Capitalised words that are not names: honorifics, office titles and function words.
    # Diacritics matter here (Vietnamese "thư" is a title, "Thu" a name).
    not_names: frozenset[str]
    ordinal: Callable[[int], str]  # 22 -> "22nd", "ke-22", "22:a", "thứ 22"
    # How an ordinal is read: a pattern, "{n}" where the digits stand ("{n}(?:st|nd|rd|th)").
    ordinal_pattern: str
    decimal_comma: bool  # writes 16,4 for 16.4 and 42.000 for 42,000
    day_first_slash: bool  # 16/5 is the 16th of May
    boilerplate: Boilerplate  # source lines, share bars and banners the importer drops
    genitive_s: bool = False  # appends "s" to a name: "Quang Ninhs provinsiella ..."
    currency_prefixes: tuple[str, ...] = ()  # written before the number: "Rp 5"
    # Letters written right after a day's digits ("18th", "18:e"); its ordinals end in them.
    day_suffixes: tuple[str, ...] = ()
    # Words that may stand between a day and its month ("the 18th of February").
    before_month: tuple[str, ...] = ()
    numbered_months: NumberedMonths | None = None  # months written as numbers ("tháng 2")
    weekday_endings: tuple[str, ...] = ()  # "tisdagen", "i tisdags"
    # Languages a language identifier mistakes this one for ("ms", Malay, for Indonesian).
    confused_with: frozenset[str] = frozenset()
    # Weekdays that count only when capitalised (they are also ordinary words).
    capitalised_weekdays: frozenset[str] = field(default_factory=frozenset)


def words(text: str) -> frozenset[str]:
    """The words of `text`, for long word lists written as prose."""
    return frozenset(text.split())


def phrases(text: str) -> frozenset[str]:
    """The phrases of `text`, separated by "|": "baca juga|lihat juga"."""
    return frozenset(phrase.strip() for phrase in text.split("|"))


def in_order(*rows: str) -> dict[str, int]:
    """Words numbered by their place in each row, from 1: months or weekdays in calendar
    order. "-" leaves a place empty; "_" joins the words of one name ("hari_minggu")."""
    numbered: dict[str, int] = {}
    for row in rows:
        for place, word in enumerate(row.split(), start=1):
            if word != "-":
                numbered[word.replace("_", " ")] = place
    return numbered


def by_meaning(**rows: str) -> dict[str, str]:
    """Each word of a row -> the row's name: `by_meaning(year="year years")`; "_" joins the
    words of one noun ("văn_kiện")."""
    return {
        word.replace("_", " "): meaning for meaning, row in rows.items() for word in row.split()
    }
