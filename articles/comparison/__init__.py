"""What each version of an event states: names, numbers and dates, keyed so that equal facts
compare equal across languages, with where each stands in each version. Which versions carry
a fact is worked out for the versions a page shows (`articles.event_page.facts_panel`)."""

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
