"""Body extraction quality: our HTML importer beside trafilatura's and readability's defaults.

Metric: the scrapinghub article-extraction-benchmark's own shingle (4-gram) F1, precision and
recall (its evaluate.py, loaded from ../shared/data), on
- scrapinghub-aeb: 181 pages with human-annotated bodies;
- fundus: 258 pages in many languages, per detected language; plus title and date accuracy.

readability-lxml is a benchmark-only dependency (pip install readability-lxml==0.9).
Run: .venv/bin/python benchmarks/extraction.py  (about 3 minutes on 2 cores)
"""

import gzip
import json
import logging
import sys
import time
import warnings
from collections import defaultdict
from datetime import date

from _setup import DATA, RESULTS, django_setup, scrapinghub_evaluate

django_setup()

import trafilatura  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from articles.importing.html_format import parse_html  # noqa: E402
from articles.importing.records import CaptureError  # noqa: E402

try:
    from readability import Document as ReadabilityDocument
except ImportError:  # benchmark-only dependency
    ReadabilityDocument = None

warnings.filterwarnings("ignore")
# readability and trafilatura log every page they struggle with; the scores say enough.
logging.disable(logging.CRITICAL)
AEB = DATA / "extraction" / "scrapinghub-aeb"
FUNDUS = DATA / "extraction" / "fundus"


def ours(raw: bytes) -> dict:
    try:
        record = parse_html(raw)
    except CaptureError:
        return {"body": "", "title": "", "date": None}
    return {"body": record.body, "title": record.title, "date": record.published_on}


def trafilatura_default(raw: bytes) -> dict:
    doc = trafilatura.bare_extraction(raw, with_metadata=True)
    if doc is None:
        return {"body": "", "title": "", "date": None}
    return {"body": doc.text or "", "title": doc.title or "", "date": _date(doc.date)}


def readability_default(raw: bytes) -> dict:
    if ReadabilityDocument is None:
        return {"body": "", "title": "", "date": None}
    try:
        document = ReadabilityDocument(raw)
        body = lxml_html.fromstring(document.summary()).text_content()
        return {"body": body, "title": document.short_title() or "", "date": None}
    except Exception:  # readability raises on some pages; count them as empty
        return {"body": "", "title": "", "date": None}


EXTRACTORS = {"ours": ours, "trafilatura": trafilatura_default, "readability": readability_default}


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def score(evaluate, pairs: list[tuple[str, str]]) -> dict:
    tp_fp_fns = [evaluate.string_shingle_matching(true=t, pred=p) for t, p in pairs]
    return evaluate.metrics_from_tp_fp_fns(tp_fp_fns)


def run_aeb(evaluate) -> dict:
    truth = json.loads((AEB / "ground-truth.json").read_text())
    pairs, seconds = defaultdict(list), defaultdict(float)
    for key, item in sorted(truth.items()):
        raw = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes())
        for name, extract in EXTRACTORS.items():
            start = time.perf_counter()
            body = extract(raw)["body"]
            seconds[name] += time.perf_counter() - start
            pairs[name].append((item.get("articleBody", ""), body))
    return {
        name: {**score(evaluate, pairs[name]), "seconds": seconds[name], "pages": len(truth)}
        for name in EXTRACTORS
    }


def run_fundus(evaluate) -> dict:
    truth = json.loads((FUNDUS / "ground-truth-flat.json").read_text())
    pairs = defaultdict(lambda: defaultdict(list))
    titles, dates = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0, 0, 0])
    for key, item in sorted(truth.items()):
        raw = gzip.decompress((FUNDUS / "test_data" / key).read_bytes())
        lang = item.get("lang_detected") or "?"
        true_date = _date(item.get("publishing_date"))
        for name, extract in EXTRACTORS.items():
            got = extract(raw)
            pairs[name][lang].append((item.get("articleBody", ""), got["body"]))
            pairs[name]["all"].append((item.get("articleBody", ""), got["body"]))
            titles[name][0] += _norm(got["title"]) == _norm(item.get("title") or "")
            titles[name][1] += 1
            if true_date:
                found = got["date"]
                dates[name][0] += found == true_date
                dates[name][1] += bool(found) and abs((found - true_date).days) <= 1
                dates[name][2] += found is not None and abs((found - true_date).days) > 1
                dates[name][3] += 1
    return {
        name: {
            "by_language": {
                lang: {**score(evaluate, lang_pairs), "pages": len(lang_pairs)}
                for lang, lang_pairs in sorted(pairs[name].items())
            },
            "title_exact": titles[name][0] / titles[name][1],
            "date_exact": dates[name][0] / max(dates[name][3], 1),
            "date_within_1_day": dates[name][1] / max(dates[name][3], 1),
            "date_wrong_by_more_than_1_day": dates[name][2],
            "pages_with_true_date": dates[name][3],
        }
        for name in EXTRACTORS
    }


def report(aeb: dict, fundus: dict) -> str:
    lines = [
        "# Body extraction benchmark",
        "",
        f"trafilatura {trafilatura.__version__}; readability-lxml (benchmark-only) "
        f"{'installed' if ReadabilityDocument else 'NOT installed'}. Metric: scrapinghub "
        "evaluate.py shingle F1 (mean per-page precision and recall).",
        "",
        "## scrapinghub-aeb (181 pages)",
        "",
        "| extractor | F1 | precision | recall | seconds |",
        "|---|---|---|---|---|",
    ]
    for name, m in aeb.items():
        lines.append(
            f"| {name} | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} "
            f"| {m['seconds']:.1f} |"
        )
    langs = list(fundus["ours"]["by_language"])
    lines += ["", "## fundus (258 pages): F1 by language", ""]
    lines.append("| language | pages | " + " | ".join(EXTRACTORS) + " |")
    lines.append("|---|---|" + "---|" * len(EXTRACTORS))
    for lang in langs:
        pages = fundus["ours"]["by_language"][lang]["pages"]
        cells = " | ".join(f"{fundus[n]['by_language'][lang]['f1']:.3f}" for n in EXTRACTORS)
        lines.append(f"| {lang} | {pages} | {cells} |")
    lines += ["", "## fundus: title and date", ""]
    lines.append("| extractor | title exact | date exact | date ±1 day | dates wrong >1 day |")
    lines.append("|---|---|---|---|---|")
    for name, m in fundus.items():
        lines.append(
            f"| {name} | {m['title_exact']:.3f} | {m['date_exact']:.3f} | "
            f"{m['date_within_1_day']:.3f} | {m['date_wrong_by_more_than_1_day']} of "
            f"{m['pages_with_true_date']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    evaluate = scrapinghub_evaluate()
    aeb = run_aeb(evaluate)
    fundus = run_fundus(evaluate) if "--aeb-only" not in sys.argv else None
    if fundus is None:
        print(json.dumps(aeb, indent=1))
        return
    text = report(aeb, fundus)
    (RESULTS / "extraction.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
