"""The comparison panel: each fact (name, number, date) against each shown version.

Facts come from a `facts_of(articles)` function; until the comparison module is merged the
fallback below finds only the figures written with digits, which still shows what one version
carries and another leaves out.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Article
from .reader import RowIndexes, Span

KIND_LABELS = {"name": _("name"), "number": _("number"), "date": _("date")}


@dataclass(frozen=True)
class Occurrence:
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fact:
    """The shape `articles.comparison` gives its facts (kind, key, label, occurrences)."""

    kind: str
    key: str
    label: str
    occurrences: dict[int, list[Occurrence]]  # article id -> where it stands


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
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.fact.kind, self.fact.kind))

    @property
    def first_row(self) -> int | None:
        return next((cell.row for cell in self.cells if cell.row), None)


_FIGURE = re.compile(r"\d+(?:[.,:/-]\d+)*")


def digit_facts(articles: Sequence[Article]) -> list[Fact]:
    """Fallback facts: every figure written with digits, compared as written."""
    found: dict[str, dict[int, list[Occurrence]]] = {}
    for article in articles:
        for index, text in enumerate(article.paragraphs):
            for match in _FIGURE.finditer(text):
                where = Occurrence(index, match.start(), match.end(), match.group())
                found.setdefault(match.group(), {}).setdefault(article.pk, []).append(where)
    return [Fact("number", f"number-{key}", key, where) for key, where in found.items()]


def row_of(indexes: RowIndexes, versions: Sequence[Article]) -> dict[tuple[int, int], int]:
    """(article id, paragraph index) -> row number, the inverse of the alignment rows."""
    where = {}
    for number, groups in enumerate(indexes, start=1):
        for version, paragraphs in zip(versions, groups, strict=True):
            for index in paragraphs:
                where[(version.pk, index)] = number
    return where


def panel_lines(
    facts: Sequence[Fact],
    columns: Sequence[Article],
    rows: dict[tuple[int, int], int],
    selected: str | None,
) -> list[PanelLine]:
    """Facts carried by at least one shown column; partial ones (the differences) first."""
    lines = []
    for fact in facts:
        cells = [_cell(fact, column, rows) for column in columns]
        carried = sum(1 for cell in cells if cell.mentions)
        if carried:
            partial = carried < len(columns)
            lines.append(PanelLine(fact, cells, partial, fact.key == selected))
    return sorted(lines, key=lambda line: (not line.partial, line.fact.kind, line.fact.label))


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
