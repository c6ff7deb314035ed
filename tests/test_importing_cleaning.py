"""Each boilerplate rule on its own, and that real body text survives them."""

from datetime import date

import pytest

from articles.importing import cleaning
from articles.importing.records import ImageRecord
from articles.languages import LANGUAGES


@pytest.mark.parametrize("line", ["Sumber", "Källa", "Nguồn", "Source", "Sumber: Antara"])
def test_source_markers_are_recognised(line):
    assert cleaning.is_source_marker(line)


def test_a_sentence_starting_with_source_is_not_a_marker():
    assert not cleaning.is_source_marker("Sumber daya alam Indonesia sangat kaya dan beragam.")


@pytest.mark.parametrize("line", ["Komentar (0)", "Kommentar (12)", "Comments", "Bình luận (3)"])
def test_comment_counters_are_recognised(line):
    assert cleaning.is_comment_counter(line)


@pytest.mark.parametrize(
    "line", ["Có thể bạn quan tâm", "Baca juga", "Läs också", "Read more", "Related", "Baca juga:"]
)
def test_related_headings_are_recognised(line):
    assert cleaning.is_related_heading(line)


def test_inline_read_also_link_is_dropped_but_body_kept():
    cleaned = cleaning.clean_lines(
        ["Paragraf pertama berita ini.", "Baca juga: Judul berita lain", "Paragraf kedua."]
    )
    assert cleaned.paragraphs == ["Paragraf pertama berita ini.", "Paragraf kedua."]


def test_related_block_at_the_end_is_cut_with_everything_after_it():
    body = [f"Real paragraph number {n} with enough words to count." for n in range(6)]
    cleaned = cleaning.clean_lines([*body, "Có thể bạn quan tâm", "Teaser headline", "Teaser text"])
    assert cleaned.paragraphs == body


def test_related_heading_near_the_top_only_drops_its_own_line():
    """A "Related" line before most of the text is not a tail: the body after it stays."""
    body = [f"Real paragraph number {n} with enough words to count." for n in range(6)]
    cleaned = cleaning.clean_lines([body[0], "Related", *body[1:]])
    assert cleaned.paragraphs == body


def test_source_marker_at_the_end_cuts_teasers_and_counter():
    body = [f"Isi berita paragraf {n} yang cukup panjang untuk dihitung." for n in range(4)]
    tail = ["Sumber", "![[Foto] Berita lain](https://example.org/a.webp)", "", "Komentar (0)"]
    assert cleaning.clean_lines(body + tail).paragraphs == body


def test_teaser_image_lines_are_not_body():
    assert cleaning.is_teaser_image("![[Foto] Sekretaris](https://vphoto.vietnam.vn/x.webp)")
    assert not cleaning.is_teaser_image("A paragraph mentioning ![an image] in passing.")


@pytest.mark.parametrize(
    "line", ["Share", "Share on Facebook", "Facebook Twitter", "Chia sẻ", "Bagikan", "Dela"]
)
def test_share_bars_are_recognised(line):
    assert cleaning.is_share_bar(line)


def test_a_sentence_about_sharing_is_body():
    assert not cleaning.is_share_bar("The two sides agreed to share data on border trade.")


def test_cookie_banner_is_recognised():
    assert cleaning.is_cookie_banner("We use cookies to improve your experience. Accept all")
    assert cleaning.is_cookie_banner("Vi använder kakor för att förbättra webbplatsen. Godkänn")
    assert not cleaning.is_cookie_banner("The bakery sold cookies at the border market.")


def test_capture_metadata_date_is_taken_from_the_start():
    text, found = cleaning.take_capture_date(" date 2025-02-19 HÀ NỘI — Prime Minister")
    assert found == date(2025, 2, 19)
    assert text == "HÀ NỘI — Prime Minister"


def test_a_date_later_in_the_text_is_not_capture_metadata():
    text, found = cleaning.take_capture_date("The meeting on date 2025-02-19 went well.")
    assert found is None
    assert text.startswith("The meeting")


def test_impossible_capture_date_is_ignored():
    assert cleaning.take_capture_date("date 2025-02-31 Text")[1] is None


def test_end_marker_is_stripped_from_the_last_paragraph():
    assert cleaning.strip_end_marker("diadakan di Nanning dari 17-21 September 2025./.") == (
        "diadakan di Nanning dari 17-21 September 2025."
    )
    assert cleaning.strip_end_marker("A URL ends in a/b") == "A URL ends in a/b"


def test_repeated_caption_lines_become_one_caption():
    lines = ["Body one.", "Đại sứ hội kiến.", "Đại sứ hội kiến.", "Body two."]
    kept, captions = cleaning.pull_repeated_captions(lines)
    assert kept == ["Body one.", "Body two."]
    assert captions == [ImageRecord(url="", caption="Đại sứ hội kiến.")]


def test_whitespace_is_normalised():
    text = "A\u00a0 line\u200b with  gaps \r\nnext\tline"
    assert cleaning.normalise_whitespace(text) == "A line with gaps\nnext line"


def test_trailing_agency_credit_becomes_byline():
    paragraphs, byline = cleaning.take_trailing_credit(["One.", "Support for the event. — VNA/VNS"])
    assert byline == "VNA/VNS"
    assert paragraphs == ["One.", "Support for the event."]


def test_a_dash_inside_a_sentence_is_not_a_credit():
    paragraphs, byline = cleaning.take_trailing_credit(["Lạng Sơn - Hà Nội and Móng Cái — Hạ Long"])
    assert byline == ""
    assert paragraphs == ["Lạng Sơn - Hà Nội and Móng Cái — Hạ Long"]


def test_removed_lines_are_reported():
    cleaned = cleaning.clean_lines(["Body paragraph.", "Komentar (0)"])
    assert cleaned.removed == ["Komentar (0)"]
    assert "1 boilerplate" in cleaning.removal_warning(cleaned.removed)


# The rules read their words from the language profiles: each language's words drive them.
BOILERPLATES = pytest.mark.parametrize(
    "words", [language.boilerplate for language in LANGUAGES.values()], ids=list(LANGUAGES)
)


@BOILERPLATES
def test_a_languages_source_markers_and_comment_words_are_recognised(words):
    for marker in words.source_markers:
        assert cleaning.is_source_marker(marker.title())
        assert cleaning.is_source_marker(f"{marker}: Antara")
    for word in words.comment_words:
        assert cleaning.is_comment_counter(f"{word.capitalize()} (3)")


@BOILERPLATES
def test_a_languages_related_headings_are_headings_and_start_related_links(words):
    for heading in words.related_headings:
        assert cleaning.is_related_heading(f"{heading.upper()}:")
        assert cleaning.is_related_link(f"{heading.capitalize()}: Another story")


@BOILERPLATES
def test_a_languages_share_verb_with_its_share_words_is_a_share_bar(words):
    others = sorted(words.share_words - words.share_verbs)[:5]
    for verb in words.share_verbs:
        assert cleaning.is_share_bar(" ".join([verb.capitalize(), *others]))
        # One word that is no share word makes the line body.
        assert not cleaning.is_share_bar(" ".join([verb, *others, "harbour"]))


@BOILERPLATES
def test_a_languages_cookie_word_with_a_consent_word_is_a_banner(words):
    for cookie in words.cookie_words:
        for consent in words.consent_words:
            assert cleaning.is_cookie_banner(f"{cookie.capitalize()} … {consent}.")
        assert not cleaning.is_cookie_banner(f"{cookie} at the market")
