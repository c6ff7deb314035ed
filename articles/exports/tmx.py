"""The parallel text of two of an event's languages as TMX 1.4 (the Translation Memory
eXchange format, https://www.gala-global.org/tmx-14b), built with ElementTree.

One `<tu>` per aligned row in which both languages have text; a row one side leaves empty
is not a translation unit. When a language has several versions in the event, a row gives
one unit per pair of versions, its `tuid` naming both articles.
"""

from itertools import product
from xml.etree import ElementTree as ET

from articles.text import xml_text

from .parallel import ParallelRow, ParallelText

CONTENT_TYPE = "application/x-tmx+xml; charset=utf-8"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEADER = {
    "creationtool": "Coverage Archive",
    "creationtoolversion": "1",
    # A row may hold several paragraphs of a version, so a unit is a block, not one paragraph.
    "segtype": "block",
    "o-tmf": "Coverage Archive",
    "adminlang": "en",
    "datatype": "plaintext",
}


def tmx_document(text: ParallelText, source: str, target: str, *, note: str = "") -> bytes:
    """The units of `text` from language `source` to language `target` (both in `text`)."""
    root = ET.Element("tmx", version="1.4")
    header = ET.SubElement(root, "header", HEADER, srclang=source)
    if note:
        ET.SubElement(header, "note").text = xml_text(note)
    body = ET.SubElement(root, "body")
    pairs = list(product(text.columns_in(source), text.columns_in(target)))
    for row in text.rows:
        for left, right in pairs:
            if row.texts[left] and row.texts[right]:
                tu = ET.SubElement(body, "tu", tuid=_tuid(text, row, left, right, len(pairs)))
                _tuv(tu, source, row.texts[left])
                _tuv(tu, target, row.texts[right])
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def _tuid(text: ParallelText, row: ParallelRow, left: int, right: int, pairs: int) -> str:
    if pairs == 1:
        return str(row.number)
    return f"{row.number}:{text.columns[left].pk}-{text.columns[right].pk}"


def _tuv(tu: ET.Element, code: str, segment: str) -> None:
    tuv = ET.SubElement(tu, "tuv", {XML_LANG: code})
    ET.SubElement(tuv, "seg").text = xml_text(segment)
