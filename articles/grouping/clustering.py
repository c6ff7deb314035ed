"""Similarity of texts from their evidence, and average-linkage clustering with vetoes.

Two texts are alike when they share rare names, numbers and dates (IDF over the batch, so a
name every text mentions counts for little). Two texts whose happenings are dated more than a
day apart never join, however much else they share: that is what keeps two meetings of the
same people apart.
"""

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .dates import StatedDate, days_apart

KIND_WEIGHTS = {"n": 1.0, "b": 1.5, "#": 1.0, "d": 1.5, "w": 0.15}
# Reports of one happening may be dated a day apart (time zones, "yesterday").
DATE_TOLERANCE_DAYS = 1


@dataclass
class Node:
    features: Counter
    start: StatedDate | None = None
    end: StatedDate | None = None
    event: str | None = None


def similarity(nodes: list[Node]) -> np.ndarray:
    """Cosine similarity of IDF-weighted, log-scaled feature bags."""
    df: Counter = Counter()
    for node in nodes:
        df.update(node.features.keys())
    n = len(nodes)
    shared = [f for f, count in df.items() if count > 1]
    column = {f: i for i, f in enumerate(shared)}
    matrix = np.zeros((n, len(shared)), dtype=np.float32)
    norms = np.zeros(n, dtype=np.float32)
    for row, node in enumerate(nodes):
        total = 0.0
        for feature, tf in node.features.items():
            weight = _weight(feature, tf, df[feature], n)
            total += weight * weight
            if feature in column:
                matrix[row, column[feature]] = weight
        norms[row] = math.sqrt(total) or 1.0
    matrix /= norms[:, None]
    return matrix @ matrix.T


def _weight(feature: str, tf: int, df: int, n: int) -> float:
    idf = math.log((n + 1) / df)
    return KIND_WEIGHTS[feature[0]] * (1 + math.log(tf)) * idf


def vetoes(nodes: list[Node]) -> np.ndarray:
    n = len(nodes)
    veto = np.zeros((n, n), dtype=bool)
    dated = [i for i, node in enumerate(nodes) if node.start is not None]
    for a_pos, a in enumerate(dated):
        for b in dated[a_pos + 1 :]:
            if _dated_apart(nodes[a], nodes[b]):
                veto[a, b] = veto[b, a] = True
    events = [i for i, node in enumerate(nodes) if node.event is not None]
    for a in events:
        for b in events:
            if nodes[a].event != nodes[b].event:
                veto[a, b] = True
    return veto


def _dated_apart(a: Node, b: Node) -> bool:
    # Apart when every day of one span is more than the tolerance away from every day of the
    # other; a span's two ends suffice for that test.
    ends_a = [a.start, a.end or a.start]
    ends_b = [b.start, b.end or b.start]
    if _within(a.start, b.start, ends_b[1]) or _within(b.start, a.start, ends_a[1]):
        return False
    gap = min(days_apart(x, y) for x in ends_a for y in ends_b)
    return gap > DATE_TOLERANCE_DAYS


def _within(day: StatedDate, start: StatedDate, end: StatedDate) -> bool:
    if start == end or None in (day.year, start.year, end.year):
        return False
    return start.on() <= day.on() <= end.on()


def agglomerate(
    sim: np.ndarray, veto: np.ndarray, groups: list[list[int]], threshold: float
) -> tuple[list[list[int]], list[float]]:
    """Merge the most similar pair of groups (mean pairwise similarity) until none reaches
    `threshold`; never merge groups that hold a vetoed pair. Returns the groups and, for each,
    the similarity at which its last merge happened (0.0 for groups never merged)."""
    count = len(groups)
    member = np.zeros((count, sim.shape[0]), dtype=np.float64)
    for index, nodes in enumerate(groups):
        member[index, nodes] = 1.0
    sums = member @ sim @ member.T
    blocked = (member @ veto.astype(np.float64) @ member.T) > 0
    sizes = member.sum(axis=1)
    active = np.ones(count, dtype=bool)
    scores = [0.0] * count
    merged = [list(nodes) for nodes in groups]
    while True:
        mean = sums / np.outer(sizes, sizes)
        usable = np.triu(np.outer(active, active), k=1) & ~blocked
        mean = np.where(usable, mean, -np.inf)
        a, b = np.unravel_index(int(np.argmax(mean)), mean.shape)
        if mean[a, b] < threshold:
            break
        scores[a] = float(mean[a, b])
        merged[a].extend(merged[b])
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sizes[a] += sizes[b]
        blocked[a, :] |= blocked[b, :]
        blocked[:, a] |= blocked[:, b]
        active[b] = False
    return [merged[i] for i in range(count) if active[i]], [
        scores[i] for i in range(count) if active[i]
    ]
