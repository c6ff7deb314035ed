"""Folding for name matching, with a map from folded characters back to the original text.

Captures write the same name with and without diacritics, with en dashes or hyphens and with
curly or straight apostrophes; matching on a folded copy makes all of those compare equal,
while the offsets let a match be shown where it stands in the text as written.
"""

import unicodedata
from functools import lru_cache

from articles.text import LETTER_FOLDS, fold

# The letters `fold` also folds, plus punctuation that keyboards and CMSs vary.
_EXTRA = str.maketrans(
    LETTER_FOLDS
    | {
        # Hyphens, dashes and the minus sign.
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        # Curly quotes and the modifier apostrophe.
        "\u2018": "'", "\u2019": "'", "\u02bc": "'",
    }
)  # fmt: skip


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_EXTRA))
    lowered = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return "".join(c for c in lowered if not unicodedata.combining(c))


def match_key(spelling: str) -> str:
    """The folded form a variant is stored and matched under."""
    return fold(spelling.translate(_EXTRA))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold `text` like `match_key`, returning for each folded character its index in `text`.

    Runs of whitespace become one space (kept at the ends so offsets stay simple).
    """
    out: list[str] = []
    offsets: list[int] = []
    after_space = False
    for index, ch in enumerate(text):
        if ch.isspace():
            if not after_space:
                out.append(" ")
                offsets.append(index)
            after_space = True
            continue
        after_space = False
        folded = _fold_char(ch)
        out.append(folded)
        # Most characters fold to exactly one; "ß" folds to two, combining marks to none.
        offsets.extend([index] * len(folded))
    return "".join(out), offsets
