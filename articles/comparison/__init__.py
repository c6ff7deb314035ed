"""What each version of an event states: names, numbers and dates, keyed so that equal facts
compare equal across languages, with which versions carry each fact and which miss it."""

from .compute import compare_versions
from .data import Comparison, Fact, Occurrence
from .store import (
    comparison_for,
    event_versions,
    fingerprint,
    refresh_comparison,
    refresh_event_comparison,
)

__all__ = [
    "Comparison",
    "Fact",
    "Occurrence",
    "compare_versions",
    "comparison_for",
    "event_versions",
    "fingerprint",
    "refresh_comparison",
    "refresh_event_comparison",
]
