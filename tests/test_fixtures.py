"""Smoke test of the real seed fixture: it loads, and it says what the captures say."""

import importlib.util
import subprocess
import sys
from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from articles.languages.folding import fold
from articles.models import Article, ArticleImage, Capture, Event
from articles.text import sha256_hex, split_paragraphs
from tests.factories import make_article, make_capture
from tests.seed_captures import seed_text
from tests.shared_data import SEED_SOURCES, needs_shared_data

FIXTURE = settings.SEED_FIXTURE
BUILD_SCRIPT = settings.BASE_DIR / "fixtures" / "build_seed_fixture.py"
BOILERPLATE = [
    "Sumber", "Källa", "Komentar", "Kommentar", "Có thể bạn quan tâm", "![", "vphoto",
    "date 2025-02-19", "VNA/VNS", "/.",
]  # fmt: skip
CAPTIONS_004 = [
    "Đại sứ Phạm Thanh Bình hội kiến với đồng chí Trần Cương.",
    "Đại sứ Phạm Thanh Bình khảo sát mô hình hợp tác kinh tế qua biên giới.",
]


@pytest.fixture
def seeds(db):
    call_command("loaddata", FIXTURE, verbosity=0)


def article_from(seed_prefix: str) -> Article:
    return Article.objects.get(captures__filename__startswith=seed_prefix)


def test_three_events_with_their_dates_and_languages(seeds):
    languages = {
        event.slug: (event.date, sorted(event.articles.values_list("language", flat=True)))
        for event in Event.objects.all()
    }
    assert languages == {
        "pham-minh-chinh-receives-chen-gang-2025-02-18": (date(2025, 2, 18), ["en", "id"]),
        "vu-dai-thang-meets-chen-gang-quang-ninh-2025-02-20": (date(2025, 2, 20), ["id", "sv"]),
        "pham-thanh-binh-meets-chen-gang-guangxi-2025-05-16": (date(2025, 5, 16), ["vi"]),
    }


def test_events_match_the_load_seed_events_command(seeds):
    from articles.management.commands.load_seed_events import SEED_EVENT_SLUGS

    assert sorted(Event.objects.values_list("slug", flat=True)) == sorted(SEED_EVENT_SLUGS)


def test_every_capture_holds_bytes_that_match_its_hash(seeds):
    """Tests read the seeds from these rows (tests/seed_captures.py)."""
    captures = Capture.objects.order_by("filename")
    assert [c.filename[:3] for c in captures] == ["000", "001", "002", "003", "004"]
    for capture in captures:
        assert capture.sha256 == sha256_hex(bytes(capture.raw))
        assert (capture.kind, capture.importer) == ("text", "seed-fixture/1")


@needs_shared_data
def test_every_capture_is_the_seed_file_byte_for_byte(seeds):
    captures = Capture.objects.order_by("filename")
    assert [c.filename for c in captures] == sorted(p.name for p in SEED_SOURCES.glob("*.txt"))
    for capture in captures:
        assert bytes(capture.raw) == (SEED_SOURCES / capture.filename).read_bytes()


def test_reading_copies_carry_no_boilerplate(seeds):
    for article in Article.objects.all():
        for marker in BOILERPLATE:
            assert marker not in article.body, (article.pk, marker)


def test_stored_hashes_and_search_text_match_the_bodies(seeds):
    """The fixture bypasses save(); its derived fields must be what save() would write."""
    for article in Article.objects.all():
        assert article.body_sha256 == sha256_hex(article.body)
        assert article.search_text == fold(f"{article.title}\n{article.body}")
        article.full_clean()
    for event in Event.objects.all():
        assert event.search_text == fold(f"{event.title} {event.summary} {event.place}")


def spaced(lines: list[str]) -> list[str]:
    """Paragraphs as Article.paragraphs gives them: runs of white space (NBSP too) as one."""
    return [" ".join(line.split()) for line in lines]


