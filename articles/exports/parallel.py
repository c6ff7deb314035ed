"""The parallel text of an event: its versions as columns and the event page's aligned rows,
each cell the version's paragraphs in that row."""

from dataclasses import dataclass

from articles.alignment.event_alignments import stored_rows
from articles.event_page.rows import Cell, build_rows
from articles.models import Article, Event

# Paragraphs never hold a line break (articles.text.split_paragraphs), so one marks where a
# cell's paragraphs meet without ambiguity.
PARAGRAPH_BREAK = "\n"


@dataclass(frozen=True)
class ParallelRow:
    number: int  # the event page's row number (its `#row-N`)
    texts: list[str]  # one per column; "" where that version has nothing in this row


@dataclass(frozen=True)
class ParallelText:
    columns: list[Article]
    rows: list[ParallelRow]

    @property
    def headers(self) -> list[str]:
        """Each column's language code; a language with several versions in the event has
        each of its columns headed `code:article id` instead."""
        codes = [column.language_id for column in self.columns]
        return [
            code if codes.count(code) == 1 else f"{code}:{column.pk}"
            for code, column in zip(codes, self.columns, strict=True)
        ]

    def columns_in(self, code: str) -> list[int]:
        """The positions of the columns in language `code`."""
        return [i for i, column in enumerate(self.columns) if column.language_id == code]


def parallel_text(event: Event) -> ParallelText:
    """Every version of `event` in the event page's order, with every one of its rows."""
    versions = list(Article.objects.event_versions(event))
    rows = build_rows(versions, versions, stored_rows(event, versions))
    return ParallelText(
        versions, [ParallelRow(row.number, [_text(cell) for cell in row.cells]) for row in rows]
    )


def _text(cell: Cell) -> str:
    # No marks are asked for, so each paragraph is one segment.
    return PARAGRAPH_BREAK.join(
        "".join(segment.text for segment in paragraph.segments) for paragraph in cell.paragraphs
    )
