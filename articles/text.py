"""Text helpers shared by the models, importing and alignment: paragraphs, hashes, and the
values an article stores computed from its title and body (folding for search lives with the
rest of the language knowledge, in `articles.languages.folding`)."""

import hashlib
import re
from dataclasses import dataclass

from articles.languages.folding import fold

_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n\s*\n")
# The characters XML 1.0 cannot hold at all, even escaped (a capture may carry one).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def split_paragraphs(body: str) -> list[str]:
    """The paragraphs of a stored body: blocks separated by a blank line."""
    return [_SPACES.sub(" ", block).strip() for block in _BLANK_LINES.split(body) if block.strip()]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def xml_text(text: str) -> str:
    """`text` without the characters an XML document (a feed, a TMX file) cannot hold."""
    return _NOT_XML.sub("", text)


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
