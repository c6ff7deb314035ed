"""The comparison panel (articles/panel.py): facts against versions, differences first."""

from articles.models import Article
from articles.panel import Fact, Occurrence, digit_facts, marks_for, panel_lines, row_of


def version(pk: int, *paragraphs: str) -> Article:
    return Article(pk=pk, language_id="en", title="t", body="\n\n".join(paragraphs))


def test_digit_facts_record_paragraph_span_and_surface():
    a = version(1, "Intro.", "Trade reached US$42 billion in 2024.")
    facts = {fact.label: fact for fact in digit_facts([a])}
    assert set(facts) == {"42", "2024"}
    assert facts["42"].occurrences[1] == [Occurrence(1, 17, 19, "42")]


def test_facts_only_some_versions_carry_come_first_and_are_marked():
    a = version(1, "Held on 17-21 September, 42 billion.")
    b = version(2, "42 billion.")
    rows = row_of([[[0], [0]]], [a, b])
    lines = panel_lines(digit_facts([a, b]), [a, b], rows, selected=None)
    assert [(line.fact.label, line.partial) for line in lines] == [("17-21", True), ("42", False)]
    assert [bool(cell.mentions) for cell in lines[0].cells] == [True, False]
    assert lines[0].first_row == 1


def test_a_fact_in_no_shown_column_is_left_out():
    a, b = version(1, "7 ships."), version(2, "No figure.")
    lines = panel_lines(digit_facts([a, b]), [b], row_of([[[0], [0]]], [a, b]), None)
    assert lines == []


def test_the_link_names_the_row_where_each_version_mentions_the_fact():
    a = version(1, "x", "y", "In 2025.")
    b = version(2, "In 2025.")
    rows = row_of([[[0, 1], []], [[2], [0]]], [a, b])
    (line,) = panel_lines(digit_facts([a, b]), [a, b], rows, "number-2025")
    assert [cell.row for cell in line.cells] == [2, 2] and line.selected


def test_marks_hold_the_spans_of_the_selected_fact_only():
    fact = Fact("number", "number-7", "7", {1: [Occurrence(0, 0, 1, "7")]})
    other = Fact("number", "number-8", "8", {1: [Occurrence(0, 2, 3, "8")]})
    assert marks_for([fact, other], "number-7") == {(1, 0): [(0, 1)]}
    assert marks_for([fact, other], None) == {}
