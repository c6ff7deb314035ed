"""Test material for the aligner: the seed pairs' reading copies, their gold, synthetic cases.

Read by ``benchmarks/alignment.py`` and ``tests/test_alignment.py``. The data stays in
``../shared`` beside the project; nothing of it is copied into the repository.
"""

import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks._setup import NTREX

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = Path(__file__).resolve().parent / "gold" / "alignment_seeds.json"

_BOILERPLATE = {"sumber", "källa", "komentar (0)", "kommentar (0)"}
_TEASER = re.compile(r"^!\[.*\]\(.*\)$")
_CAPTURE_DATE = re.compile(r"^date \d{4}-\d{2}-\d{2}\s+")
_AGENCY_TAIL = re.compile(r"\s*— VNA/VNS$")


@dataclass(frozen=True)
class Case:
    kind: str
    pair: str
    left: list[str]
    right: list[str]
    gold: list[tuple[list[int], list[int]]]


def seed_paragraphs(name: str) -> list[str]:
    """A seed capture's reading copy: one paragraph per non-empty line, boilerplate removed."""
    path = next(SEEDS.glob(f"{name}_*.txt"))
    paragraphs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = _AGENCY_TAIL.sub("", _CAPTURE_DATE.sub("", line.strip()))
        if line and line.casefold() not in _BOILERPLATE and not _TEASER.match(line):
            paragraphs.append(line)
    return paragraphs


def seed_cases() -> list[Case]:
    cases = []
    for entry in json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]:
        gold = [(list(a), list(b)) for a, b in entry["beads"]]
        left, right = seed_paragraphs(entry["left"]), seed_paragraphs(entry["right"])
        cases.append(Case("real", f"{entry['left']}-{entry['right']}", left, right, gold))
    return cases


def ntrex_documents() -> dict[str, dict[str, list[str]]]:
    """doc_id -> language -> sentences (the headline first)."""
    docs: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    with NTREX.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            for lang in ("eng", "ind", "swe", "vie"):
                docs[row["doc_id"]][lang].append(row[lang])
    return docs


def synthetic_cases(kinds: list[str], pairs: list[tuple[str, str]], seed: int = 7) -> list[Case]:
    """Paragraphs built from NTREX documents, then perturbed on one side (see `_perturb`)."""
    rng = random.Random(seed)
    docs = ntrex_documents()
    doc_ids = sorted(d for d in docs if len(docs[d]["eng"]) >= 8)
    cases = []
    for kind in kinds:
        for left_lang, right_lang in pairs:
            for doc_id in rng.sample(doc_ids, 6):
                other = docs[rng.choice([d for d in doc_ids if d != doc_id])]
                case = _build(kind, docs[doc_id], other, left_lang, right_lang, rng)
                cases.append(Case(kind, f"{left_lang}-{right_lang}", *case))
    return cases


def _build(kind, doc, other, left_lang, right_lang, rng):
    sentences = list(range(1, len(doc["eng"])))  # the headline is not body text
    # A unit is one gold bead: (left paragraphs, right paragraphs), each a list of sentence ids.
    units = [([g], [g]) for g in _group(sentences, rng)]
    units = _perturb(kind, units, rng)
    left = [_paragraph(doc, other, left_lang, p) for a, _ in units for p in a]
    right = [_paragraph(doc, other, right_lang, p) for _, b in units for p in b]
    return left, right, _gold(units)


def _group(sentences: list[int], rng: random.Random) -> list[list[int]]:
    groups, i = [], 0
    while i < len(sentences):
        size = rng.choice([1, 2, 2, 3, 3, 4])
        groups.append(sentences[i : i + size])
        i += size
    return groups


def _perturb(kind: str, units, rng: random.Random):
    """Paragraphs merged, split, dropped, or a lead added, on either side; "mixed" does all."""
    steps = ["merge", "split", "drop", "lead"] if kind == "mixed" else [kind]
    for step in steps:
        for _ in range(2):
            # A lead is added on the right only: two unrelated leads facing each other on both
            # sides would be indistinguishable from a 1-1 bead.
            mirror = step != "lead" and rng.random() < 0.5
            if mirror:
                units = [(b, a) for a, b in units]
            units = _STEPS[step](units, rng)
            if mirror:
                units = [(b, a) for a, b in units]
    return units


