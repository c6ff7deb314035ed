"""Grouping articles into events: which captures report the same happening.

`propose_groups` reads a batch of texts (any mix of languages) and proposes, for each, an
existing event or a new one shared with the other texts about the same happening.
`apply_proposals` writes such proposals: it creates the new events and assigns the articles.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from articles.languages.spellings import Spellings
from articles.models import Event
from articles.names.queries import spelling_owners

from .clustering import Node, agglomerate, similarity, vetoes
from .events import apply_proposals, candidate_events, event_nodes
from .evidence import gather

__all__ = [
    "THRESHOLD",
    "GroupingItem",
    "Proposal",
    "apply_proposals",
    "propose_groups",
    "score_groups",
]

# Mean similarity at which two groups are taken to report one happening, and the lower bar
# for a lone text joining a group of two or more (benchmarks/results/grouping.md shows how
# they were chosen).
THRESHOLD = 0.45
ATTACH_THRESHOLD = 0.25


@dataclass(frozen=True)
class GroupingItem:
    key: str  # a file path or "article:<pk>"
    title: str
    paragraphs: list[str]
    language: str  # code: id, en, sv, vi, ...
    published_on: date | None
    article_id: int | None = None


@dataclass(frozen=True)
class Proposal:
    label: str  # an existing event's slug, or "new-1", "new-2", ...
    score: float  # the similarity at which the group last grew; 0.0 for a text left alone


def propose_groups(
    items: Sequence[GroupingItem], *, events: Iterable[Event] | None = None
) -> dict[str, str]:
    """key -> an existing event's slug (when it covers the same happening), or "new-1",
    "new-2", ... shared by items about the same new happening."""
    return {key: proposal.label for key, proposal in score_groups(items, events=events).items()}


def score_groups(
    items: Sequence[GroupingItem],
    *,
    events: Iterable[Event] | None = None,
    threshold: float = THRESHOLD,
    attach_threshold: float | None = ATTACH_THRESHOLD,
) -> dict[str, Proposal]:
    """Like `propose_groups`, with how strongly each group holds together.

    `events=None` compares with the archive's events near the items' dates; pass `[]` to
    group the items among themselves only."""
    if not items:
        return {}
    table = register_spellings()
    nodes = [_item_node(item, table) for item in items]
    chosen: Iterable[Event]
    if events is None:
        chosen = candidate_events(items, [node.start for node in nodes])
    else:
        chosen = list(events)
    groups = [[i] for i in range(len(nodes))]
    for _slug, members in event_nodes(chosen, table):
        groups.append(list(range(len(nodes), len(nodes) + len(members))))
        nodes.extend(members)
    clusters, scores = agglomerate(
        similarity(nodes), vetoes(nodes), groups, threshold, attach_threshold
    )
    return _label(clusters, scores, nodes, len(items), items)


def register_spellings() -> Spellings:
    """The name register's spellings (one query: read it once per grouping run).

    Only entries with two or more spellings that fold apart. An entry known in one spelling
    tells grouping nothing that folding does not, so its name stays as written, word by word:
    joined into one name it would weigh less, and two reports naming the same provinces would
    look less alike (benchmarks/results/grouping.md)."""
    owners = spelling_owners()
    spellings = Counter(owners.values())
    return Spellings({spelling: slug for spelling, slug in owners.items() if spellings[slug] > 1})


def _item_node(item: GroupingItem, table: Spellings) -> Node:
    evidence = gather(
        item.title,
        item.paragraphs,
        language=item.language,
        published_on=item.published_on,
        table=table,
    )
    return Node(
        evidence.features,
        start=evidence.happened,
        end=evidence.happened,
        language=item.language,
    )


def _label(
    clusters: list[list[int]],
    scores: list[float],
    nodes: list[Node],
    item_count: int,
    items: Sequence[GroupingItem],
) -> dict[str, Proposal]:
    proposals: dict[str, Proposal] = {}
    new_count = 0
    # Number new groups in the order their first item was given.
    for cluster, score in sorted(zip(clusters, scores, strict=True), key=lambda p: min(p[0])):
        keys = [items[i].key for i in sorted(cluster) if i < item_count]
        if not keys:
            continue
        slug = next((nodes[i].event for i in cluster if nodes[i].event), None)
        if slug is None:
            new_count += 1
            slug = f"new-{new_count}"
        for key in keys:
            proposals[key] = Proposal(slug, round(score, 4))
    return proposals
