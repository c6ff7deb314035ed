from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """One fact as it stands in a paragraph: `start`/`end` index the paragraph's text."""

    kind: str
    key: str
    label: str
    start: int
    end: int
    # Dates: the year when the text gives one; a date without it matches any year.
    year: int | None = None
