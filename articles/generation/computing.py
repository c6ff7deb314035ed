"""Working out what each article stores beside its text, optionally in worker processes.

An article's hash and search text come from `compute_text` and its name links from
`count_names`, exactly as the importer and `link_article_names` make them. Counting names is
most of the generator's own CPU time, so with `jobs` > 1 forked workers do it for the next
batches while this process writes the current one to the database.
"""

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from articles.models import Article
from articles.names.linking import count_names
from articles.names.matching import NameMatcher
from articles.text import ComputedText, compute_text

from .plan import EventPlan, VersionPlan

Batch = list[tuple[EventPlan, VersionPlan]]
AHEAD = 2  # batches computed ahead per worker: enough to keep them busy, little memory

_matcher: NameMatcher | None = None  # set in the parent before workers fork


@dataclass(frozen=True)
class Computed:
    text: ComputedText
    names: tuple[tuple[int, int], ...]  # (entry id, mentions), by entry id


def compute_version(version: VersionPlan) -> Computed:
    text = compute_text(version.title, version.body)
    article = Article(title=text.title, body=text.body, language_id=version.language)
    return Computed(text, tuple(sorted(count_names(article, matcher=_matcher).items())))


def _compute_batch(batch: Batch) -> tuple[Batch, list[Computed]]:
    return batch, [compute_version(version) for _, version in batch]


def computed_batches(
    batches: Iterable[Batch], *, matcher: NameMatcher, jobs: int
) -> Iterator[tuple[Batch, list[Computed]]]:
    """Each batch with its computed values, in order; `jobs` > 1 computes in workers."""
    global _matcher
    _matcher = matcher
    if jobs == 1:
        yield from map(_compute_batch, batches)
        return
    # Forked, the workers inherit Django's set-up and the matcher; they never use the database.
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.apply_async(_compute_batch, (batch,)))
            if len(pending) >= jobs * AHEAD:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
