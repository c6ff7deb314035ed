"""Reading without the database: what a reading worker hands the writing process."""

import pickle

import pytest

from articles.importing.pipeline import Importer
from articles.importing.reading import CaptureReader
from articles.text import compute_text

from .factories import make_article, make_outlet

ARCHIVE = frozenset({"id", "en", "sv", "vi"})

# Names and a score: read alone, this page comes out Indonesian (test_importing_langid.py).
AMBIGUOUS = "Indonesia beat Vietnam 2-0"


def page_without_lang(site: str) -> bytes:
    return (
        f'<html><head><meta property="og:title" content="{AMBIGUOUS}">'
        f'<meta property="og:site_name" content="{site}"></head>'
        f"<body><article><h1>{AMBIGUOUS}</h1><p>Vietnam lost 2-0 to Indonesia</p></article>"
        "</body></html>"
    ).encode()


def reader(**options) -> CaptureReader:
    return CaptureReader(known=ARCHIVE, language=options.get("language"), max_bytes=1_000_000)


def test_a_prepared_capture_survives_the_trip_to_another_process(seed_path):
    prepared = reader().read_path(seed_path("000"))
    copy = pickle.loads(pickle.dumps(prepared))  # noqa: S301 - bytes this test just made
    assert copy == prepared
    assert copy.raw.sha256 == prepared.raw.sha256 and copy.record.language == "id"


def test_reading_derives_the_hash_and_search_text_the_article_stores(seed_path):
    prepared = reader().read_path(seed_path("002"))
    assert prepared.computed == compute_text(prepared.record.title, prepared.record.body)


def test_a_page_without_lang_from_a_named_outlet_leaves_its_language_to_the_writer():
    """The outlet's usual language is a prior only the database knows."""
    prepared = reader().read_bytes("a.html", page_without_lang("Example Sports"))
    assert prepared.language_pending and prepared.record.language is None


def test_a_language_given_by_the_user_needs_no_detection():
    prepared = reader(language="sv").read_bytes("a.html", page_without_lang("Example Sports"))
    assert not prepared.language_pending and prepared.record.language == "sv"


def test_a_bad_file_is_read_into_its_reason():
    prepared = reader().read_bytes("empty.txt", b"   \n")
    assert prepared.error == "the file is empty" and prepared.raw is None


@pytest.mark.django_db
def test_the_writer_uses_the_outlets_usual_language_as_the_prior():
    outlet = make_outlet("Example Sports")
    make_article(language="en", outlet=outlet)
    result = Importer().import_bytes("a.html", page_without_lang("Example Sports"))
    assert (result.status, result.record.language) == ("new", "en")


@pytest.mark.django_db
def test_without_a_known_outlet_the_text_alone_decides():
    result = Importer().import_bytes("a.html", page_without_lang("Another Sports Site"))
    assert (result.status, result.record.language) == ("new", "id")
