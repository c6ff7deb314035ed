"""What each version of an event states: names, numbers and dates, keyed so that equal facts
compare equal across languages, with which versions carry each fact and which miss it."""

from .caching import comparison_for, fingerprint, refresh_comparison, refresh_event_comparison
from .compute import compare_versions
from .shape import Comparison, Fact, Occurrence

__all__ = [
    "Comparison",
    "Fact",
    "Occurrence",
    "compare_versions",
    "comparison_for",
    "fingerprint",
    "refresh_comparison",
    "refresh_event_comparison",
]
