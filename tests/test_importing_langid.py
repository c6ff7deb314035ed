"""Language identification: seeds all right, Malay kept apart, foreign text reported."""

import pytest

from articles.importing.langid import detect_language
from articles.importing.text_format import parse_text
from articles.languages import base_language

from .seed_captures import seed_text

ARCHIVE = frozenset({"id", "en", "sv", "vi"})


@pytest.mark.parametrize(
    ("prefix", "code"), [("000", "id"), ("001", "id"), ("002", "en"), ("003", "sv"), ("004", "vi")]
)
def test_every_seed_body_is_identified(prefix, code):
    record = parse_text(seed_text(prefix))
    assert detect_language(record.body, known=ARCHIVE).code == code


def test_malay_is_reported_as_a_language_the_archive_lacks():
    text = (
        "Kerajaan Malaysia akan melaksanakan dasar baharu untuk rakyat di seluruh negara "
        "pada tahun hadapan, kata Perdana Menteri semasa sidang media di Putrajaya semalam."
    )
    guess = detect_language(text, known=ARCHIVE)
    assert guess.code is None
    assert guess.unknown == "ms"


def test_indonesian_news_is_not_read_as_malay():
    record = parse_text(seed_text("000"))
    assert detect_language(record.paragraphs[1], known=ARCHIVE).code == "id"


def test_foreign_language_is_reported_not_forced():
    guess = detect_language(
        "Die Bundesregierung hat heute beschlossen, die Steuern deutlich zu senken.", known=ARCHIVE
    )
    assert (guess.code, guess.unknown) == (None, "de")


def test_the_page_language_tips_an_ambiguous_headline():
    """Read alone, this headline of names comes out Indonesian; an English page says English."""
    headline = "Indonesia beat Vietnam 2-0"
    assert detect_language(headline, known=ARCHIVE).code == "id"
    assert detect_language(headline, known=ARCHIVE, hint="en").code == "en"


def test_clear_text_overrules_a_wrong_page_language():
    text = (
        "Prime Minister Phạm Minh Chính met with Chen Gang in Hà Nội on Tuesday to discuss trade."
    )
    assert detect_language(text, known=ARCHIVE, hint="sv").code == "en"


def test_too_little_text_is_undetectable():
    guess = detect_language("12 34 ab", known=ARCHIVE)
    assert guess.code is None and guess.unknown is None


@pytest.mark.parametrize(
    ("tag", "code"), [("id-ID", "id"), ("en_US", "en"), (" SV ", "sv"), ("", ""), (None, "")]
)
def test_base_language_of_a_lang_attribute(tag, code):
    assert base_language(tag) == code


@pytest.mark.parametrize("hint", ["x", "", "de-DE"])
def test_a_hint_outside_the_archive_tips_nothing(hint):
    headline = "Indonesia beat Vietnam 2-0"
    assert detect_language(headline, known=ARCHIVE, hint=hint) == detect_language(
        headline, known=ARCHIVE
    )
