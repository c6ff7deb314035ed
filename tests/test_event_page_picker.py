"""The column picker (articles/event_page/picker.py): links that move, hide and show columns."""

from urllib.parse import parse_qs

from articles.event_page.picker import picker
from articles.models import Language

LANGUAGES = [
    Language(code="id", name="Indonesian", native_name="Bahasa Indonesia"),
    Language(code="en", name="English", native_name="English"),
    Language(code="sv", name="Swedish", native_name="Svenska"),
]


def langs(query: str) -> list[str]:
    return parse_qs(query.lstrip("?"))["lang"]


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
