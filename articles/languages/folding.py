"""Folding: the one way spellings are made comparable across languages and keyboards.

`fold` makes "Phạm Minh Chính", "Pham Minh Chinh" and "PHAM MINH CHINH" all "pham minh
chinh"; it makes the search text stored with each article, so its output must not change.
`match_key` folds as `fold` does and also evens out the dashes and apostrophes that keyboards
and CMSs vary; names are compared under it everywhere (register, panel, grouping, alignment).
"""

import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a combining mark.
LETTER_FOLDS = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss"}
_FOLD_TABLE_LIMIT = 65_536


class _FoldTable(dict):
    """`fold_char` of each character, worked out the first time the character is seen, for
    `str.translate`. NFKD never composes, so folding character by character equals folding
    the whole text, and `str.translate` then runs at C speed: the importer folds every
    article's body, and a per-character generator was its hot spot."""

    def __init__(self, fold_char: Callable[[str], str]) -> None:
        super().__init__()
        self.fold_char = fold_char

    def __missing__(self, ordinal: int) -> str:
        folded = self.fold_char(chr(ordinal))
        if len(self) < _FOLD_TABLE_LIMIT:  # arbitrary input must not grow it without bound
            self[ordinal] = folded
        return folded


def _decompose(char: str) -> str:
    # The compatibility decomposition without its combining marks.
    decomposed = unicodedata.normalize("NFKD", LETTER_FOLDS.get(char, char))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_FOLDS = _FoldTable(_decompose)


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics so spellings compare equal."""
    return " ".join(text.translate(_FOLDS).casefold().split())


# The letters `fold` also folds, plus punctuation that keyboards and CMSs vary.
_PUNCTUATION = str.maketrans(
    LETTER_FOLDS
    | {
        # Hyphens, dashes and the minus sign.
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        # Curly quotes and the modifier apostrophe.
        "\u2018": "'", "\u2019": "'", "\u02bc": "'",
    }
)  # fmt: skip


def match_key(spelling: str) -> str:
    """The folded form a name is stored and compared under."""
    return fold(spelling.translate(_PUNCTUATION))


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_PUNCTUATION))
    lowered = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return "".join(c for c in lowered if not unicodedata.combining(c))


_CHAR_FOLDS = _FoldTable(_fold_char)


def fold_each(text: str) -> str:
    """Each character of `text` folded as `fold_with_offsets` folds it, whitespace left as
    it is, at C speed. When the result is as long as `text` (no "ß", no lone combining
    mark), a position in one is the same position in the other, and no offsets are needed."""
    return text.translate(_CHAR_FOLDS)


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
