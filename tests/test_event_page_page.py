"""Assembling the event page (articles/event_page/page.py) from its parts, without the database."""

from articles.event_page.page import build_side_by_side
from articles.models import Article, Language

LANGUAGES = [
    Language(code="id", name="Indonesian", native_name="Bahasa Indonesia"),
    Language(code="en", name="English", native_name="English"),
    Language(code="sv", name="Swedish", native_name="Svenska"),
]


def version(pk: int, language: str, *paragraphs: str) -> Article:
    return Article(pk=pk, language_id=language, title=f"v{pk}", body="\n\n".join(paragraphs))


def test_columns_follow_the_chosen_order():
    a, b = version(1, "id", "a"), version(2, "en", "b")
    side_by_side = build_side_by_side(
        [a, b], ["en", "id"], LANGUAGES[:2], indexes=[(1, [[0], [0]])]
    )
    assert [column.language_id for column in side_by_side.columns] == ["en", "id"]
    assert [cell.article.pk for cell in side_by_side.rows[0].cells] == [2, 1]
