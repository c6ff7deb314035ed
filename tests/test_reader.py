"""The reader's rows, marks and column picker (articles/reader.py), without the database."""

from urllib.parse import parse_qs

from articles.models import Article, Language
from articles.reader import Segment, build_reader, build_rows, picker, segments

LANGUAGES = [
    Language(code="id", name="Indonesian", native_name="Bahasa Indonesia"),
    Language(code="en", name="English", native_name="English"),
    Language(code="sv", name="Swedish", native_name="Svenska"),
]


def version(pk: int, language: str, *paragraphs: str) -> Article:
    return Article(pk=pk, language_id=language, title=f"v{pk}", body="\n\n".join(paragraphs))


def langs(query: str) -> list[str]:
    return parse_qs(query.lstrip("?"))["lang"]


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


def test_columns_follow_the_chosen_order():
    a, b = version(1, "id", "a"), version(2, "en", "b")
    reader = build_reader([a, b], ["en", "id"], LANGUAGES[:2], rows=[(1, [[0], [0]])])
    assert [column.language_id for column in reader.columns] == ["en", "id"]
    assert [cell.article.pk for cell in reader.rows[0].cells] == [2, 1]


def test_picker_links_move_hide_and_show_columns():
    items = {item.code: item for item in picker(LANGUAGES, ["id", "en"])}
    assert langs(items["id"].right) == ["en", "id"]
    assert items["id"].left is None and items["en"].right is None
    assert langs(items["en"].left) == ["en", "id"]
    assert langs(items["en"].toggle) == ["id"]  # hide
    assert not items["sv"].shown and langs(items["sv"].toggle) == ["id", "en", "sv"]  # show
    assert langs(items["en"].first) == ["en", "id"]  # the phone tab puts it first


def test_the_last_shown_column_cannot_be_hidden():
    (item,) = [item for item in picker(LANGUAGES, ["sv"]) if item.shown]
    assert item.toggle is None


def test_picker_lists_shown_languages_in_column_order_then_the_hidden_ones():
    assert [item.code for item in picker(LANGUAGES, ["sv", "id"])] == ["sv", "id", "en"]
