"""Public pages served to anonymous readers from Django's cache (CACHE_URL), keyed by the
version of the content they show, so a write shows on the very next view and nothing ever
needs invalidating or expiring.

A stored page is answered by `PageCacheMiddleware` (middleware.py) before most of the
middleware runs; a miss renders through the `cached_page` view decorator (serving.py).

Two kinds of version, each read in one query before the page is rendered (read first, so a
page can be stored under an older version than its content, never under a newer one):

- An event's reader: the event's own row and its articles (`updated_at` of each, how many,
  how many published), its stored alignment's `computed_at`, and the vocabulary stamp below.
  Writes to other events leave it alone. `articles.refresh.refresh_event`, which every write
  path calls after commit once the event's comparison and alignment are stored, ends by
  touching the event's `updated_at` (`event_pages_changed`): register edits, alignment
  recomputations and moves between events all change the reader's version through it, and
  a page stored between a write and its refresh is left behind. Each worker keeps the
  versions it read, under the archive stamp and the alignment's time they were read with,
  and reads only those two while they stay the same (versions.py says why that is enough).
- Everything else (the home page, the event and article lists, outlet, name and article
  pages): the archive stamp, one row of `ContentVersion`.

Both stamps are changed by database triggers (migration 0014_content_versions_pagecache), in
the transaction that writes, on every INSERT, UPDATE and DELETE (and TRUNCATE on
PostgreSQL) of:

- articles, article images, captures, events and name links: the archive stamp;
- outlets, languages, name entries and their variants: the archive stamp, and on UPDATE or
  DELETE also the vocabulary stamp (an event's reader shows their names; a new row cannot
  change a reader page until an article points at it, which changes that article).

So the admin, the importer's bulk_create, generate_archive, queryset.update(), cascades of a
deleted event and a status change from draft to published all change them, with no code of
their own. On PostgreSQL the triggers run once per statement; on SQLite once per row.

An event's reader is keyed by its rows, not by a trigger: a queryset.update() of an article's
or an event's text that leaves `updated_at` alone (and calls no refresh) changes the archive
stamp but not the reader's version, which keeps the page it stored. Every write path in the
archive saves or sets `updated_at` and refreshes; code that updates rows in bulk must too.

The price of correctness: a writing transaction holds the stamp's row from its first write
to its commit, so concurrent writers queue there (the importer writes one file per
transaction, so an editor waits at most that long). Two transactions that also wait on each
other's rows can deadlock; PostgreSQL then fails one of them, which must be run again.
"""

from .serving import cached_page
from .versions import archive_version, event_pages_changed, event_version

__all__ = ["archive_version", "cached_page", "event_pages_changed", "event_version"]
