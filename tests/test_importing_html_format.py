"""Saved HTML pages: the page's own metadata, the body, images with captions, bad pages."""

import gzip
import json
from datetime import date

import pytest

from articles.importing.html_format import parse_html
from articles.importing.records import CaptureError

from .hand_made import page
from .shared_data import EXTRACTION, FUNDUS_PAGES, needs_shared_data

PARAGRAPHS = [
    f"Paragraph {n}: the delegations discussed railway links, border gates and trade figures."
    for n in range(1, 5)
]


def make_page(head: str = "", body_extra: str = "", lang: str = "en") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Site | Page</title>{head}</head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Visible headline</h1>{paragraphs}{body_extra}</article>"
        f"<footer>© Example 2025. All rights reserved.</footer></body></html>"
    ).encode()


def test_opengraph_metadata_is_used_first():
    head = (
        '<meta property="og:title" content="Leaders meet in Hanoi">'
        '<meta property="og:site_name" content="Viet Nam News">'
        '<meta property="og:url" content="https://vietnamnews.vn/politics/123.html">'
        '<meta property="article:published_time" content="2025-02-19T23:30:00+07:00">'
    )
    record = parse_html(make_page(head))
    assert record.title == "Leaders meet in Hanoi" and record.title_derived is False
    assert record.outlet_name == "Viet Nam News"
    assert record.outlet_domain == "vietnamnews.vn"
    assert record.source_url == "https://vietnamnews.vn/politics/123.html"
    assert record.published_on == date(2025, 2, 19), "the page's own calendar date, not UTC"
    assert record.language_hint == "en"


def test_json_ld_news_article_gives_headline_date_and_author():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "NewsArticle",
                "headline": "R&uuml;ckbau beginnt",
                "datePublished": "2025-10-25T09:00:00+02:00",
                "author": [{"@type": "Person", "name": "Anna Fink"}, {"name": "Jan Marchart"}],
                "publisher": {"@type": "Organization", "name": "Zeitung"},
                "mainEntityOfPage": {"@id": "https://zeitung.example/a"},
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    record = parse_html(make_page(head, lang="de"))
    assert record.title == "Rückbau beginnt"
    assert record.published_on == date(2025, 10, 25)
    assert record.byline == "Anna Fink, Jan Marchart"
    assert record.outlet_name == "Zeitung"
    assert record.source_url == "https://zeitung.example/a"


def test_canonical_link_and_time_element_are_fallbacks():
    head = '<link rel="canonical" href="https://example.org/story">'
    record = parse_html(make_page(head, body_extra='<time datetime="2024-05-03">3 May</time>'))
    assert record.source_url == "https://example.org/story"
    assert record.published_on == date(2024, 5, 3)


def test_no_date_is_invented_when_the_page_has_none():
    record = parse_html(make_page())
    assert record.published_on is None
    assert "no publication date in the capture" in record.warnings
    assert record.source_url is None and record.outlet_name == ""


def test_body_paragraphs_are_kept_and_navigation_dropped():
    record = parse_html(make_page())
    for paragraph in PARAGRAPHS:
        assert paragraph in record.paragraphs
    assert "Home" not in record.body and "All rights reserved" not in record.body


def test_article_images_keep_their_captions():
    figure = (
        '<figure><img src="/img/meeting.jpg" alt="alt text">'
        "<figcaption>The two leaders shake hands.</figcaption></figure>"
    )
    head = '<meta property="og:url" content="https://example.org/story">'
    record = parse_html(make_page(head, body_extra=figure + f"<p>{PARAGRAPHS[0]} More.</p>"))
    assert [(i.url, i.caption) for i in record.images] == [
        ("https://example.org/img/meeting.jpg", "The two leaders shake hands.")
    ]


def test_boilerplate_inside_the_article_is_cleaned():
    extra = "<p>Baca juga: Berita lain yang tidak terkait</p><p>Share on Facebook</p>"
    record = parse_html(make_page(body_extra=extra))
    assert record.paragraphs == PARAGRAPHS


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><body></body></html>",
        b"<html><head><title>x</title></head></html>",
        b"<<<>>>",
        b"<html><body><script>var a = 1;</script><div></div></body></html>",
    ],
)
def test_html_without_an_article_is_a_capture_error(raw):
    with pytest.raises(CaptureError, match="no article"):
        parse_html(raw)


