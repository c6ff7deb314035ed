"""Align the paragraphs of two versions of one story: dynamic programming over beads.

Each bead joins 0-2 paragraphs of the left version to 0-2 of the right. A bead's score adds
the Gale-Church length evidence (lengths of translations are proportional, with a ratio
measured on the pair itself), a prior for its shape, and how many cross-language anchors
(numbers, names, word stems; see ``anchors``) its two sides share.
"""

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from .anchors import Anchors, VariantMatcher, anchors_of
from .names import DEFAULT_VARIANTS

Bead = tuple[list[int], list[int]]


@dataclass(frozen=True)
class Params:
    """The aligner's knobs; the defaults were tuned on the synthetic NTREX cases, not the seeds."""

    anchor_weight: float = 8.0
    # Variance of the length difference per character (Gale and Church used 6.8 for sentences
    # of close translations; news paragraphs rewritten across languages vary more).
    length_variance: float = 20.0
    # Log prior of each bead shape, relative to 1-1.
    shape_prior: Mapping[tuple[int, int], float] = field(
        default_factory=lambda: {
            (1, 1): 0.0, (2, 1): -2.3, (1, 2): -2.3, (2, 2): -4.4, (1, 0): -4.5, (0, 1): -4.5,
        }
    )  # fmt: skip
    channel_weight: Mapping[str, float] = field(
        default_factory=lambda: {"numbers": 3.0, "names": 2.0, "stems": 0.5}
    )


DEFAULT_PARAMS = Params()


def align_paragraphs(
    left: list[str],
    right: list[str],
    *,
    variants: Mapping[str, str] | None = None,
    params: Params = DEFAULT_PARAMS,
) -> list[Bead]:
    """Beads in reading order covering every index of both sides exactly once.

    `variants` maps a spelling to a name key ("Tran Cuong" -> "chen-gang"); by default the
    built-in table in ``names``. Pass a name register's mapping to extend it.
    """
    matcher = VariantMatcher(DEFAULT_VARIANTS if variants is None else variants)
    scorer = _Scorer(
        [anchors_of(p, matcher) for p in left],
        [anchors_of(p, matcher) for p in right],
        [len(p) for p in left],
        [len(p) for p in right],
        params,
    )
    return _best_path(len(left), len(right), scorer)


def _best_path(n: int, m: int, scorer: "_Scorer") -> list[Bead]:
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj in scorer.params.shape_prior:
                if di > i or dj > j or best[i - di][j - dj] == -math.inf:
                    continue
                score = best[i - di][j - dj] + scorer.score(i - di, j - dj, di, dj)
                if score > best[i][j]:
                    best[i][j] = score
                    back[i][j] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


class _Scorer:
    def __init__(
        self,
        left: list[Anchors],
        right: list[Anchors],
        left_lengths: list[int],
        right_lengths: list[int],
        params: Params,
    ) -> None:
        self.left, self.right = left, right
        self.left_lengths, self.right_lengths = left_lengths, right_lengths
        self.params = params
        self.ratio = (sum(right_lengths) or 1) / (sum(left_lengths) or 1)
        self.idf = _idf([*left, *right])

    def score(self, i: int, j: int, di: int, dj: int) -> float:
        prior = self.params.shape_prior[(di, dj)]
        if not di or not dj:
            return prior
        a = sum(self.left[i + 1 : i + di], self.left[i])
        b = sum(self.right[j + 1 : j + dj], self.right[j])
        la = sum(self.left_lengths[i : i + di])
        lb = sum(self.right_lengths[j : j + dj])
        return prior + self._length_logp(la, lb) + self.params.anchor_weight * self._sim(a, b)

    def _length_logp(self, la: int, lb: int) -> float:
        mean = (la + lb / self.ratio) / 2 or 1.0
        delta = (lb / self.ratio - la) / math.sqrt(mean * self.params.length_variance)
        return math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))

    def _sim(self, a: Anchors, b: Anchors) -> float:
        total = weight = 0.0
        for channel, alpha in self.params.channel_weight.items():
            dice = _dice(getattr(a, channel), getattr(b, channel), self.idf[channel])
            if dice is not None:
                total += alpha * dice
                weight += alpha
        return total / weight if weight else 0.0


def _dice(a: Counter, b: Counter, idf: Mapping[str, float]) -> float | None:
    size = sum(idf[f] * c for f, c in a.items()) + sum(idf[f] * c for f, c in b.items())
    if not size:
        return None
    shared = sum(idf[f] * min(c, b[f]) for f, c in a.items() if f in b)
    return 2 * shared / size


def _idf(paragraphs: list[Anchors]) -> dict[str, dict[str, float]]:
    """Inverse paragraph frequency per channel: a name in every paragraph anchors nothing."""
    n = len(paragraphs)
    result = {}
    for channel in ("numbers", "names", "stems"):
        df: Counter = Counter()
        for anchors in paragraphs:
            df.update(set(getattr(anchors, channel)))
        result[channel] = {f: math.log((n + 1) / count) for f, count in df.items()}
    return result
