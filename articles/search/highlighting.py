"""The passage a result matched, with the matching words marked, for the result lists.

One implementation for both databases: the phrases are found in the folded text
(`fold_each`, or `fold_with_offsets` when folding changed the text's length), and the excerpt
is cut from the text as written, every piece escaped before it is joined with the <mark> tags.
"""

import re
from collections.abc import Sequence

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

from articles.languages.folding import fold_each, fold_with_offsets

WIDTH = 240  # characters of text shown
_LEAD = 60  # of them, before the first match


def excerpt(text: str, phrases: list[str]) -> SafeString | None:
    """About WIDTH characters of `text` around the first of `phrases` (folded) it holds,
    each occurrence inside marked; None when it holds none (a stemmed match, say)."""
    folded = fold_each(text)
    offsets: Sequence[int] = range(len(text))
    if len(folded) != len(text):
        # Rare; the per-character fold is slower (about 1 ms per 1,000 characters, most of
        # a page's highlighting when every result took it).
        folded, offsets = fold_with_offsets(text)
    spans = _occurrences(folded, phrases)
    if not spans:
        return None
    first = offsets[spans[0][0]]
    start = _word_start(text, max(0, first - _LEAD))
    end = min(len(text), start + WIDTH)
    marks = [
        (offsets[a], offsets[b - 1] + 1)
        for a, b in spans
        if start <= offsets[a] and offsets[b - 1] < end
    ]
    return _marked(text, start, end, marks)


def _occurrences(folded: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of the phrases at word starts, in text order; the
    phrases' spaces match any run of whitespace."""
    alternatives = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not alternatives:
        return []
    written = (r"\s+".join(map(re.escape, p.split(" "))) for p in alternatives)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(written) + ")")
    return [match.span() for match in pattern.finditer(folded)]


def _word_start(text: str, index: int) -> int:
    if index == 0:
        return 0
    space = text.find(" ", index)
    return space + 1 if 0 <= space < index + 20 else index


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> SafeString:
    pieces: list[SafeString] = [SafeString("… ")] if start else []
    at = start
    for a, b in marks:
        pieces += [escape(text[at:a]), format_html("<mark>{}</mark>", text[a:b])]
        at = b
    pieces.append(escape(text[at:end]))
    if end < len(text):
        pieces.append(SafeString(" …"))
    return format_html_join("", "{}", ((piece,) for piece in pieces))