def test_hand_made_vietnamese_page():
    """Metadata after a JSON-LD block that is not the article, an empty meta tag, a figure
    caption, a figure without one, and an image caption the extractor leaves in the text."""
    record = parse_html(page("vi_duong_sat_lang_son.html"))
    assert record.title == "Khởi công tuyến đường sắt Lạng Sơn \u2013 Hà Nội"
    assert (record.published_on, record.language_hint) == (date(2025, 10, 22), "vi")
    assert (record.outlet_name, record.byline) == ("Báo Mẫu", "Minh Châu")
    assert record.paragraphs[0].startswith("Sáng 22/10, tỉnh Lạng Sơn tổ chức lễ khởi công")
    assert len(record.paragraphs) == 5
    captions = [image.caption for image in record.images]
    assert captions == [
        "Lễ khởi công tại ga Đồng Đăng sáng 22/10. Ảnh: Minh Châu",
        "",
        "Bản đồ hướng tuyến qua bốn huyện của tỉnh Lạng Sơn",
    ]
    assert not set(captions) & set(record.paragraphs), "a caption is not a body paragraph"


def test_hand_made_indonesian_page():
    """The date from JSON-LD; a title whose separator is not followed by the site's name
    keeps it; "Baca juga" and share lines go."""
    record = parse_html(page("id_petani_kopi.html"))
    assert record.title == "Petani Kopi Gayo Bertahan di Musim Kering - Liputan Khusus"
    assert record.published_on == date(2026, 1, 20)
    assert record.paragraphs[0].startswith("PARA petani kopi di dataran tinggi Gayo")
    assert len(record.paragraphs) == 4
    assert "Baca juga" not in record.body and "Bagikan" not in record.body


def test_a_page_without_an_article_element_gives_the_story_alone():
    """Menus, a "most read" list and reader comments around a story in plain <div>s."""
    record = parse_html(page("en_generic_layout.html"))
    assert record.title == "Harbour town votes to rebuild its old sea wall"
    assert len(record.paragraphs) == 5
    assert record.paragraphs[0].startswith("The town council voted late on Tuesday")
    for stray in ("Subscribe", "Most read", "Lifeboat crew", "about time", "Cookie"):
        assert stray not in record.body


@needs_shared_data
def test_real_vietnamese_page_from_fundus():
    record = parse_html(
        gzip.decompress((FUNDUS_PAGES / "vn" / "VnExpress_2025_10_22.html.gz").read_bytes())
    )
    truth = json.loads((EXTRACTION / "fundus" / "ground-truth-flat.json").read_text())
    expected = truth["vn/VnExpress_2025_10_22.html.gz"]
    assert record.title == expected["title"]
    assert record.published_on == date(2025, 10, 22)
    assert record.language_hint == "vi"
    assert record.paragraphs[0].startswith("Ngày 22/10, BS.CK2 Cao Thị Hồng")
    caption = "Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp"
    assert caption in [image.caption for image in record.images]
    assert caption not in record.paragraphs, "a caption is not a body paragraph"


@needs_shared_data
def test_real_indonesian_page_from_fundus():
    path = FUNDUS_PAGES / "id" / "MediaIndonesia_2026_01_20.html.gz"
    record = parse_html(gzip.decompress(path.read_bytes()))
    assert record.title.startswith("Dari Petani hingga Pendidik Bangsa")
    assert record.published_on == date(2026, 1, 20)
    assert any(p.startswith("INTERNATIONAL Golden Institute") for p in record.paragraphs)


@needs_shared_data
def test_real_scrapinghub_page_body_matches_its_annotation():
    aeb = EXTRACTION / "scrapinghub-aeb"
    truth = json.loads((aeb / "ground-truth.json").read_text())
    key = sorted(truth)[0]
    record = parse_html(gzip.decompress((aeb / "html" / f"{key}.html.gz").read_bytes()))
    true_words = set(truth[key]["articleBody"].split())
    got_words = set(record.body.split())
    assert len(true_words & got_words) / len(true_words) > 0.9


def test_the_site_name_after_a_separator_is_not_part_of_the_title():
    head = (
        '<meta property="og:title" content="Leaders meet in Hanoi | Viet Nam News">'
        '<meta property="og:site_name" content="Viet Nam News">'
    )
    assert parse_html(make_page(head)).title == "Leaders meet in Hanoi"


def test_a_title_with_a_dash_inside_keeps_it():
    head = '<meta property="og:title" content="Lạng Sơn - Hà Nội railway: work begins">'
    assert parse_html(make_page(head)).title == "Lạng Sơn - Hà Nội railway: work begins"
