"""Compute, cache and read event alignments. Pages only read; writes call the refresh.

Write paths (the importer, the admin, grouping) reach ``refresh_event_alignment(event)``
through ``articles.refresh`` after they change an article's body, language, status or event;
a change to the name register realigns the events that mention the entry (forced, since the
fingerprint covers bodies, not spellings). ``align_events --force`` recomputes them all. It
is explicit rather than a post-save signal so that a bulk import aligns each event once,
after commit, and so a test can see when alignment happens.
"""

import logging

from django.db import transaction

from articles.models import AlignmentCorrection, Article, Event, EventAlignment
from articles.text import sha256_hex

from .many_versions import Row, align_versions
from .register import register_spellings

logger = logging.getLogger(__name__)

# One aligned group per row: its stable number and, for each version (in the order given),
# the indexes of its paragraphs in that row.
RowIndexes = list[tuple[int, list[list[int]]]]

# Bump when the aligner changes, so stored rows are recomputed by `align_events`.
ALGORITHM = "anchors-gc-1"


def pivot_of(articles: list[Article]) -> Article | None:
    """The original when the others say they translate it, else the longest version."""
    ids = {a.pk for a in articles}
    originals = [a for a in articles if any(b.translation_of_id == a.pk for b in articles)]
    originals = [a for a in originals if a.translation_of_id not in ids] or originals
    if originals:
        return originals[0]
    return max(articles, key=lambda a: len(a.body), default=None)


def versions_of(articles: list[Article]) -> list[dict]:
    return [{"id": a.pk, "language": a.language_id, "body_sha256": a.body_sha256} for a in articles]


def fingerprint(versions: list[dict], pivot_id: int | None) -> str:
    parts = sorted(f"{v['id']}:{v['language']}:{v['body_sha256']}" for v in versions)
    return sha256_hex(f"pivot={pivot_id}\n" + "\n".join(parts))


def current_state(articles: list[Article]) -> tuple[Article | None, list[dict], str]:
    """The pivot, the versions and their fingerprint for the event's current articles."""
    pivot = pivot_of(articles)
    versions = versions_of(articles)
    return pivot, versions, fingerprint(versions, pivot.pk if pivot else None)


@transaction.atomic
def refresh_event_alignment(event: Event, *, force: bool = False) -> EventAlignment:
    """Bring the event's stored rows up to date with its articles; cheap when nothing changed."""
    # Two writers refreshing one event would race to create its row: take turns.
    Event.objects.select_for_update().filter(pk=event.pk).exists()
    articles = list(Article.objects.event_versions(event))
    pivot, versions, current = current_state(articles)
    correction = _check_correction(event, current, versions)
    stored = EventAlignment.objects.filter(event=event).first()
    source = EventAlignment.Source.CORRECTED if correction else EventAlignment.Source.COMPUTED
    if (
        stored is not None
        and not force
        and stored.fingerprint == current
        and stored.algorithm == ALGORITHM
        and stored.source == source
        and (correction is None or stored.rows == correction.rows)
    ):
        return stored
    rows = correction.rows if correction else _compute(articles, pivot)
    alignment = stored or EventAlignment(event=event)
    alignment.fingerprint, alignment.algorithm, alignment.pivot = current, ALGORITHM, pivot
    alignment.versions, alignment.rows, alignment.source = versions, rows, source
    alignment.full_clean()
    alignment.save()
    return alignment


def _compute(articles: list[Article], pivot: Article | None) -> list[Row]:
    if pivot is None:
        return []
    texts = {str(a.pk): a.paragraphs for a in articles}
    return align_versions(texts, pivot=str(pivot.pk), spellings=register_spellings())


def _check_correction(
    event: Event, current: str, versions: list[dict]
) -> AlignmentCorrection | None:
    """The correction to apply, if it was written for the current bodies; else flag it stale."""
    correction = AlignmentCorrection.objects.filter(event=event).first()
    if correction is None:
        return None
    if correction.fingerprint == current:
        if correction.stale:
            correction.stale, correction.stale_reason = False, ""
            correction.save(update_fields=["stale", "stale_reason", "updated_at"])
        return correction
    if not correction.stale:
        correction.stale = True
        correction.stale_reason = _what_changed(correction.versions, versions)
        correction.save(update_fields=["stale", "stale_reason", "updated_at"])
    return None


def _what_changed(then_versions: list[dict], now_versions: list[dict]) -> str:
    now = {v["id"]: v for v in now_versions}
    then = {v["id"]: v for v in then_versions}
    changed = [str(i) for i in then if i in now and now[i]["body_sha256"] != then[i]["body_sha256"]]
    gone = [str(i) for i in then if i not in now]
    added = [str(i) for i in now if i not in then]
    parts = []
    for label, ids in (("body changed", changed), ("left", gone), ("joined", added)):
        if ids:
            parts.append(f"{label}: article {', '.join(ids)}")
    return "; ".join(parts) or "the pivot changed"


def stored_rows(event: Event, versions: list[Article]) -> RowIndexes:
    """The stored rows as (number, paragraph indexes per version, in `versions` order).

    One query: `versions` are the event's published articles the caller already holds. The
    write paths keep the alignment current; if one was missed (its versions or their bodies
    differ), this computes it now and says so.
    """
    alignment = EventAlignment.objects.filter(event=event).first()
    held = {(v.pk, v.language_id, v.body_sha256) for v in versions}
    if (
        alignment is None
        or alignment.algorithm != ALGORITHM
        or held != {(v["id"], v["language"], v["body_sha256"]) for v in alignment.versions}
    ):
        logger.warning("Alignment of event %s was not current; computing it on read.", event.pk)
        alignment = refresh_event_alignment(event)
    return _indexes(alignment.rows, versions)


def unstored_rows(versions: list[Article]) -> RowIndexes:
    """The rows of `versions` computed now and kept nowhere: for an editor's preview of an
    event with its drafts, which must not replace the stored rows of its published versions."""
    return _indexes(_compute(versions, pivot_of(versions)), versions)


def _indexes(rows: list[Row], versions: list[Article]) -> RowIndexes:
    return [
        (number, [row.get(str(v.pk), []) for v in versions]) for number, row in enumerate(rows, 1)
    ]
