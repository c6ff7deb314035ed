"""The aligned rows of the event page: each row a passage, each cell a shown version's
paragraphs there, with the selected fact's mentions marked.

Rows are numbered over *all* versions of an event, then projected onto the chosen columns,
so `#row-N` names the same passage whichever languages a reader picks.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from articles.alignment.event_alignments import RowIndexes
from articles.models import Article

Span = tuple[int, int]


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Paragraph:
    index: int
    segments: list[Segment]


@dataclass(frozen=True)
class Cell:
    article: Article
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class PageRow:
    """One passage as the page shows it: its stable number and a cell per shown column (an
    alignment's stored row, `articles.alignment.Row`, maps version keys to indexes instead)."""

    number: int
    cells: list[Cell]


def segments(text: str, spans: Sequence[Span]) -> list[Segment]:
    """`text` cut into plain and marked pieces; overlapping or bad spans are merged or skipped."""
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        if start > cursor:
            pieces.append(Segment(text[cursor:start]))
        pieces.append(Segment(text[start:end], marked=True))
        cursor = end
    if cursor < len(text) or not pieces:
        pieces.append(Segment(text[cursor:]))
    return pieces


def build_rows(
    versions: Sequence[Article],
    columns: Sequence[Article],
    indexes: RowIndexes,
    marks: dict[tuple[int, int], list[Span]] | None = None,
) -> list[PageRow]:
    """Rows for the chosen `columns`; a row empty in every chosen column is left out.

    `marks` maps (article id, paragraph index) to character spans to highlight.
    """
    marks = marks or {}
    position = {version.pk: i for i, version in enumerate(versions)}
    texts = {column.pk: column.paragraphs for column in columns}
    rows = []
    for number, groups in indexes:
        cells = [_cell(column, groups[position[column.pk]], texts, marks) for column in columns]
        if any(cell.paragraphs for cell in cells):
            rows.append(PageRow(number, cells))
    return rows


def _cell(column: Article, indexes: list[int], texts: dict[int, list[str]], marks: dict) -> Cell:
    pk = column.pk
    return Cell(
        column, [Paragraph(i, segments(texts[pk][i], marks.get((pk, i), []))) for i in indexes]
    )


def row_of(indexes: RowIndexes, versions: Sequence[Article]) -> dict[tuple[int, int], int]:
    """(article id, paragraph index) -> row number, the inverse of the alignment rows."""
    where = {}
    for number, groups in indexes:
        for version, paragraphs in zip(versions, groups, strict=True):
            for index in paragraphs:
                where[(version.pk, index)] = number
    return where
