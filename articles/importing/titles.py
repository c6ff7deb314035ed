"""Titles: a capture's own headline when it has one, else its first sentence (marked derived)."""

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”\u2019)]?\s+(?=[\"“\u2018(]?[A-ZÀ-ÖØ-ÞĀ-ỸĐ0-9])")
# "HÀ NỘI — Prime Minister…": a dateline is where the story was filed, not its subject.
_DATELINE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ỸĐ][A-ZÀ-ÖØ-ÞĀ-ỸĐ .,'-]{1,40}\s[—\u2013]\s+(?=\S)")
MAX_DERIVED_TITLE = 200
MAX_HEADLINE = 250


def first_sentence(paragraph: str) -> str:
    match = _SENTENCE_END.search(paragraph)
    return paragraph[: match.start()].strip() if match else paragraph.strip()


def derive_title(paragraphs: list[str]) -> str:
    """The first sentence of the body, cut at a word boundary when it is long."""
    if not paragraphs:
        return ""
    sentence = first_sentence(_DATELINE.sub("", paragraphs[0], count=1))
    if len(sentence) <= MAX_DERIVED_TITLE:
        return sentence
    cut = sentence[:MAX_DERIVED_TITLE].rsplit(" ", 1)[0].rstrip(",;:—\u2013- ")
    return f"{cut}…"


def looks_like_headline(line: str) -> bool:
    """Short, and not ending like a sentence of running text."""
    return 0 < len(line) <= MAX_HEADLINE and not line.endswith((".", ",", ";", ":", "/."))
