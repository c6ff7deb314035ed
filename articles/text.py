"""Text helpers shared by search, importing and alignment.

`fold` makes spellings comparable across languages and keyboards: "Phạm Minh Chính",
"Pham Minh Chinh" and "PHAM MINH CHINH" all fold to "pham minh chinh".
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Letters that NFKD does not decompose into a base letter plus a combining mark.
LETTER_FOLDS = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss"}
_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n\s*\n")


_FOLD_TABLE_LIMIT = 65_536


class _FoldTable(dict):
    """Each character's compatibility decomposition without its combining marks, worked
    out the first time the character is seen. NFKD never composes, so folding character by
    character equals folding the whole text, and `str.translate` then runs at C speed: the
    importer folds every article's body, and a per-character generator was its hot spot."""

    def __missing__(self, ordinal: int) -> str:
        char = chr(ordinal)
        decomposed = unicodedata.normalize("NFKD", LETTER_FOLDS.get(char, char))
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if len(self) < _FOLD_TABLE_LIMIT:  # arbitrary input must not grow it without bound
            self[ordinal] = folded
        return folded


_FOLDS = _FoldTable()


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics so spellings compare equal."""
    return " ".join(text.translate(_FOLDS).casefold().split())


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def split_paragraphs(body: str) -> list[str]:
    """The paragraphs of a stored body: blocks separated by a blank line."""
    return [_SPACES.sub(" ", block).strip() for block in _BLANK_LINES.split(body) if block.strip()]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def normalise_body(body: str) -> str:
    return body.replace("\r\n", "\n").strip()


@dataclass(frozen=True)
class DerivedText:
    """What an article stores beside its title and body, worked out from them."""

    title: str
    body: str
    body_sha256: str
    search_text: str


def derive_text(title: str, body: str) -> DerivedText:
    body = normalise_body(body)
    return DerivedText(title, body, sha256_hex(body), fold(f"{title}\n{body}"))