def _plain(units) -> list[int]:
    return [k for k, (a, b) in enumerate(units) if len(a) == 1 and a == b]


def _merge(units, rng):
    # The right side joins two neighbouring paragraphs into one: a 2-1 bead.
    plain = set(_plain(units))
    candidates = [k for k in plain if k + 1 in plain]
    if not candidates:
        return units
    k = rng.choice(sorted(candidates))
    (g1,), (g2,) = units[k][0], units[k + 1][0]
    return [*units[:k], ([g1, g2], [g1 + g2]), *units[k + 2 :]]


def _split(units, rng):
    # The right side splits a paragraph of several sentences in two: a 1-2 bead.
    candidates = [k for k in _plain(units) if len(units[k][0][0]) >= 2]
    if not candidates:
        return units
    k = rng.choice(candidates)
    (g,) = units[k][0]
    cut = rng.randrange(1, len(g))
    return [*units[:k], ([g], [g[:cut], g[cut:]]), *units[k + 1 :]]


def _drop(units, rng):
    # The right side leaves a paragraph out: a 1-0 bead.
    candidates = _plain(units)
    if not candidates:
        return units
    k = rng.choice(candidates)
    return [*units[:k], (units[k][0], []), *units[k + 1 :]]


def _lead(units, rng):
    # The right side opens with a paragraph of another story (a teaser or an agency lead).
    start = rng.randrange(1, 4)
    return [([], [[("other", start), ("other", start + 1)]]), *units]


_STEPS = {
    "plain": lambda units, rng: units,
    "merge": _merge,
    "split": _split,
    "drop": _drop,
    "lead": _lead,
}


def _paragraph(doc, other, lang: str, sentence_ids) -> str:
    return " ".join(
        other[lang][s[1] % len(other[lang])] if isinstance(s, tuple) else doc[lang][s]
        for s in sentence_ids
    )


def _gold(units) -> list[tuple[list[int], list[int]]]:
    beads, i, j = [], 0, 0
    for a, b in units:
        beads.append((list(range(i, i + len(a))), list(range(j, j + len(b)))))
        i, j = i + len(a), j + len(b)
    return beads


@dataclass(frozen=True)
class MultiCase:
    """Four language versions of one story, each perturbed on its own.

    ``sentences[lang][p]`` is the set of source sentences paragraph p renders; two
    paragraphs of different versions are counterparts when those sets meet.
    """

    versions: dict[str, list[str]]
    sentences: dict[str, list[frozenset]]


def multi_cases(count: int = 24, seed: int = 5) -> list[MultiCase]:
    rng = random.Random(seed)
    docs = ntrex_documents()
    doc_ids = sorted(d for d in docs if len(docs[d]["eng"]) >= 8)
    cases = []
    for doc_id in rng.sample(doc_ids, count):
        doc = docs[doc_id]
        other = docs[rng.choice([d for d in doc_ids if d != doc_id])]
        base = _group(list(range(1, len(doc["eng"]))), rng)
        versions, sentences = {}, {}
        for lang in ("eng", "ind", "swe", "vie"):
            paragraphs = _perturb_version([list(g) for g in base], lang, rng)
            versions[lang] = [_paragraph(doc, other, lang, p) for p in paragraphs]
            sentences[lang] = [frozenset(p) for p in paragraphs]
        cases.append(MultiCase(versions, sentences))
    return cases


def _perturb_version(paragraphs: list[list], lang: str, rng: random.Random) -> list[list]:
    """One random change per version: merge, split, drop or an added lead of another story
    (two versions that add the same lead sentences have counterparts there)."""
    step = rng.choice(["none", "merge", "split", "drop", "lead"])
    k = rng.randrange(len(paragraphs))
    if step == "merge" and k + 1 < len(paragraphs):
        paragraphs[k : k + 2] = [paragraphs[k] + paragraphs[k + 1]]
    elif step == "split" and len(paragraphs[k]) >= 2:
        paragraphs[k : k + 1] = [paragraphs[k][:1], paragraphs[k][1:]]
    elif step == "drop" and len(paragraphs) > 2:
        del paragraphs[k]
    elif step == "lead":
        start = rng.randrange(1, 4)
        paragraphs.insert(0, [("other", start), ("other", start + 1)])
    return paragraphs
