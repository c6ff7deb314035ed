"""Language identification as the importer does it (py3langid, archive languages + Malay).

Data: ../shared/data/langid/langid_eval_id_en_sv_vi.jsonl (lingua test items and NTREX
sentences/headlines), NTREX documents joined into article-length texts (and their Malay
translations, to measure Indonesian/Malay confusion), and the five seeds.
Run: .venv/bin/python benchmarks/langid.py  (about a minute)
"""

import json
import time
from collections import Counter, defaultdict

from _setup import DATA, NTREX, NTREX_COLUMNS, NTREX_DIR, RESULTS, ROOT, django_setup

django_setup()

from articles.importing.langid import HINT_WEIGHT, detect_language  # noqa: E402
from articles.importing.text_format import parse_text  # noqa: E402

ARCHIVE = frozenset({"id", "en", "sv", "vi"})
LANGID = DATA / "langid" / "langid_eval_id_en_sv_vi.jsonl"
WRONG_HINT = {"id": "en", "en": "sv", "sv": "vi", "vi": "id"}


def outcome(text: str, hint: str | None = None) -> str:
    guess = detect_language(text, known=ARCHIVE, hint=hint)
    if guess.code:
        return guess.code
    return f"unknown:{guess.unknown}" if guess.unknown else "undetected"


def rows() -> list[dict]:
    return [json.loads(line) for line in LANGID.read_text().splitlines() if line.strip()]


def ntrex_documents() -> dict[str, dict[str, str]]:
    docs: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in NTREX.read_text().splitlines():
        row = json.loads(line)
        for code, column in NTREX_COLUMNS.items():
            docs[row["doc_id"]][code].append(row[column])
    ids = (NTREX_DIR / "DOCUMENT_IDS.tsv").read_text().splitlines()
    malay = (NTREX_DIR / "newstest2019-ref.msa.txt").read_text().splitlines()
    for doc_line, sentence in zip(ids, malay, strict=False):
        doc_id = doc_line.split("\t")[0]
        if doc_id in docs:
            docs[doc_id]["ms"].append(sentence)
    return {d: {c: "\n".join(s) for c, s in langs.items()} for d, langs in docs.items()}


def main() -> None:
    lines = ["# Language identification benchmark", ""]
    lines.append(
        "py3langid 0.4.0 as the importer uses it: scored over all its languages; a foreign "
        "language is reported (`unknown:xx`), else the best of {id, en, sv, vi, ms} wins; "
        f"page-language prior weight {HINT_WEIGHT}."
    )
    results, hinted, per_text_ms = score_items()
    lines += items_table(results, hinted)
    lines += documents_table()
    lines += confusion_table(results)
    lines += seeds_lines()
    lines += ["", f"Mean time per text: {per_text_ms:.3f} ms."]
    text = "\n".join(lines) + "\n"
    (RESULTS / "langid.md").write_text(text)
    print(text)


Outcomes = dict[tuple[str, str], Counter]


def score_items() -> tuple[Outcomes, Outcomes, float]:
    """Outcomes per (source, language), alone and with a right or wrong page language."""
    start = time.perf_counter()
    results: Outcomes = defaultdict(Counter)
    hinted: Outcomes = defaultdict(Counter)
    data = rows()
    for row in data:
        source, code, text = row["source"], row["lang"], row["text"]
        results[(source, code)][outcome(text)] += 1
        if source.startswith("ntrex") and code in ARCHIVE:
            hinted[(source + " (right page lang)", code)][outcome(text, code)] += 1
            hinted[(source + " (WRONG page lang)", code)][outcome(text, WRONG_HINT[code])] += 1
    per_text_ms = (time.perf_counter() - start) / (len(data) * 1.5) * 1000
    return results, hinted, per_text_ms


def items_table(results: Outcomes, hinted: Outcomes) -> list[str]:
    lines = ["", "## Archive languages: accuracy by text length", ""]
    lines += ["| items | id | en | sv | vi |", "|---|---|---|---|---|"]
    for source in sorted({s for s, _ in results} | {s for s, _ in hinted}):
        table = hinted if "page lang" in source else results
        if not any((source, c) in table for c in ARCHIVE):
            continue
        cells = []
        for code in ["id", "en", "sv", "vi"]:
            counts = table[(source, code)]
            total = sum(counts.values())
            cells.append(f"{counts[code] / total:.3f} (n={total})" if total else "-")
        lines.append(f"| {source} | " + " | ".join(cells) + " |")
    return lines


def documents_table() -> list[str]:
    doc_results = {code: Counter() for code in [*ARCHIVE, "ms"]}
    for langs in ntrex_documents().values():
        for code, text in langs.items():
            doc_results[code][outcome(text)] += 1
    lines = ["", "## Article-length texts (NTREX documents, 123 per language)", ""]
    lines += ["| language | correct | outcomes |", "|---|---|---|"]
    for code in ["id", "en", "sv", "vi"]:
        counts = doc_results[code]
        lines.append(
            f"| {code} | {counts[code] / sum(counts.values()):.3f} | {dict(counts.most_common())} |"
        )
    malay_docs = doc_results["ms"]
    lines.append(
        f"| ms (not in the archive) | reported as Malay: "
        f"{malay_docs['unknown:ms'] / sum(malay_docs.values()):.3f} | {dict(malay_docs)} |"
    )
    return lines


def confusion_table(results: Outcomes) -> list[str]:
    lines = ["", "## Confusion with Malay and other neighbours (lingua items)", ""]
    lines += ["| items | language | outcomes (most common) |", "|---|---|---|"]
    for (source, code), counts in sorted(results.items()):
        if source.startswith("lingua") and (code in {"id", "ms", "da", "nb", "tl"}):
            top = ", ".join(f"{k}: {v}" for k, v in counts.most_common(4))
            lines.append(f"| {source.split('/')[-1]} | {code} | {top} |")
    id_as_ms = sum(c["unknown:ms"] for (s, code), c in results.items() if code == "id")
    id_total = sum(sum(c.values()) for (s, code), c in results.items() if code == "id")
    return [*lines, "", f"Indonesian items read as Malay: {id_as_ms} of {id_total}."]


def seeds_lines() -> list[str]:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    expected = ["id", "id", "en", "sv", "vi"]
    got = [outcome(parse_text(p.read_text()).body) for p in seeds]
    correct = sum(g == e for g, e in zip(got, expected, strict=True))
    return ["", "## Seeds", "", f"{correct}/{len(seeds)} correct: {got}"]


if __name__ == "__main__":
    main()
