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

from articles.facts.stated import StatedDate, days_apart

KIND_WEIGHTS = {"n": 1.0, "b": 1.5, "#": 1.0, "d": 1.5, "w": 0.05}
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
    df, bound = _document_frequencies(nodes)
    n = len(nodes)
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


def _document_frequencies(nodes: list[Node]) -> tuple[Counter, set[str]]:
    """How many texts hold each feature, and the features several texts hold but only in
    one language (left out of cross-language norms)."""
    df: Counter = Counter()
    languages: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        df.update(node.features.keys())
        for feature in node.features:
            languages[feature].add(node.language)
    bound = {
        f for f, langs in languages.items() if df[f] > 1 and len(langs) == 1 and "" not in langs
    }
    return df, bound


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
    if a.start is None or b.start is None:  # only dated texts can be dated apart
        return False
    ends_a = [a.start, a.end or a.start]
    ends_b = [b.start, b.end or b.start]
    if _within(a.start, b.start, ends_b[1]) or _within(b.start, a.start, ends_a[1]):
        return False
    gap = min(days_apart(x, y) for x in ends_a for y in ends_b)
    return gap > DATE_TOLERANCE_DAYS


def _within(day: StatedDate, start: StatedDate, end: StatedDate) -> bool:
    on_day, on_start, on_end = day.on(), start.on(), end.on()
    if start == end or on_day is None or on_start is None or on_end is None:
        return False
    return on_start <= on_day <= on_end


def agglomerate(
    sim: np.ndarray,
    veto: np.ndarray,
    groups: list[list[int]],
    threshold: float,
    attach_threshold: float | None = None,
) -> tuple[list[list[int]], list[float]]:
    """Merge the most similar pair of groups (mean pairwise similarity) until none reaches
    `threshold`; never merge groups that hold a vetoed pair. A lone text may join a group of
    two or more on weaker evidence, `attach_threshold`. Returns the groups and, for each, the
    similarity at which its last merge happened (0.0 for groups never merged)."""
    count = len(groups)
    sums, blocked, sizes = _group_matrices(sim, veto, groups)
    bars = (threshold, threshold if attach_threshold is None else attach_threshold)
    # Only the merged group's row and column change after a merge: keep the eligible means.
    eligible = np.full((count, count), -np.inf)
    for row in range(count):
        _refresh(eligible, row, sums, sizes, blocked, bars)
    scores = [0.0] * count
    merged = [list(nodes) for nodes in groups]
    while True:
        a, b = (int(i) for i in np.unravel_index(int(np.argmax(eligible)), eligible.shape))
        if not np.isfinite(eligible[a, b]):
            break
        scores[a] = float(eligible[a, b])
        merged[a].extend(merged[b])
        merged[b] = []
        _merge_rows(a, b, sums, sizes, blocked, eligible)
        _refresh(eligible, a, sums, sizes, blocked, bars)
    kept = [i for i in range(count) if merged[i]]
    return [merged[i] for i in kept], [scores[i] for i in kept]


def _group_matrices(
    sim: np.ndarray, veto: np.ndarray, groups: list[list[int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Summed similarity and veto between every two groups, and each group's size."""
    member = np.zeros((len(groups), sim.shape[0]), dtype=np.float64)
    for index, nodes in enumerate(groups):
        member[index, nodes] = 1.0
    sums = member @ sim @ member.T
    blocked = (member @ veto.astype(np.float64) @ member.T) > 0
    np.fill_diagonal(blocked, True)
    return sums, blocked, member.sum(axis=1)


def _merge_rows(
    a: int,
    b: int,
    sums: np.ndarray,
    sizes: np.ndarray,
    blocked: np.ndarray,
    eligible: np.ndarray,
) -> None:
    """Group `a` takes in group `b`, which is then closed to every merge."""
    sums[a, :] += sums[b, :]
    sums[:, a] = sums[a, :]
    sizes[a] += sizes[b]
    blocked[a, :] |= blocked[b, :]
    blocked[:, a] = blocked[a, :]
    blocked[b, :] = blocked[:, b] = True
    eligible[b, :] = eligible[:, b] = -np.inf


def _refresh(
    eligible: np.ndarray,
    row: int,
    sums: np.ndarray,
    sizes: np.ndarray,
    blocked: np.ndarray,
    bars: tuple[float, float],
) -> None:
    mean = sums[row] / (sizes[row] * sizes)
    lone_joins_group = (sizes[row] == 1) != (sizes == 1)
    bar = np.where(lone_joins_group, bars[1], bars[0])
    values = np.where(~blocked[row] & (mean >= bar), mean, -np.inf)
    eligible[row, :] = values
    eligible[:, row] = values
