"""One call for write paths: refresh what is derived from an article's text.

The importer and the admin call `refresh_derived(article)` after saving an article (and pass
the event it left when an editor moved it), so name links and comparison panels never wait for
a page view.
"""

from django.db import transaction

from .comparison import refresh_event_comparison
from .models import Article, Event
from .names.linking import link_article_names


def refresh_derived(article: Article, *, previous_event_id: int | None = None) -> None:
    link_article_names(article)
    event_ids = {article.event_id, previous_event_id} - {None}

    def refresh_comparisons() -> None:
        # After commit: the comparison must see the saved rows, and a rolled-back import
        # must not leave a comparison of articles that do not exist.
        for event_id in event_ids:
            refresh_event_comparison(Event(pk=event_id))

    transaction.on_commit(refresh_comparisons)
