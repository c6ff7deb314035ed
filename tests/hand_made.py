"""The hand-made pages, texts and stories in tests/data/ (see tests/data/README.md)."""

import json
from pathlib import Path

from articles.grouping import GroupingItem

DATA = Path(__file__).resolve().parent / "data"
PAGES = DATA / "pages"
TEXTS = DATA / "texts"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def story_items() -> tuple[list[GroupingItem], dict[str, str]]:
    """Every version of every story as an undated grouping item (headline, then sentences),
    and key -> story; keys read "story:<story>:<language>"."""
    stories = json.loads((DATA / "grouping_stories.json").read_text(encoding="utf-8"))
    items, truth = [], {}
    for story in stories["stories"]:
        for language, (headline, *sentences) in story["versions"].items():
            key = f"story:{story['key']}:{language}"
            items.append(GroupingItem(key, headline, sentences, language, None))
            truth[key] = story["key"]
    return items, truth
