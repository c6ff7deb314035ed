"""The language versions of an event page, for `hreflang` (the page's head and the sitemap).

The reader with `?lang=<code>` shows the event in that language alone: it is the event's
page in that language. The bare URL, every language side by side, is `x-default`. Article
pages are not the versions: each is one outlet's text, and two outlets in one language would
be two pages for one `hreflang`, which it cannot say.
"""

from collections.abc import Sequence
from functools import cache

from .picker import reader_query

X_DEFAULT = "x-default"


def event_alternates(page: str, codes: Sequence[str]) -> list[tuple[str, str]]:
    """(hreflang, path with query) for each of `codes`, then `page`, the event's bare page
    (`Event.get_absolute_url`), as x-default."""
    return [(code, page + _alone(code)) for code in codes] + [(X_DEFAULT, page)]


@cache
def _alone(code: str) -> str:
    # The same for every event: the sitemap asks for it some 100,000 times a page.
    return reader_query([code])
