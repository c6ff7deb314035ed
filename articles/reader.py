"""What the side-by-side reader shows: the chosen columns and the aligned rows between them.

Rows are numbered over *all* versions of an event, then projected onto the chosen columns,
so `#row-N` names the same passage whichever languages a reader picks.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from .models import Article, Language

# One aligned group per row: its stable number and, for each version (in the order given),
# the indexes of its paragraphs in that row.
RowIndexes = list[tuple[int, list[list[int]]]]
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
class Row:
    number: int
    cells: list[Cell]


@dataclass(frozen=True)
class PickerItem:
    code: str
    name: str
    native_name: str
    shown: bool
    # Query strings ("?lang=…"); None where the move makes no sense.
    left: str | None = None
    right: str | None = None
    toggle: str | None = None
    first: str = ""


@dataclass
class Reader:
    columns: list[Article]
    rows: list[Row]
    picker: list[PickerItem] = field(default_factory=list)


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
) -> list[Row]:
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
            rows.append(Row(number, cells))
    return rows


def _cell(column: Article, indexes: list[int], texts: dict[int, list[str]], marks: dict) -> Cell:
    pk = column.pk
    return Cell(
        column, [Paragraph(i, segments(texts[pk][i], marks.get((pk, i), []))) for i in indexes]
    )


def reader_query(codes: Sequence[str]) -> str:
    """The query string that shows the columns `codes` in that order."""
    return "?" + urlencode([("lang", code) for code in codes])


def picker(languages: Sequence[Language], chosen: Sequence[str]) -> list[PickerItem]:
    """Links that show, hide and reorder the columns: the picker works without script."""
    items = []
    for language in sorted(languages, key=lambda lang: _order(lang.code, chosen)):
        code = language.code
        shown = code in chosen
        item = PickerItem(
            code=code,
            name=language.name,
            native_name=language.native_name,
            shown=shown,
            first=reader_query([code, *(c for c in chosen if c != code)]),
        )
        if shown:
            at = list(chosen).index(code)
            item = _with_moves(item, list(chosen), at)
        else:
            item = replace(item, toggle=reader_query([*chosen, code]))
        items.append(item)
    return items


def _order(code: str, chosen: Sequence[str]) -> tuple[int, int]:
    return (0, list(chosen).index(code)) if code in chosen else (1, 0)


def _with_moves(item: PickerItem, chosen: list[str], at: int) -> PickerItem:
    def swapped(other: int) -> str:
        codes = chosen.copy()
        codes[at], codes[other] = codes[other], codes[at]
        return reader_query(codes)

    return replace(
        item,
        left=swapped(at - 1) if at > 0 else None,
        right=swapped(at + 1) if at < len(chosen) - 1 else None,
        toggle=reader_query([c for c in chosen if c != item.code]) if len(chosen) > 1 else None,
    )


def build_reader(
    versions: Sequence[Article],
    chosen: Sequence[str],
    languages: Sequence[Language],
    *,
    rows: RowIndexes,
    marks: dict[tuple[int, int], list[Span]] | None = None,
) -> Reader:
    """The reader for `versions` showing the languages `chosen`, in that order.

    `rows` is the alignment of all `versions` (see `articles.event_reader.aligned_rows`).
    """
    columns = [a for code in chosen for a in versions if a.language_id == code]
    return Reader(
        columns=columns,
        rows=build_rows(versions, columns, rows, marks),
        picker=picker(languages, chosen),
    )
