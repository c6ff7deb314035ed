"""The five seed captures, read from the project's own fixture, never from beside the project.

fixtures/seed_events.json holds each seed file's bytes in its capture rows (the file name and
the raw bytes, base64), so a fresh clone has them. Tests that give the importer a file get
the bytes written into their own temporary folder by the `seed_dir` and `seed_path` fixtures in
conftest.py (`write_seeds` here).
"""

import base64
import json
import re
from functools import cache
from pathlib import Path

from django.conf import settings

from articles.importing.cleaning import is_related_heading, is_source_marker

FIXTURE = settings.SEED_FIXTURE
_METADATA_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")


@cache
def seed_captures() -> dict[str, bytes]:
    """Seed file name ("000_b9303c7ad7f4adda.txt") -> the capture's bytes, in name order."""
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    captures = {
        row["fields"]["filename"]: base64.b64decode(row["fields"]["raw"])
        for row in rows
        if row["model"] == "articles.capture"
    }
    return dict(sorted(captures.items()))


def seed_name(prefix: str) -> str:
    """The seed file name that starts with `prefix` ("000" ... "004")."""
    (name,) = (name for name in seed_captures() if name.startswith(f"{prefix}_"))
    return name


def seed_bytes(prefix: str) -> bytes:
    return seed_captures()[seed_name(prefix)]


def seed_text(prefix: str) -> str:
    return seed_bytes(prefix).decode("utf-8")


def write_seeds(folder: Path) -> Path:
    """The five seed files written into `folder` under their own names; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, raw in seed_captures().items():
        (folder / name).write_bytes(raw)
    return folder


def seed_body(prefix: str) -> str:
    """A seed as an article body: one paragraph per non-empty line, the capture-metadata date
    dropped, and everything from the source marker ("Sumber", "Källa") or a related-stories
    heading on cut, by the importer's own rules."""
    paragraphs = []
    for line in seed_text(prefix).splitlines():
        line = _METADATA_DATE.sub("", line).strip()
        if is_source_marker(line) or is_related_heading(line):
            break
        if line and not line.startswith("!["):
            paragraphs.append(line)
    return "\n\n".join(paragraphs)
