"""Seed captures turned into article bodies for tests, read from ../shared/seeds beside the repo.

Only what a test needs: one paragraph per non-empty line, the capture-metadata date dropped,
and everything from the source marker ("Sumber", "Källa") on cut, as the importer does.
"""

import re

from django.conf import settings

SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
_METADATA_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")
_SOURCE_MARKERS = {"Sumber", "Källa", "Có thể bạn quan tâm"}


def seed_body(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    paragraphs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = _METADATA_DATE.sub("", line).strip()
        if line in _SOURCE_MARKERS:
            break
        if line and not line.startswith("!["):
            paragraphs.append(line)
    return "\n\n".join(paragraphs)
