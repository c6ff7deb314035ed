"""Everything the event page shows, assembled from the alignment, the comparison and the strip.

The view only parses the request; this module decides what the page holds.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from articles.alignment.event_alignments import RowIndexes, stored_rows, unstored_rows
from articles.comparison import compare_versions, comparison_for
from articles.models import Article, Event, Language

from .coverage_strip import StripDay, coverage_strip
from .facts_panel import PanelLine, marks_for, panel_lines
from .picker import PickerItem, picker, reader_query
from .rows import PageRow, Span, build_rows, row_of


@dataclass
class SideBySide:
    """The versions shown as columns, in the chosen order, and the aligned rows between them."""

    columns: list[Article]
    rows: list[PageRow]
    picker: list[PickerItem] = field(default_factory=list)


@dataclass(frozen=True)
class EventPage:
    side_by_side: SideBySide
    facts: list[PanelLine]
    strip: list[StripDay]
    lang_query: str

    @property
    def differences(self) -> int:
        """How many facts only some of the shown versions carry."""
        return sum(1 for line in self.facts if line.partial)


def build_side_by_side(
    versions: Sequence[Article],
    chosen: Sequence[str],
    languages: Sequence[Language],
    *,
    indexes: RowIndexes,
    marks: dict[tuple[int, int], list[Span]] | None = None,
) -> SideBySide:
    """The columns of `versions` in the languages `chosen`, in that order.

    `indexes` is the stored alignment of all `versions`, asked for every column so that each
    row keeps the number it has with all languages shown.
    """
    columns = [a for code in chosen for a in versions if a.language_id == code]
    return SideBySide(
        columns=columns,
        rows=build_rows(versions, columns, indexes, marks),
        picker=picker(languages, chosen),
    )


def event_page(
    event: Event,
    versions: Sequence[Article],
    languages: Sequence[Language],
    chosen: Sequence[str],
    selected_fact: str | None = None,
    *,
    drafts: bool = False,
) -> EventPage:
    """The page for `versions` in the languages `chosen` (in order), with the comparison of
    the shown columns and, when `selected_fact` names one, its mentions marked.

    `drafts`: `versions` include draft articles (an editor's preview). The alignment and the
    comparison stored for the event cover its published versions only, so both are computed
    for this view and stored nowhere."""
    if drafts:
        indexes, facts = unstored_rows(list(versions)), compare_versions(versions).facts
    else:
        indexes, facts = stored_rows(event, list(versions)), comparison_for(versions).facts
    side_by_side = build_side_by_side(
        versions, chosen, languages, indexes=indexes, marks=marks_for(facts, selected_fact)
    )
    lines = panel_lines(facts, side_by_side.columns, row_of(indexes, versions), selected_fact)
    return EventPage(
        side_by_side, lines, coverage_strip(versions, event.date), reader_query(chosen)
    )
