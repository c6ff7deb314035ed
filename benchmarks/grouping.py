"""Pairwise precision, recall and F1 of event grouping on the seeds and on NTREX-128.

Run: .venv/bin/python benchmarks/grouping.py [--sweep] > benchmarks/results/grouping.md
"""

import argparse
import itertools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings_test")

import django

django.setup()

from articles.grouping import THRESHOLD, score_groups  # noqa: E402
from benchmarks.corpora import ntrex_items, seed_items  # noqa: E402


def pairwise(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    keys = sorted(truth)
    same_pred = {(a, b) for a, b in itertools.combinations(keys, 2) if predicted[a] == predicted[b]}
    same_true = {(a, b) for a, b in itertools.combinations(keys, 2) if truth[a] == truth[b]}
    hits = len(same_pred & same_true)
    precision = hits / len(same_pred) if same_pred else 1.0
    recall = hits / len(same_true) if same_true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def measure(name: str, load: Callable, threshold: float) -> dict:
    items, truth = load()
    started = time.perf_counter()
    proposals = score_groups(items, events=[], threshold=threshold)
    seconds = time.perf_counter() - started
    labels = {key: p.label for key, p in proposals.items()}
    precision, recall, f1 = pairwise(labels, truth)
    return {
        "name": name, "items": len(items), "events": len(set(truth.values())),
        "groups": len(set(labels.values())), "precision": precision, "recall": recall,
        "f1": f1, "seconds": seconds, "labels": labels,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", action="store_true", help="also try other thresholds")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args()
    corpora = [
        ("seeds", seed_items),
        ("NTREX-128, truth: each document", ntrex_items),
        ("NTREX-128, truth: each happening", lambda: ntrex_items(adjudicated=True)),
    ]
    print("# Grouping benchmark\n")
    print(f"`benchmarks/grouping.py`, threshold {args.threshold}, existing events: none.\n")
    print("| corpus | items | true events | groups | precision | recall | F1 | time (s) |")
    print("|---|---|---|---|---|---|---|---|")
    results = [measure(name, load, args.threshold) for name, load in corpora]
    for r in results:
        print(
            f"| {r['name']} | {r['items']} | {r['events']} | {r['groups']} | "
            f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['seconds']:.2f} |"
        )
    seeds = results[0]["labels"]
    print("\nSeed groups: " + ", ".join(f"{Path(k).name[:3]} -> {v}" for k, v in seeds.items()))
    if args.sweep:
        print("\n## Threshold sweep\n")
        print("| threshold | seeds F1 | NTREX P | R | F1 | by happening: P | R | F1 |")
        print("|---|---|---|---|---|---|---|---|")
        for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
            s, n, h = (measure(name, load, threshold) for name, load in corpora)
            print(
                f"| {threshold:.2f} | {s['f1']:.3f} | {n['precision']:.3f} | "
                f"{n['recall']:.3f} | {n['f1']:.3f} | {h['precision']:.3f} | "
                f"{h['recall']:.3f} | {h['f1']:.3f} |"
            )


if __name__ == "__main__":
    main()
