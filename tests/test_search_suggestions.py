"""articles.search.suggestions: pg_trgm's similarity in Python, and the corrections it picks."""

import pytest

from articles.search.parsing import parse
from articles.search.suggestions import Vocabulary, correct, similarity

SPELLINGS = [("Quảng Ninh", "quang ninh"), ("Chen Gang", "chen gang"), ("Hạ Long", "ha long")]


def vocabulary(words: set[str]) -> Vocabulary:
    every = words | {w for _, f in SPELLINGS for w in f.split()}

    def closest(asked):
        return {
            word: max(((w, similarity(word, w)) for w in every), key=lambda p: (p[1], p[0]))
            for word in asked
        }

    return Vocabulary(SPELLINGS, closest)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    # As PostgreSQL's pg_trgm gives them (SELECT similarity(a, b)).
    [("quang nihn", "quang ninh", 8 / 14), ("nihn", "ninh", 2 / 8), ("word", "word", 1.0)],
)
def test_similarity_is_pg_trgm_s(a, b, expected):
    assert similarity(a, b) == pytest.approx(expected)


def test_a_misspelt_name_becomes_the_register_spelling():
    assert correct(parse("Quang Nihn"), vocabulary(set())) == "Quảng Ninh"


def test_known_words_stay_and_an_unknown_word_takes_the_closest_known_one():
    assert correct(parse("border gatte quang ninh"), vocabulary({"border", "gate"})) == (
        "border gate quang ninh"
    )


def test_a_quoted_phrase_stays_quoted():
    assert correct(parse('"chen gangg" visit'), vocabulary({"visit"})) == '"Chen Gang" visit'


def test_nothing_close_enough_gives_no_correction():
    assert correct(parse("zzyzx"), vocabulary({"border"})) is None
    assert correct(parse("quang ninh"), vocabulary(set())) is None


def test_a_long_query_of_nonsense_looks_up_a_bounded_number_of_words_at_once():
    asked = []

    def closest(words):
        asked.append(words)
        return {}

    correct(parse(" ".join(f"zq{n}x" for n in range(80))), Vocabulary(SPELLINGS, closest))
    assert len(asked) == 1 and 0 < len(asked[0]) <= 8
