"""How finding register names scales with the register's size (and what extracting facts costs).

Builds synthetic registers (three spellings per entry: with diacritics, without, and a
shorter form) of growing size plus the real seed names, then times `NameMatcher.find` on the
five seed captures against one regular expression alternating the same spellings longest
first (the obvious alternative; its compile time is not counted).

Run: .venv/bin/python benchmarks/names_matching.py > benchmarks/results/names_matching.txt
"""

import importlib
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings_test")

import django  # noqa: E402

django.setup()

from articles.facts.extract import extract_facts  # noqa: E402
from articles.languages.folding import fold_with_offsets, match_key  # noqa: E402
from articles.names.matching import NameMatcher, Spelling, capitals  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
SYLLABLES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Minh",
             "Thanh", "Văn", "Thị", "Quang", "Hải", "Long", "Sơn", "Bình", "Cương", "Zhang",
             "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Sari",
             "Putra", "Dewi", "Andersson", "Johansson", "Karlsson", "Nilsson"]  # fmt: skip
REPEAT = 20


def synthetic(entries: int, rng: random.Random) -> list[Spelling]:
    spellings = []
    for entry_id in range(1, entries + 1):
        name = " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        for form in {name, name.upper(), " ".join(name.split()[-2:]) + f" {entry_id}"}:
            # Not marked capitalised, so both methods accept the same matches.
            spellings.append(Spelling(match_key(form), entry_id))
    return spellings


def seed_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def timed(action, repeat: int = REPEAT) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        result = action()
    return (time.perf_counter() - start) / repeat, result


def alternation(spellings: list[Spelling]) -> re.Pattern[str]:
    keys = sorted({s.folded for s in spellings}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)")


def seed_register() -> list[Spelling]:
    """The register the 0004 migration seeds, without a database."""
    migration = importlib.import_module("articles.migrations.0004_names")
    spellings = []
    for entry_id, (name, _, _, _, variants) in enumerate(migration.SEED_NAMES, start=1):
        for spelling in [name] + [spelling for spelling, _ in variants]:
            spellings.append(Spelling(match_key(spelling), entry_id, None, capitals(spelling)))
    return spellings


def main() -> None:
    text = seed_text()
    rng = random.Random(20250218)
    print(f"text: 5 seed captures, {len(text):,} characters; mean of {REPEAT} runs")
    fold_with_offsets(text)  # warm the per-character cache
    fold_time, _ = timed(lambda: fold_with_offsets(text))
    print(f"fold_with_offsets alone: {fold_time * 1000:.2f} ms (both columns include it)")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    extract, facts = timed(lambda: [f for p in paragraphs for f in extract_facts(p, "en")])
    ms = extract * 1000
    print(f"extract_facts over its {len(paragraphs)} lines: {ms:.2f} ms, {len(facts)} facts")
    print(f"{'entries':>8} {'spellings':>10} {'build ms':>9} {'token-trie find ms':>19} "
          f"{'alternation find ms':>20} {'matches':>8}")  # fmt: skip
    seeds = seed_register()
    build, matcher = timed(lambda: NameMatcher(seeds))
    find, matches = timed(lambda: matcher.find(text, "en"))
    print(f"{'seed':>8} {len(seeds):>10,} {build * 1000:>9.1f} {find * 1000:>19.2f} "
          f"{'':>20} {len(matches):>8}")  # fmt: skip
    for size in (100, 1_000, 10_000, 50_000):
        spellings = synthetic(size, rng)
        build, matcher = timed(lambda s=spellings: NameMatcher(s), 3)
        trie, matches = timed(lambda m=matcher: m.find(text, "en"))
        pattern = alternation(spellings)
        plain, plain_matches = timed(lambda p=pattern: p.findall(fold_with_offsets(text)[0]), 3)
        assert len(plain_matches) == len(matches)
        print(f"{size:>8,} {len(spellings):>10,} {build * 1000:>9.1f} {trie * 1000:>19.2f} "
              f"{plain * 1000:>20.2f} {len(matches):>8}")  # fmt: skip


if __name__ == "__main__":
    main()
