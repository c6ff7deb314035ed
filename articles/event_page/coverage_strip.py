"""The coverage strip: which outlet covered an event in which language on which day.

Articles whose source gives no date go in a separate "date unknown" group: they are never
placed on a guessed day.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from articles.models import Article


@dataclass(frozen=True)
class StripDay:
    day: date | None
    articles: list[Article]
    # Days with no coverage between the previous shown day and this one.
    gap_before: int = 0
    event_day: bool = False


def coverage_strip(versions: Sequence[Article], event_date: date | None) -> list[StripDay]:
    """Days in order (the event's own day always shown), then the undated articles."""
    dated: dict[date, list[Article]] = {}
    if event_date:
        dated[event_date] = []
    for article in versions:
        if article.published_on:
            dated.setdefault(article.published_on, []).append(article)
    strip, previous = [], None
    for day in sorted(dated):
        gap = (day - previous).days - 1 if previous else 0
        strip.append(StripDay(day, dated[day], gap_before=gap, event_day=day == event_date))
        previous = day
    undated = [article for article in versions if not article.published_on]
    if undated:
        strip.append(StripDay(None, undated))
    return strip
