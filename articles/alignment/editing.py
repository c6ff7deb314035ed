"""Editors' corrections: rows written as text, checked, stored, and put live.

The text form has one line per row and one cell per language, in the column order of the
header; a cell lists 1-based paragraph numbers ("1, 2" or "3-4") or "-" for none:

    # id #12 | en #14
    1 | 1, 2
    2 | 3
    - | 4
"""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import AlignmentCorrection, Article, Event

from .event_alignments import current_state, refresh_event_alignment
from .many_versions import Row, check_rows


def rows_to_text(rows: list[Row], articles: list[Article]) -> str:
    lines = ["# " + " | ".join(f"{a.language_id} #{a.pk}" for a in articles)]
    for row in rows:
        cells = [_cell_text(row.get(str(a.pk), [])) for a in articles]
        lines.append(" | ".join(cells))
    return "\n".join(lines)


def _cell_text(indices: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indices) or "-"


def parse_rows_text(text: str, articles: list[Article]) -> list[Row]:
    """Rows from the text form; ValidationError names the line or column at fault."""
    rows = []
    lines = [line.strip() for line in text.splitlines()]
    for number, line in enumerate((line for line in lines if line and line[0] != "#"), 1):
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != len(articles):
            raise ValidationError(
                f"Row {number}: {len(cells)} cells, but there are {len(articles)} columns."
            )
        rows.append(
            {str(a.pk): _parse_cell(cell, number) for a, cell in zip(articles, cells, strict=True)}
        )
    sizes = {str(a.pk): len(a.paragraphs) for a in articles}
    try:
        check_rows(rows, sizes)
    except ValueError as error:
        names = {str(a.pk): f"{a.language_id} (article {a.pk})" for a in articles}
        message = str(error)
        for key, name in names.items():
            message = message.replace(f"Version {key}:", f"Column {name}:")
        raise ValidationError(message) from error
    return rows


def _parse_cell(cell: str, row: int) -> list[int]:
    if cell in {"", "-"}:
        return []
    indices: list[int] = []
    for part in cell.split(","):
        first, _, last = part.strip().partition("-")
        try:
            start, end = int(first), int(last or first)
        except ValueError:
            raise ValidationError(
                f"Row {row}: “{part.strip()}” is not a paragraph number."
            ) from None
        if start < 1 or end < start:
            raise ValidationError(f"Row {row}: “{part.strip()}” is not a valid paragraph range.")
        indices.extend(range(start - 1, end))
    return indices


@transaction.atomic
def save_correction(
    *, event: Event, rows: list[Row], edited_by: User | None = None, note: str = ""
) -> AlignmentCorrection:
    """Keep an editor's rows for the event's current articles and put them live."""
    articles = list(Article.objects.event_versions(event))
    check_rows(rows, {str(a.pk): len(a.paragraphs) for a in articles})
    _, versions, current = current_state(articles)
    correction = AlignmentCorrection.objects.filter(event=event).first() or AlignmentCorrection(
        event=event
    )
    correction.fingerprint = current
    correction.versions, correction.rows, correction.note = versions, rows, note
    correction.stale, correction.stale_reason, correction.edited_by = False, "", edited_by
    correction.full_clean()
    correction.save()
    refresh_event_alignment(event)
    return correction
