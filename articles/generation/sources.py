"""The texts generated articles are built from: the seed captures, and NTREX-128 if present.

A story is what one generated event retells: its headlines and its units of text (NTREX
sentences, seed paragraphs) in each language. NTREX stories are parallel (unit i says the same
in every language), so an event's versions align like real translations; the seed story is
not (each language has its own captures).
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from articles import languages
from articles.text import split_paragraphs

# The languages the archive knows (articles.languages), which generated events are told in.
LANGUAGES = tuple(languages.LANGUAGES)
NTREX_COLUMNS = {"ind": "id", "eng": "en", "swe": "sv", "vie": "vi"}
NTREX_FILE = Path("parallel") / "ntrex128" / "ntrex128_eng_ind_swe_vie.jsonl"


@dataclass(frozen=True)
class Story:
    headlines: dict[str, list[str]]
    units: dict[str, list[str]]
    parallel: bool
    # Units per paragraph: sentences are grouped, seed paragraphs stand alone.
    max_group: int


@dataclass(frozen=True)
class Sources:
    stories: list[Story]
    description: str


def default_corpus() -> Path:
    """NTREX-128 in the shared data folder (settings.SHARED_DATA_DIR)."""
    return Path(settings.SHARED_DATA_DIR) / NTREX_FILE


def load_sources(*, corpus: Path | None) -> Sources:
    stories = [seed_story()]
    description = f"the seed captures ({Path(settings.SEED_FIXTURE).name})"
    if corpus is not None and corpus.is_file():
        ntrex = ntrex_stories(corpus)
        stories += ntrex
        description += f" and {len(ntrex)} NTREX-128 documents ({corpus})"
    else:
        description += f" alone (no NTREX-128 at {corpus})"
    return Sources(stories, description)


def seed_story() -> Story:
    headlines: dict[str, list[str]] = defaultdict(list)
    units: dict[str, list[str]] = defaultdict(list)
    for row in json.loads(Path(settings.SEED_FIXTURE).read_text(encoding="utf-8")):
        if row["model"] == "articles.article":
            fields = row["fields"]
            headlines[fields["language"]].append(fields["title"])
            units[fields["language"]] += split_paragraphs(fields["body"])
    return Story(dict(headlines), dict(units), parallel=False, max_group=1)


def ntrex_stories(path: Path) -> list[Story]:
    documents: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            documents[row["doc_id"]].append(row)
    return [_ntrex_story(rows) for rows in documents.values()]


def _ntrex_story(rows: list[dict]) -> Story:
    rows = sorted(rows, key=lambda row: row["sent_in_doc"])
    headlines = {code: [rows[0][column]] for column, code in NTREX_COLUMNS.items()}
    units = {code: [row[column] for row in rows[1:]] for column, code in NTREX_COLUMNS.items()}
    return Story(headlines, units, parallel=True, max_group=3)
