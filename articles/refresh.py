"""Refreshing what pages read about an article (name links, comparisons, alignments) after
a write, so that no page view computes them.

The importer, grouping and the admin call `refresh_for_article(article)` after saving an
article (and pass the event it left when an editor moved it), and the register's admin calls
`refresh_for_entry(entry)` after an entry or its spellings change.
"""

from collections.abc import Iterable
from typing import TextIO

from django.db import transaction

from .alignment.event_alignments import refresh_event_alignment
from .comparison import refresh_event_comparison
from .history import history_reason
from .importing.progress import ProgressBar
from .models import Article, Event, NameEntry
from .names.linking import link_article_names, relink_articles_for
from .page_cache import event_pages_changed
from .querysets import EventQuerySet


def refresh_event(event_id: int, *, realign: bool = False) -> None:
    """Store what the event's page reads, then give its cached pages a new version."""
    store_event_reads(event_id, realign=realign)
    # Last, so that the reader's cached pages change once everything they show is stored.
    event_pages_changed(event_id)


def store_event_reads(event_id: int, *, realign: bool = False) -> None:
    """Store what the event's page reads: its comparison panel and its alignment."""
    refresh_event_comparison(Event(pk=event_id))
    # An editor's correction written for other bodies is flagged stale here, in its history.
    with history_reason("refresh: the event's articles changed"):
        refresh_event_alignment(Event(pk=event_id), force=realign)


def refresh_every_event(events: EventQuerySet, *, progress: TextIO | None = None) -> int:
    """Store these events' comparisons and alignments now, after a bulk write that bypassed
    the write paths (a generated or restored archive). Returns how many were refreshed.

    Their `updated_at` is left as written (a restore gives back the same archive): their
    readers' cached pages get new versions all the same, since a page's version holds the
    time its alignment was stored.
    """
    ids = list(events.order_by("pk").values_list("pk", flat=True))
    bar = ProgressBar(len(ids), stream=progress)
    for pk in ids:
        store_event_reads(pk)
        bar.advance(f"event {pk}")
    bar.close()
    return len(ids)


def _refresh_events_on_commit(event_ids: set[int | None], *, realign: bool = False) -> None:
    def refresh() -> None:
        # After commit: the comparison and the alignment must see the saved rows, and a
        # rolled-back import must not leave either for articles that do not exist.
        for event_id in event_ids:
            if event_id is not None:
                refresh_event(event_id, realign=realign)

    transaction.on_commit(refresh)


def refresh_for_article(article: Article, *, previous_event_id: int | None = None) -> None:
    refresh_for_articles([article], previous_event_ids={previous_event_id})


def refresh_for_articles(
    articles: Iterable[Article], *, previous_event_ids: Iterable[int | None] = ()
) -> None:
    """After several articles were written together: each event they are in or left is
    refreshed once, not once per article."""
    event_ids = set(previous_event_ids)
    for article in articles:
        # Name links feed the event pages (comparison, name pages); an inbox article is
        # linked when it joins an event, which keeps bulk imports into the inbox fast.
        if article.event_id is not None:
            link_article_names(article)
        event_ids.add(article.event_id)
    _refresh_events_on_commit(event_ids)


def refresh_events(event_ids: set[int | None]) -> None:
    """After articles left or were deleted from these events, refresh what the events show."""
    _refresh_events_on_commit(event_ids)


def refresh_for_entry(entry: NameEntry) -> int:
    """Relink the articles that may mention `entry` and refresh their events' comparisons.

    Returns how many articles were relinked.
    """
    articles = relink_articles_for(entry)
    # The alignment's fingerprint covers the bodies, not the register: realign explicitly.
    _refresh_events_on_commit({article.event_id for article in articles}, realign=True)
    return len(articles)
