"""Text helpers shared by search, importing and alignment.

`fold` makes spellings comparable across languages and keyboards: "Phạm Minh Chính",
"Pham Minh Chinh" and "PHAM MINH CHINH" all fold to "pham minh chinh".
"""

import hashlib
import re
import unicodedata

# Letters that NFKD does not decompose into a base letter plus a combining mark.
LETTER_FOLDS = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss"}
_EXTRA_FOLDS = str.maketrans(LETTER_FOLDS)
_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n\s*\n")


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics so spellings compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def split_paragraphs(body: str) -> list[str]:
    """The paragraphs of a stored body: blocks separated by a blank line."""
    return [_SPACES.sub(" ", block).strip() for block in _BLANK_LINES.split(body) if block.strip()]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
