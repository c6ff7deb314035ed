"""articles.search.highlighting: the excerpt around a match, escaped, with <mark>."""

from articles.search.highlighting import WIDTH, excerpt


def test_the_match_is_marked_as_written_though_found_folded():
    html = excerpt("Bí thư Tỉnh ủy Quảng Ninh Vũ Đại Thắng.", ["quang ninh"])
    assert "<mark>Quảng Ninh</mark>" in html


def test_every_occurrence_of_every_phrase_in_the_excerpt_is_marked():
    html = excerpt("Chen Gang met Tran Cuong; Chen Gang left.", ["chen gang", "tran cuong"])
    assert html.count("<mark>") == 3


def test_text_is_escaped_around_and_inside_the_marks():
    html = excerpt('<script>alert("x")</script> Quảng <b>Ninh', ["quang", "ninh"])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "<mark>Quảng</mark>" in html


def test_a_long_text_is_cut_around_the_first_match():
    text = "word " * 200 + "Quảng Ninh " + "tail " * 200
    html = excerpt(text, ["quang ninh"])
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>Quảng Ninh</mark>" in html
    assert len(html) < WIDTH + 40


def test_a_match_must_start_a_word():
    assert excerpt("Ninhs and Quangninh", ["ninh"]) is not None
    assert excerpt("Quangninh", ["ninh"]) is None


def test_no_match_gives_no_excerpt():
    assert excerpt("Nothing here.", ["quang ninh"]) is None


def test_a_phrase_is_marked_across_a_line_break_and_after_a_letter_folding_to_two():
    """ "ß" folds to "ss" (the text grows as it folds); a line break is any whitespace."""
    html = excerpt("Die Straße nach\nQuảng  Ninh.", ["quang ninh", "strasse"])
    assert "<mark>Straße</mark>" in html and "<mark>Quảng  Ninh</mark>" in html
    assert "<mark>Quảng\nNinh</mark>" in excerpt("Nach Quảng\nNinh.", ["quang ninh"])
