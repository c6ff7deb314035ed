"""The seed text format: an optional headline line, paragraphs one per line, a boilerplate tail.

A leading `date YYYY-MM-DD` is capture metadata (the publication date), not text.
"""

from .cleaning import (
    clean_lines,
    normalise_whitespace,
    removal_warning,
    take_capture_date,
    take_trailing_credit,
)
from .records import ParsedCapture
from .titles import derive_title, looks_like_headline


def parse_text(text: str) -> ParsedCapture:
    text, published_on = take_capture_date(normalise_whitespace(text).strip())
    lines = text.split("\n")
    headline = take_headline(lines)
    if headline:
        lines = lines[1:]
    cleaned = clean_lines(lines)
    paragraphs, byline = take_trailing_credit(cleaned.paragraphs)
    record = ParsedCapture(
        paragraphs=paragraphs,
        title=headline or derive_title(paragraphs),
        title_derived=not headline,
        published_on=published_on,
        byline=byline,
        images=cleaned.captions,
    )
    if warning := removal_warning(cleaned.removed):
        record.warnings.append(warning)
    if published_on is None:
        record.warnings.append("no publication date in the capture")
    return record


def take_headline(lines: list[str]) -> str:
    """The first line is a headline when a blank line follows it and it reads like one."""
    if len(lines) < 3 or lines[1].strip():
        return ""
    first = lines[0].strip()
    return first if looks_like_headline(first) else ""
