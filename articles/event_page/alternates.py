"""The language versions of an event page, for `hreflang` (the page's head and the sitemap).

The reader with `?lang=<code>` shows the event in that language alone: it is the event's
page in that language. The bare URL, every language side by side, is `x-default`. Article
pages are not the versions: each is one outlet's text, and two outlets in one language would
be two pages for one `hreflang`, which it cannot say.
"""

from collections.abc import Sequence

from articles.models import Event

from .picker import reader_query

X_DEFAULT = "x-default"


def event_alternates(event: Event, codes: Sequence[str]) -> list[tuple[str, str]]:
    """(hreflang, path with query) for each of `codes`, then the bare page as x-default."""
    page = event.get_absolute_url()
    return [(code, page + reader_query([code])) for code in codes] + [(X_DEFAULT, page)]
