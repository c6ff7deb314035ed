"""The facts panel: each fact (name, number, date) against each shown version, with the row
where each version states it, and which facts only some shown versions carry. The facts come
from the event's stored comparison (`articles.comparison`)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse

from articles.comparison import Fact, Occurrence
from articles.comparison.labels import KIND_LABELS, fact_label
from articles.models import Article

from .rows import Span


@dataclass(frozen=True)
class PanelCell:
    article: Article
    mentions: list[Occurrence]
    row: int | None  # the row of the first mention, for the "where" link


@dataclass(frozen=True)
class PanelLine:
    fact: Fact
    cells: list[PanelCell]
    partial: bool  # some shown versions do not carry it
    selected: bool

    @property
    def label(self) -> str:
        """In the interface language: "USD 42 miliar" on an Indonesian page."""
        return fact_label(self.fact)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.fact.kind, self.fact.kind))

    @property
    def url(self) -> str:
        """The name register's page for a name (its slug is stored with the fact)."""
        return reverse("articles:name-detail", args=[self.fact.slug]) if self.fact.slug else ""

    @property
    def first_row(self) -> int | None:
        return next((cell.row for cell in self.cells if cell.row), None)


def panel_lines(
    facts: Sequence[Fact],
    columns: Sequence[Article],
    rows: dict[tuple[int, int], int],
    selected: str | None,
) -> list[PanelLine]:
    """Facts carried by at least one shown column; partial ones (the differences) first,
    each group in the order the facts came (the comparison orders them by kind)."""
    lines = []
    for fact in facts:
        cells = [_cell(fact, column, rows) for column in columns]
        carried = sum(1 for cell in cells if cell.mentions)
        if carried:
            lines.append(PanelLine(fact, cells, carried < len(columns), fact.key == selected))
    return sorted(lines, key=lambda line: not line.partial)


def _cell(fact: Fact, column: Article, rows: dict[tuple[int, int], int]) -> PanelCell:
    mentions = fact.occurrences.get(column.pk, [])
    first = rows.get((column.pk, mentions[0].paragraph)) if mentions else None
    return PanelCell(column, mentions, first)


def marks_for(facts: Sequence[Fact], selected: str | None) -> dict[tuple[int, int], list[Span]]:
    """The spans of the selected fact, keyed as the reader's rows expect."""
    marks: dict[tuple[int, int], list[Span]] = {}
    for fact in facts:
        if fact.key == selected:
            for article_id, occurrences in fact.occurrences.items():
                for where in occurrences:
                    span = (where.start, where.end)
                    marks.setdefault((article_id, where.paragraph), []).append(span)
    return marks
