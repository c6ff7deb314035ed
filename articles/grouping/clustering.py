"""Similarity of texts from their evidence, and average-linkage clustering with vetoes.

Two texts are alike when they share rare names, numbers and dates (IDF over the batch, so a
name every text mentions counts for little). Two texts whose happenings are dated more than a
day apart never join, however much else they share: that is what keeps two meetings of the
same people apart.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from .dates import StatedDate, days_apart

KIND_WEIGHTS = {"n": 1.0, "b": 1.5, "#": 1.0, "d": 1.5, "w": 0.15}
# Reports of one happening may be dated a day apart (time zones, "yesterday").
DATE_TOLERANCE_DAYS = 1
# A batch is a small sample of the news: count it as if it sat among this many other texts
# that share none of its features, so that in a batch of five a name two texts share is
# still rare evidence (without it, IDF over five texts makes every shared name look common).
IDF_BACKGROUND = 100


@dataclass
class Node:
    features: Counter
    start: StatedDate | None = None
    end: StatedDate | None = None
    event: str | None = None
    language: str = ""


def similarity(nodes: list[Node]) -> np.ndarray:
    """Cosine similarity of IDF-weighted, log-scaled feature bags.

    Across languages a text's own language cannot be shared: features that several texts
    hold but only in one language ("Komite", "Partai" in Indonesian) are left out of the
    norms when two texts in different languages are compared, so a long Indonesian text does
    not look unlike its English counterpart merely for being Indonesian."""
    df: Counter = Counter()
    languages: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        df.update(node.features.keys())
        for feature in node.features:
            languages[feature].add(node.language)
    n = len(nodes)
    bound = {
        f for f, langs in languages.items() if df[f] > 1 and len(langs) == 1 and "" not in langs
    }
    shared = [f for f, count in df.items() if count > 1]
    column = {f: i for i, f in enumerate(shared)}
    matrix = np.zeros((n, len(shared)), dtype=np.float64)
    full = np.zeros(n)
    cross = np.zeros(n)
    for row, node in enumerate(nodes):
        for feature, tf in node.features.items():
            weight = _weight(feature, tf, df[feature], n)
            full[row] += weight * weight
            if feature not in bound:
                cross[row] += weight * weight
            if feature in column:
                matrix[row, column[feature]] = weight
    dot = matrix @ matrix.T
    full = np.sqrt(full) + 1e-9
    cross = np.sqrt(cross) + 1e-9
    codes = np.array([node.language for node in nodes], dtype=object)
    same_language = (codes[:, None] == codes[None, :]) & (codes[:, None] != "")
    return np.where(same_language, dot / np.outer(full, full), dot / np.outer(cross, cross))


def _weight(feature: str, tf: int, df: int, n: int) -> float:
    idf = math.log((n + IDF_BACKGROUND) / df)
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
    sim: np.ndarray,
    veto: np.ndarray,
    groups: list[list[int]],
    threshold: float,
    attach_threshold: float | None = None,
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
        if attach_threshold is not None:
            # A lone text may join an established group (two or more texts) on weaker
            # evidence than two groups need to merge.
            lone = sizes == 1
            attach = np.outer(lone, sizes > 1) | np.outer(sizes > 1, lone)
            bar = np.where(attach, attach_threshold, threshold)
            usable &= mean >= bar
        mean = np.where(usable, mean, -np.inf)
        a, b = np.unravel_index(int(np.argmax(mean)), mean.shape)
        if not np.isfinite(mean[a, b]) or mean[a, b] < min(threshold, attach_threshold or 1):
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
