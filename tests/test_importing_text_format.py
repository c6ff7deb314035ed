"""The seed text format: each seed's reading copy is its real paragraphs and nothing else."""

from datetime import date

import pytest

from articles.importing.records import ImageRecord
from articles.importing.text_format import parse_text

from .seed_captures import seed_captures, seed_text

BOILERPLATE = ("Sumber", "Källa", "Komentar (0)", "Kommentar (0)", "Có thể bạn quan tâm", "![")


def source_lines(prefix: str) -> list[str]:
    lines = seed_text(prefix).splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()]


@pytest.mark.parametrize("name", seed_captures(), ids=lambda name: name[:3])
def test_seed_body_has_no_boilerplate(name):
    record = parse_text(seed_captures()[name].decode())
    for paragraph in record.paragraphs:
        assert not paragraph.startswith(BOILERPLATE), paragraph
        assert not paragraph.endswith("/.")
    assert "Komentar" not in record.body and "Tổng thống Hàn Quốc" not in record.body


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_seed_keeps_every_real_paragraph(prefix):
    """Everything before the source marker is body, line for line."""
    lines = source_lines(prefix)
    body = lines[: lines.index("Sumber" if prefix != "003" else "Källa")]
    body[-1] = body[-1].removesuffix("/.")
    assert parse_text(seed_text(prefix)).paragraphs == body


def test_seed_000_drops_the_teasers_of_other_stories():
    record = parse_text(seed_text("000"))
    assert record.images == []
    assert "To Lam" not in record.body


def test_seed_002_date_line_is_the_publication_date_and_credit_the_byline():
    record = parse_text(seed_text("002"))
    assert record.published_on == date(2025, 2, 19)
    assert record.byline == "VNA/VNS"
    assert record.paragraphs[0].startswith("HÀ NỘI — Prime Minister Phạm Minh Chính")
    assert record.paragraphs[-1].endswith(
        "sought the Vietnamese Government's support for the event."
    )
    assert len(record.paragraphs) == 11
    assert "date 2025" not in record.body


def test_seed_004_keeps_its_headline_and_turns_doubled_lines_into_captions():
    record = parse_text(seed_text("004"))
    assert (
        record.title == "Tăng cường hợp tác kết nối giữa các địa phương của Việt Nam với Quảng Tây"
    )
    assert record.title_derived is False
    assert record.images == [
        ImageRecord(url="", caption="Đại sứ Phạm Thanh Bình hội kiến với đồng chí Trần Cương."),
        ImageRecord(
            url="", caption="Đại sứ Phạm Thanh Bình khảo sát mô hình hợp tác kinh tế qua biên giới."
        ),
    ]
    assert record.paragraphs[0].startswith("Sáng 16/5, trong khuôn khổ chuyến công tác")
    assert record.paragraphs[-1].startswith("Tại đây, Đại sứ Phạm Thanh Bình đã nghe")
    assert len(record.paragraphs) == 11
    assert "Điện mừng" not in record.body


def test_seed_004_keeps_every_paragraph_before_the_related_block():
    lines = source_lines("004")
    body = lines[1 : lines.index("Có thể bạn quan tâm")]
    captions = {
        "Đại sứ Phạm Thanh Bình hội kiến với đồng chí Trần Cương.",
        "Đại sứ Phạm Thanh Bình khảo sát mô hình hợp tác kinh tế qua biên giới.",
    }
    expected = [line for line in body if line not in captions]
    assert parse_text(seed_text("004")).paragraphs == expected


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seeds_without_a_headline_get_a_derived_title_and_no_date_is_invented(prefix):
    record = parse_text(seed_text(prefix))
    assert record.title_derived is True
    assert record.title
    if prefix != "002":
        assert record.published_on is None


def test_derived_title_is_the_first_sentence_without_the_dateline():
    record = parse_text("BERLIN — The talks ended. Both sides left.\nSecond paragraph here.")
    assert record.title == "The talks ended."
    assert record.title_derived is True


def test_a_short_first_line_without_a_blank_line_after_it_is_body():
    record = parse_text("Short line\nAnother line follows directly.\nAnd a third one.")
    assert record.title_derived is True
    assert record.paragraphs[0] == "Short line"
