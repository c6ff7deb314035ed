"""More than two columns: align every version to a pivot and merge the beads into rows.

A row maps each version key to the paragraph indices it holds in that row (an empty list
when the version says nothing there). Rows are in reading order for every version.
"""

import functools
import itertools
from collections.abc import Callable, Mapping

from .pairwise import DEFAULT_PARAMS, Bead, Params, align_paragraphs
from .register import NO_SPELLINGS

Row = dict[str, list[int]]
PairAligner = Callable[[list[str], list[str]], list[Bead]]


def align_versions(
    versions: Mapping[str, list[str]],
    *,
    pivot: str,
    spellings: Mapping[str, str] | None = None,
    params: Params = DEFAULT_PARAMS,
    aligner: PairAligner | None = None,
) -> list[Row]:
    """Rows covering every paragraph of every version exactly once, in order.

    `aligner` replaces ``align_paragraphs`` for the pairwise step (the benchmark passes the
    gold, to measure what merging into rows costs on its own).
    """
    if pivot not in versions:
        raise ValueError(f"The pivot {pivot!r} is not one of the versions.")
    align = aligner or functools.partial(
        align_paragraphs, spellings=NO_SPELLINGS if spellings is None else spellings, params=params
    )
    others = [key for key in versions if key != pivot]
    beads = {key: align(versions[pivot], versions[key]) for key in others}
    segments = _segments(len(versions[pivot]), beads.values())
    placed = {key: _place(beads[key], segments) for key in others}
    rows: list[Row] = []
    for number in range(len(segments) + 1):
        rows += _gap_rows(versions, placed, number, align)
        if number < len(segments):
            start, end = segments[number]
            row = {key: placed[key][1].get(number, []) for key in others}
            rows.append({key: row.get(key, []) for key in versions} | {pivot: [*range(start, end)]})
    return rows


def _segments(n: int, alignments) -> list[tuple[int, int]]:
    """Pivot spans that no alignment splits: a cut stays only where every version cuts."""
    cuts = set(range(1, n))
    for beads in alignments:
        cuts &= {left[0] for left, _ in beads if left}
    bounds = [0, *sorted(cuts), n] if n else [0]
    return list(itertools.pairwise(bounds))


def _place(beads: list[Bead], segments: list[tuple[int, int]]):
    """Assign the version's paragraphs to pivot segments, or to the gaps before them.

    A paragraph with no pivot counterpart stays inside a segment when the beads on both its
    sides fall in that segment; otherwise it goes to the gap before the next segment.
    """
    segment_of = {i: s for s, (start, end) in enumerate(segments) for i in range(start, end)}
    in_segment: dict[int, list[int]] = {}
    in_gap: dict[int, list[int]] = {}
    pending: list[int] = []
    previous = None
    for left, right in beads:
        if not left:
            pending += right
            continue
        segment = segment_of[left[0]]
        target = in_segment if previous == segment else in_gap
        target.setdefault(segment, []).extend(pending)
        in_segment.setdefault(segment, []).extend(right)
        pending, previous = [], segment
    in_gap.setdefault(len(segments), []).extend(pending)
    return in_gap, in_segment


def _gap_rows(versions, placed, number, align: PairAligner) -> list[Row]:
    """Rows for paragraphs that only versions other than the pivot carry, at one place."""
    gap = {key: gaps.get(number, []) for key, (gaps, _) in placed.items()}
    gap = {key: indices for key, indices in gap.items() if indices}
    if not gap:
        return []
    if len(gap) == 1:
        ((key, indices),) = gap.items()
        return [{k: [i] if k == key else [] for k in versions} for i in indices]
    texts = {key: [versions[key][i] for i in indices] for key, indices in gap.items()}
    sub_pivot = max(texts, key=lambda key: sum(map(len, texts[key])))
    rows: list[Row] = []
    for sub_row in align_versions(texts, pivot=sub_pivot, aligner=align):
        row: Row = {key: [] for key in versions}
        for key, positions in sub_row.items():
            row[key] = [gap[key][p] for p in positions]
        rows.append(row)
    return rows


def check_rows(rows: list[Row], sizes: Mapping[str, int]) -> None:
    """Raise ValueError unless every paragraph of every version is in the rows once, in order."""
    for key, size in sizes.items():
        seen = [i for row in rows for i in row.get(key, [])]
        if seen != list(range(size)):
            raise ValueError(
                f"Version {key}: the rows must hold paragraphs 1 to {size} once each, in order."
            )
    for number, row in enumerate(rows, 1):
        if unknown := set(row) - set(sizes):
            raise ValueError(f"Row {number} names unknown versions: {sorted(unknown)}.")
        if not any(row.values()):
            raise ValueError(f"Row {number} is empty.")
