"""Everything the event page shows, assembled from the alignment, the comparison and the strip.

The view only parses the request; this module decides what the reader holds.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .alignment.store import stored_rows
from .comparison import comparison_for
from .coverage import StripDay, coverage_strip
from .models import Article, Event, Language
from .panel import PanelLine, marks_for, panel_lines, row_of
from .reader import Reader, RowIndexes, build_reader, reader_query


@dataclass(frozen=True)
class EventPage:
    reader: Reader
    facts: list[PanelLine]
    strip: list[StripDay]
    lang_query: str

    @property
    def columns(self) -> list[Article]:
        return self.reader.columns

    @property
    def differences(self) -> int:
        """How many facts only some of the shown versions carry."""
        return sum(1 for line in self.facts if line.partial)


def aligned_rows(event: Event, versions: Sequence[Article]) -> RowIndexes:
    """The stored alignment of the event's versions, as rows of paragraph indexes per version.

    Asked for every column, so each row keeps the number it has with all languages shown.
    """
    return stored_rows(event, list(versions))


def event_page(
    event: Event,
    versions: Sequence[Article],
    languages: Sequence[Language],
    chosen: Sequence[str],
    selected_fact: str | None = None,
) -> EventPage:
    """The reader for `versions` in the languages `chosen` (in order), with the comparison of
    the shown columns and, when `selected_fact` names one, its mentions marked."""
    rows = aligned_rows(event, versions)
    facts = comparison_for(versions).facts
    reader = build_reader(
        versions, chosen, languages, rows=rows, marks=marks_for(facts, selected_fact)
    )
    lines = panel_lines(facts, reader.columns, row_of(rows, versions), selected_fact)
    return EventPage(reader, lines, coverage_strip(versions, event.date), reader_query(chosen))
