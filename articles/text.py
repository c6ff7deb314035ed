"""Text helpers shared by the models, importing and alignment: paragraphs, hashes, and the
values an article stores computed from its title and body (folding for search lives with the
rest of the language knowledge, in `articles.languages.folding`)."""

import hashlib
import re
from dataclasses import dataclass

from articles.languages.folding import fold

_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n\s*\n")


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
class ComputedText:
    """What an article stores beside its title and body, worked out from them."""

    title: str
    body: str
    body_sha256: str
    search_text: str


def compute_text(title: str, body: str) -> ComputedText:
    body = normalise_body(body)
    return ComputedText(title, body, sha256_hex(body), fold(f"{title}\n{body}"))
