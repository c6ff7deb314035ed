"""Text helpers: folding makes spellings comparable and agrees with its definition."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from articles.languages.folding import LETTER_FOLDS, fold
from articles.text import join_paragraphs, split_paragraphs


def fold_by_definition(text: str) -> str:
    """NFKD of the whole text, combining marks dropped, case folded, spaces made one."""
    decomposed = unicodedata.normalize("NFKD", text.translate(str.maketrans(LETTER_FOLDS)))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def test_vietnamese_spellings_fold_to_one():
    assert fold("Phạm Minh Chính") == fold("PHAM MINH CHINH") == "pham minh chinh"
    assert fold("Đà Nẵng") == "da nang"


def test_letters_without_a_decomposition_are_folded_too():
    assert fold("Øresund Łódź Straße") == "oresund lodz strasse"


def test_compatibility_forms_and_whitespace_fold():
    assert fold("\ufb01nal\u00a0 \uff31uảng\n\tNinh ") == "final quang ninh"


@given(st.text())
def test_fold_character_by_character_equals_folding_the_whole_text(text):
    assert fold(text) == fold_by_definition(text)


def test_paragraphs_split_on_blank_lines_and_join_back():
    body = "One\nline.\n\n  \nTwo.\n\n\nThree."
    assert split_paragraphs(body) == ["One line.", "Two.", "Three."]
    assert join_paragraphs(split_paragraphs(body)) == "One line.\n\nTwo.\n\nThree."
