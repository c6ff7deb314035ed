"""Boilerplate rules: what in a capture is not the article's body.

Each rule is a small predicate or transform so it can be tested alone. The guiding rule is
that real body text is never dropped: tail blocks ("related", source markers) are only cut
when they come after most of the text, and otherwise only their own line goes.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from articles.languages import BOILERPLATE, SHARE_NETWORKS, alternation

from .records import ImageRecord

# Zero-width characters and the byte-order mark; no-break and other spaces become one space.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[^\S\n]+")

_CAPTURE_DATE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")
# The words of every language: the rules run before a capture's language is known, and pages
# mix languages (English share buttons above a Swedish article).
_SOURCE_MARKER = re.compile(
    rf"^({alternation(BOILERPLATE.source_markers)})\s*(:.{{0,60}})?$", re.IGNORECASE
)
_COMMENT_COUNTER = re.compile(
    rf"^({alternation(BOILERPLATE.comment_words)})\s*[(\[]?\s*\d*\s*[)\]]?$", re.IGNORECASE
)
_RELATED_HEADINGS = alternation(BOILERPLATE.related_headings)
_RELATED_HEADING = re.compile(rf"^({_RELATED_HEADINGS})\s*:?\s*$", re.IGNORECASE)
_RELATED_INLINE = re.compile(rf"^({_RELATED_HEADINGS})\s*[:»>\-\u2013—]\s*\S", re.IGNORECASE)
_TEASER_IMAGE = re.compile(r"^!\[.*\]\([^)\s]*\)$")
_END_MARKER = re.compile(r"\s*/\.\s*$")
_COOKIE = re.compile(rf"\b({alternation(BOILERPLATE.cookie_words)})\b", re.IGNORECASE)
_CONSENT = re.compile(rf"\b({alternation(BOILERPLATE.consent_words)})", re.IGNORECASE)
# "… for the event. — VNA/VNS": an agency credit after a dash at the very end.
_TRAILING_CREDIT = re.compile(
    r"\s+[—\u2013]\s*([A-ZĐ][A-ZĐ/&.]{1,15}(?:[ /][A-ZĐ][A-ZĐ/&.]{1,15}){0,3})$"
)

# A tail block is only cut when at least this share of the text comes before it.
TAIL_AFTER_SHARE = 0.4


def normalise_whitespace(text: str) -> str:
    """NFC, invisible characters removed, runs of spaces made one, lines trimmed."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def take_capture_date(text: str) -> tuple[str, date | None]:
    """Split a leading capture-metadata `date YYYY-MM-DD` from the text."""
    match = _CAPTURE_DATE.match(text)
    if not match:
        return text, None
    try:
        found = date(*map(int, match.groups()))
    except ValueError:
        return text, None
    return text[match.end() :].lstrip(), found


def is_source_marker(line: str) -> bool:
    return bool(_SOURCE_MARKER.match(line))


def is_comment_counter(line: str) -> bool:
    return bool(_COMMENT_COUNTER.match(line))


def is_related_heading(line: str) -> bool:
    return bool(_RELATED_HEADING.match(line))


def is_related_link(line: str) -> bool:
    """An inline "Baca juga: <other story>" line inside the body."""
    return bool(_RELATED_INLINE.match(line)) and len(line) < 300


def is_teaser_image(line: str) -> bool:
    return bool(_TEASER_IMAGE.match(line))


def is_share_bar(line: str) -> bool:
    words = re.findall(r"[\w-]+", line.casefold())
    if not words or len(words) > 8:
        return False
    networks = sum(word in SHARE_NETWORKS for word in words)
    return all(w in BOILERPLATE.share_words for w in words) and (
        bool(BOILERPLATE.share_verbs.intersection(words)) or networks >= 2
    )


def is_cookie_banner(line: str) -> bool:
    return len(line) < 400 and bool(_COOKIE.search(line)) and bool(_CONSENT.search(line))


def strip_end_marker(line: str) -> str:
    """Vietnamese agencies close an article with "/."; the marker is not text."""
    return _END_MARKER.sub("", line) if line.endswith("/.") else line


def is_boilerplate_line(line: str) -> bool:
    return (
        is_source_marker(line)
        or is_comment_counter(line)
        or is_teaser_image(line)
        or is_share_bar(line)
        or is_cookie_banner(line)
        or is_related_link(line)
        or line == "/."
    )


def take_trailing_credit(paragraphs: list[str]) -> tuple[list[str], str]:
    """Move an agency credit at the end of the last paragraph ("— VNA/VNS") to the byline."""
    if not paragraphs:
        return paragraphs, ""
    match = _TRAILING_CREDIT.search(paragraphs[-1])
    if not match or match.start() == 0:
        return paragraphs, ""
    return [*paragraphs[:-1], paragraphs[-1][: match.start()].rstrip()], match.group(1).strip()


@dataclass
class Cleaned:
    paragraphs: list[str]
    captions: list[ImageRecord] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def cut_tail(lines: list[str]) -> tuple[list[str], list[str]]:
    """Cut a "related"/source-marker block and all after it, when it comes after the text."""
    total = sum(len(line) for line in lines) or 1
    seen = 0
    for index, line in enumerate(lines):
        standalone_marker = is_related_heading(line) or (is_source_marker(line) and ":" not in line)
        if standalone_marker and seen / total >= TAIL_AFTER_SHARE:
            return lines[:index], lines[index:]
        seen += len(line)
    return lines, []


def pull_repeated_captions(lines: list[str]) -> tuple[list[str], list[ImageRecord]]:
    """A line repeated right after itself is an image caption a scrape doubled, not body."""
    kept: list[str] = []
    captions: list[ImageRecord] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        end = index + 1
        while end < len(lines) and lines[end] == line:
            end += 1
        if end - index > 1 and len(line) < 400:
            captions.append(ImageRecord(url="", caption=line))
        else:
            kept.extend(lines[index:end])
        index = end
    return kept, captions


def clean_lines(lines: list[str]) -> Cleaned:
    """Apply every rule to the body's lines (one paragraph per line, blank lines dropped)."""
    lines = [line for line in (normalise_whitespace(raw).strip() for raw in lines) if line]
    lines, tail = cut_tail(lines)
    removed = list(tail)
    kept: list[str] = []
    for line in lines:
        if is_boilerplate_line(line) or is_related_heading(line):
            removed.append(line)
        else:
            kept.append(strip_end_marker(line))
    kept, captions = pull_repeated_captions([line for line in kept if line])
    return Cleaned(paragraphs=kept, captions=captions, removed=removed)


def removal_warning(removed: list[str]) -> str | None:
    if not removed:
        return None
    sample = "; ".join(line[:40] for line in removed[:3])
    return f"removed {len(removed)} boilerplate line(s): {sample}"
