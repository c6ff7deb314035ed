"""Real texts for measuring grouping: the seed captures and NTREX-128, read from ../shared.

The seed reader applies only the cleaning rules DESIGN.md names (capture date line, source
markers, comment counters, teaser images, "related" blocks, repeated caption lines); the
importer does this properly, this is just enough to measure grouping on the seeds.
NTREX-128 (MicrosoftTranslator/NTREX, CC BY-SA 4.0): each document is one event, its first
sentence the headline; the documents carry no dates.
"""

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from articles.grouping import GroupingItem
from benchmarks._setup import NTREX, NTREX_COLUMNS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"

# Seed file prefix -> (language, event) as DESIGN.md's table gives them.
SEED_TRUTH = {
    "000": ("id", "pm-receives-chen-gang"),
    "001": ("id", "quang-ninh-spring-meeting"),
    "002": ("en", "pm-receives-chen-gang"),
    "003": ("sv", "quang-ninh-spring-meeting"),
    "004": ("vi", "ambassador-in-guangxi"),
}
_CAPTURE_DATE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")
_TAIL_MARKERS = re.compile(
    r"^(Sumber|Källa|Nguồn|Source|Có thể bạn quan tâm|Kom+entar \(\d+\))\s*$"
)
_IMAGE_LINE = re.compile(r"^!\[.*\]\(.*\)$")


def seed_items() -> tuple[list[GroupingItem], dict[str, str]]:
    """The five seeds as grouping items, and key -> true event."""
    items, truth = [], {}
    for path in sorted(SEEDS.glob("*.txt")):
        language, event = SEED_TRUTH[path.name[:3]]
        items.append(read_seed(path, language))
        truth[str(path)] = event
    return items, truth


def read_seed(path: Path, language: str) -> GroupingItem:
    text = path.read_text(encoding="utf-8")
    published_on = None
    if match := _CAPTURE_DATE.match(text):
        published_on = date.fromisoformat(match.group(1))
        text = text[match.end() :]
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if _TAIL_MARKERS.match(line):
            break
        if line and not _IMAGE_LINE.match(line) and line not in lines:
            lines.append(line)
    return GroupingItem(str(path), lines[0], lines[1:], language, published_on)


# NTREX counts every document as its own event, but some of its documents are two outlets'
# reports of one happening. Judged by reading their English headlines and leads (the reason
# is given for each); `ntrex_items(adjudicated=True)` counts each pair as one event.
NTREX_SAME_HAPPENING = {
    "reuters.218932": ("rt.com.91337", "Macedonia's name referendum, Sunday"),
    "reuters.218909": ("cbsnews.248387", "arrest of Dyteon Simpson for Wayde Sims' death"),
    "scotsman.133791": ("bbc.381746", "Livingston 1-0 Rangers, Menga's goal"),
    "abcnews.306755": ("newsweek.51300", "Warren's 'hard look' at a Holyoke town hall, Saturday"),
    "reuters.218861": ("cnbc.com.6769", "Ri Yong Ho's UN General Assembly speech, Saturday"),
    "euronews-en.153799": ("thelocal.65969", "Walid al-Moualem's UN General Assembly speech"),
    "newsweek.51330": ("cnn.304447", "Trump's West Virginia rally, Saturday"),
    "reuters.218923": ("independent.226301", "Ryder Cup Saturday sessions, Europe 10-6"),
}


def ntrex_items(
    doc_limit: int | None = None, *, adjudicated: bool = False
) -> tuple[list[GroupingItem], dict[str, str]]:
    """NTREX documents x 4 languages as grouping items (headline + sentences), and truth:
    the document, or with `adjudicated` the happening (see NTREX_SAME_HAPPENING)."""
    sentences: dict[str, list[dict]] = defaultdict(list)
    with NTREX.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            sentences[row["doc_id"]].append(row)
    doc_ids = list(sentences)[:doc_limit]
    items, truth = [], {}
    for language, code in NTREX_COLUMNS.items():
        for doc_id in doc_ids:
            rows = sorted(sentences[doc_id], key=lambda r: r["sent_in_doc"])
            key = f"ntrex:{doc_id}:{language}"
            texts = [r[code] for r in rows]
            items.append(GroupingItem(key, texts[0], texts[1:], language, None))
            same = NTREX_SAME_HAPPENING.get(doc_id)
            truth[key] = same[0] if adjudicated and same else doc_id
    return items, truth