def test_every_seed_paragraph_is_kept(seeds):
    """Each line of article text in a seed is a paragraph of the reading copy."""
    kept_lines = {"000": range(0, 10), "001": range(0, 14), "003": range(0, 14)}
    for prefix, lines in kept_lines.items():
        article = article_from(prefix)
        seed_lines = seed_text(prefix).split("\n")
        expected = [seed_lines[i].removesuffix("/.") for i in lines if seed_lines[i].strip()]
        assert article.paragraphs == spaced(expected)
    english = article_from("002")
    seed_lines = seed_text("002").split("\n")
    expected = [line for line in seed_lines if line.strip()]
    expected[0] = expected[0].removeprefix(" date 2025-02-19 ")
    expected[-1] = expected[-1].removesuffix(" — VNA/VNS")
    assert english.paragraphs == spaced(expected)
    vietnamese = article_from("004")
    seed_lines = seed_text("004").split("\n")
    expected = [line for line in seed_lines[2:29] if line.strip() and line not in CAPTIONS_004]
    assert vietnamese.paragraphs == spaced(expected)


def test_004_captions_are_images_not_paragraphs(seeds):
    article = article_from("004")
    images = list(ArticleImage.objects.filter(article=article).order_by("position"))
    assert [(i.url, i.caption) for i in images] == [("", c) for c in CAPTIONS_004]
    for caption in CAPTIONS_004:
        assert caption not in article.body
    assert len(split_paragraphs(article.body)) == 11
    assert article.paragraphs[-1].startswith("Tại đây, Đại sứ Phạm Thanh Bình đã nghe")
    assert not ArticleImage.objects.exclude(article=article).exists()


def test_titles_derived_except_004_headline(seeds):
    for article in Article.objects.all():
        assert article.title_derived == (article.language_id != "vi")
        assert article.title not in article.paragraphs
        assert len(article.title) <= 161
    headline = "Tăng cường hợp tác kết nối giữa các địa phương của Việt Nam với Quảng Tây"
    assert article_from("004").title == headline
    assert article_from("002").title.startswith("Prime Minister Phạm Minh Chính met with Chen Gang")


def test_only_002_has_a_publication_date(seeds):
    dated = {a.captures.get().filename[:3]: a.published_on for a in Article.objects.all()}
    assert dated == {"000": None, "001": None, "002": date(2025, 2, 19), "003": None, "004": None}


def test_outlets_only_as_the_captures_identify_them(seeds):
    outlets = {
        a.captures.get().filename[:3]: (
            a.outlet.slug if a.outlet else None,
            bool(a.outlet_evidence),
        )
        for a in Article.objects.select_related("outlet")
    }
    assert outlets == {
        "000": ("vietnam-vn", True), "001": (None, False), "002": ("viet-nam-news", True),
        "003": (None, False), "004": ("nhan-dan", True),
    }  # fmt: skip
    assert article_from("002").byline == "VNA/VNS"


def test_new_rows_get_fresh_ids_after_loading(seeds):
    """loaddata resets PostgreSQL sequences past the fixture's fixed pks."""
    article = make_article()
    assert article.pk > 5
    assert make_capture(article).pk > 5


def test_build_script_stops_on_an_unaccounted_line():
    spec = importlib.util.spec_from_file_location("build_seed_fixture", BUILD_SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.account_for(["kept", "", "Sumber"], keep={1}, drop={3: "Sumber"})
    with pytest.raises(SystemExit, match="unaccounted line 3"):
        script.account_for(["kept", "", "Sumber", "Komentar (0)"], keep={1}, drop={})


@needs_shared_data
def test_fixture_is_what_the_build_script_writes(tmp_path):
    """The committed fixture is up to date with its script and the seeds in ../shared."""
    rebuilt = tmp_path / "seed_events.json"
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), str(rebuilt)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert rebuilt.read_bytes() == FIXTURE.read_bytes()


def test_loading_the_seed_events_links_their_names_and_stores_their_comparisons(db):
    """After `make run` the name pages and the comparison panel read stored data."""
    from django.core.cache import cache

    from articles.comparison.caching import _cache_key, fingerprint
    from articles.models import ArticleName, NameEntry
    from articles.names.queries import events_mentioning

    call_command("load_seed_events", stdout=StringIO())
    assert ArticleName.objects.exists()
    chen_gang = NameEntry.objects.get(slug="chen-gang")
    assert set(events_mentioning(chen_gang).values_list("slug", flat=True)) == {
        "pham-minh-chinh-receives-chen-gang-2025-02-18",
        "vu-dai-thang-meets-chen-gang-quang-ninh-2025-02-20",
        "pham-thanh-binh-meets-chen-gang-guangxi-2025-05-16",
    }
    hanoi = Event.objects.get(slug="pham-minh-chinh-receives-chen-gang-2025-02-18")
    assert cache.get(_cache_key(fingerprint(Article.objects.event_versions(hanoi)))) is not None
