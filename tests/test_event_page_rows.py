"""The event page's aligned rows and marks (articles/event_page/rows.py), without the database."""

from articles.event_page.rows import Segment, build_rows, row_of, segments
from articles.models import Article


def version(pk: int, language: str, *paragraphs: str) -> Article:
    return Article(pk=pk, language_id=language, title=f"v{pk}", body="\n\n".join(paragraphs))


def test_a_row_may_face_one_paragraph_with_two():
    a = version(1, "id", "a0", "a1")
    b = version(2, "en", "b0", "b1", "b2")
    rows = build_rows([a, b], [a, b], [(1, [[0], [0, 1]]), (2, [[1], [2]])])
    assert [len(cell.paragraphs) for cell in rows[0].cells] == [1, 2]
    assert rows[0].cells[1].paragraphs[1].segments == [Segment("b1")]


def test_row_numbers_stay_the_same_when_columns_are_hidden():
    """Rows are numbered over all versions, so #row-N keeps naming the same passage."""
    a = version(1, "id", "a0", "a1", "a2")
    b = version(2, "en", "b0", "b2")
    indexes = [(1, [[0], [0]]), (2, [[1], []]), (3, [[2], [1]])]
    rows = build_rows([a, b], [b], indexes)
    assert [row.number for row in rows] == [1, 3]  # row 2 is empty in English: left out
    assert rows[1].cells[0].paragraphs[0].segments[0].text == "b2"


def test_marks_cut_a_paragraph_into_plain_and_marked_pieces():
    assert segments("US$42 billion in trade", [(0, 5)]) == [
        Segment("US$42", marked=True),
        Segment(" billion in trade"),
    ]
    assert segments("abc", []) == [Segment("abc")]


def test_overlapping_and_out_of_range_spans_do_not_duplicate_text():
    pieces = segments("abcdef", [(1, 4), (2, 5), (5, 99)])
    assert "".join(piece.text for piece in pieces) == "abcdef"
    assert [piece.text for piece in pieces if piece.marked] == ["bcd", "e", "f"]


def test_row_of_finds_the_row_of_each_version_paragraph():
    a, b = version(1, "id", "a0", "a1"), version(2, "en", "b0")
    assert row_of([(1, [[0], []]), (2, [[1], [0]])], [a, b]) == {(1, 0): 1, (1, 1): 2, (2, 0): 2}
