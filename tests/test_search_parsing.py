"""articles.search.parsing: words and quoted phrases, folded, and the queries it refuses."""

import pytest

from articles.search.parsing import MAX_LENGTH, Phrase, QueryProblem, parse


def test_words_and_quoted_phrases_are_folded():
    query = parse('Quảng Ninh "Phạm  Minh Chính" Hạ-Long')
    assert query.phrases == (
        Phrase(("quang",)),
        Phrase(("ninh",)),
        Phrase(("pham", "minh", "chinh"), quoted=True),
        Phrase(("ha-long",)),
    )
    assert query.text == 'quang ninh "pham minh chinh" ha-long'


def test_curly_quotes_and_an_unclosed_quote_make_phrases():
    assert parse("“border gate” now").phrases[0] == Phrase(("border", "gate"), quoted=True)
    assert parse('now "border gate').phrases[1] == Phrase(("border", "gate"), quoted=True)


def test_consecutive_bare_words_form_one_run_and_a_phrase_breaks_it():
    runs = parse('chen gang "in" guangxi province').runs()
    assert [r.text for r in runs] == ["chen gang", "in", "guangxi province"]


def test_punctuation_is_reported_as_ignored():
    query = parse("'; DROP TABLE articles_article; --")
    assert query.text == "drop table articles article"
    assert set(query.ignored) == {"'", ";", "-", "_"}


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("?!; --", "no letters or digits"),
        ('""', "no letters or digits"),
        ("x" * (MAX_LENGTH + 1), f"at most {MAX_LENGTH}"),
        ("quang\x00ninh", "NUL"),
    ],
)
def test_queries_that_cannot_be_searched_say_why(raw, says):
    with pytest.raises(QueryProblem, match=says):
        parse(raw)


def test_a_query_of_the_maximum_length_is_searched():
    assert parse("a" * MAX_LENGTH).phrases == (Phrase(("a" * MAX_LENGTH,)),)
