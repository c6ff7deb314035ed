"""The facts panel (articles/event_page/facts_panel.py): facts against versions, differences
first."""

from articles.comparison import Fact, Occurrence
from articles.event_page.facts_panel import marks_for, panel_lines
from articles.event_page.rows import row_of
from articles.models import Article


def version(pk: int, *paragraphs: str) -> Article:
    return Article(pk=pk, language_id="en", title="t", body="\n\n".join(paragraphs))


def fact(key: str, **occurrences: list[Occurrence]) -> Fact:
    """A fact from keyword arguments a<article id>=[occurrences]."""
    by_article = {int(name[1:]): where for name, where in occurrences.items()}
    return Fact("number", key, key, by_article)


def at(paragraph: int, start: int = 0, end: int = 1) -> list[Occurrence]:
    return [Occurrence(paragraph, start, end, "x")]


def test_facts_only_some_versions_carry_come_first_and_are_marked():
    a, b = version(1, "p"), version(2, "p")
    facts = [fact("shared", a1=at(0), a2=at(0)), fact("only-a", a1=at(0))]
    lines = panel_lines(facts, [a, b], row_of([(1, [[0], [0]])], [a, b]), selected=None)
    assert [(line.fact.key, line.partial) for line in lines] == [
        ("only-a", True),
        ("shared", False),
    ]
    assert [bool(cell.mentions) for cell in lines[0].cells] == [True, False]


def test_a_fact_in_no_shown_column_is_left_out():
    a, b = version(1, "p"), version(2, "p")
    lines = panel_lines([fact("k", a1=at(0))], [b], row_of([(1, [[0], [0]])], [a, b]), None)
    assert lines == []


def test_the_link_names_the_row_where_each_version_mentions_the_fact():
    a, b = version(1, "x", "y", "z"), version(2, "z")
    rows = row_of([(1, [[0, 1], []]), (2, [[2], [0]])], [a, b])
    (line,) = panel_lines([fact("k", a1=at(2), a2=at(0))], [a, b], rows, "k")
    assert [cell.row for cell in line.cells] == [2, 2] and line.first_row == 2 and line.selected


def test_a_name_links_to_its_register_entry():
    """The entry's slug comes with the stored fact: the link costs the page no query."""
    a = version(1, "p")
    name = Fact("person", "name:7", "X", {1: at(0)}, slug="x")
    (line,) = panel_lines([name], [a], {}, None)
    assert line.url == "/names/x/"


def test_marks_hold_the_spans_of_the_selected_fact_only():
    seven = fact("seven", a1=at(0, 0, 1))
    eight = fact("eight", a1=at(0, 2, 3))
    assert marks_for([seven, eight], "seven") == {(1, 0): [(0, 1)]}
    assert marks_for([seven, eight], None) == {}
