"""Reading a written number, the one way facts, grouping and alignment all do it."""

from decimal import Decimal

from . import SCALES, alternation, decimal_comma
from .folding import fold

# Spaces that group thousands: a plain one, the no-break space and the narrow no-break space
# ("1\u202f200", as Swedish writes it).
_GROUP_SPACES = ("\u00a0", "\u202f", " ")
# A written number as `parse_number` reads it: digits with optional thousands groups ("1,200",
# "1.200", "1 200") and decimals; a grouped number is never glued to letters ("G20").
WRITTEN_NUMBER = (
    rf"\d{{1,3}}(?:[.,{''.join(_GROUP_SPACES)}]\d{{3}})+(?:[.,]\d+)?(?!\w)|\d+(?:[.,]\d+)?"
)
# Scale words as written and folded ("tỷ", "ty"), so text without diacritics scales too.
_SCALE_WORDS = {**{fold(word): size for word, size in SCALES.items()}, **SCALES}
SCALE = alternation(_SCALE_WORDS)


def scale_of(word: str) -> int:
    """The multiplier a scale word stands for ("miliar", "nghìn tỷ", "bn")."""
    return _SCALE_WORDS.get(word.lower()) or _SCALE_WORDS[fold(word)]


def parse_number(text: str, language: str | None) -> Decimal:
    """ "16,4" is 16.4 in Indonesian and "42,000" is 42000 in English; "1.200,5" is 1200.5
    anywhere. Where the language is not known, a lone mark before exactly three digits
    groups thousands ("1.200" and "1,200" are 1200)."""
    digits = text
    for space in _GROUP_SPACES:
        digits = digits.replace(space, "")
    separators = [ch for ch in digits if ch in ".,"]
    if not separators:
        return Decimal(digits)
    last = separators[-1]
    if len(set(separators)) == 2:
        return Decimal(digits.replace("." if last == "," else ",", "").replace(",", "."))
    head, tail = digits.rsplit(last, 1)
    if len(separators) > 1 or (len(tail) == 3 and _groups_thousands(last, head, language)):
        return Decimal(digits.replace(last, ""))
    return Decimal(digits.replace(",", "."))


def _groups_thousands(mark: str, head: str, language: str | None) -> bool:
    if language is None:
        return len(head) <= 3
    return mark == ("." if decimal_comma(language) else ",")


def number_key(value: Decimal) -> str:
    """The number as plain digits, without trailing zeros: equal across languages."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
