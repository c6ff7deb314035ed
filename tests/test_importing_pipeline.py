"""The importer's single path does each piece of work once per file: the bytes are hashed
once (in the reading worker), the outlet is matched once, the language decided once."""

import hashlib
from collections import Counter

import pytest

from articles.importing import outlets, reading
from articles.importing.parallel import CHUNK
from articles.importing.pipeline import Importer
from articles.importing.reading import CaptureReader
from articles.importing.writing import store_capture
from articles.models import Capture, Language
from tests.factories import import_file
from tests.seed_captures import seed_bytes

from .factories import make_article, make_outlet
from .test_importing_reading import ARCHIVE, page_without_lang

pytestmark = pytest.mark.django_db


@pytest.fixture
def hashed(monkeypatch) -> Counter:
    """How many times each input went through SHA-256 (every hash in the project does)."""
    seen: Counter = Counter()
    real = hashlib.sha256

    def spy(data=b"", **kwargs):
        seen[bytes(data)] += 1
        return real(data, **kwargs)

    monkeypatch.setattr(hashlib, "sha256", spy)
    return seen


def count_calls(monkeypatch, module, name: str) -> list[object]:
    calls: list[object] = []
    real = getattr(module, name)

    def spy(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_captures_bytes_are_hashed_once(hashed, dry_run, seed_path):
    data = seed_bytes("000")
    result = import_file(seed_path("000"), dry_run=dry_run)
    assert result.status == "new"
    assert hashed[data] == 1


def test_the_writer_stores_the_hash_the_reader_worked_out(hashed, seed_path):
    prepared = CaptureReader(known=ARCHIVE, language=None, max_bytes=10**6).read_path(
        seed_path("001")
    )
    assert hashed[prepared.raw.raw] == 1
    store_capture(raw=prepared.raw, record=prepared.record, language=Language.objects.get(pk="id"))
    assert hashed[prepared.raw.raw] == 1
    stored = Capture.objects.get()
    assert stored.sha256 == prepared.raw.sha256 == hashlib.sha256(prepared.raw.raw).hexdigest()


def test_with_workers_the_writing_process_hashes_nothing(hashed, tmp_path, seed_path):
    """The hash is worked out in the worker and travels back with the bytes."""
    text = seed_path("000").read_text(encoding="utf-8")
    paths = []
    for n in range(2 * CHUNK):
        path = tmp_path / f"{n:02d}.txt"
        path.write_text(f"{text.rstrip()}\n\nCopy {n}.\n", encoding="utf-8")
        paths.append(path)
    results = list(Importer(jobs=2).import_paths(paths))
    assert [r.status for r in results] == ["new"] * len(paths)
    assert [hashed[path.read_bytes()] for path in paths] == [0] * len(paths)
    assert Capture.objects.count() == len(paths)


def test_a_second_import_of_the_same_bytes_hashes_them_once_more_and_is_unchanged(
    hashed, seed_path
):
    data = seed_bytes("000")
    import_file(seed_path("000"))
    assert import_file(seed_path("000")).status == "unchanged"
    assert hashed[data] == 2


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_page_without_lang_matches_its_outlet_once(monkeypatch, dry_run):
    """The outlet gives the language prior and then the article its outlet: one lookup."""
    outlet = make_outlet("Example Sports")
    make_article(language="en", outlet=outlet)
    matches = count_calls(monkeypatch, outlets, "match_outlet")
    result = Importer(dry_run=dry_run).import_bytes("a.html", page_without_lang("Example Sports"))
    assert (result.status, result.record.language, result.outlet) == ("new", "en", outlet.name)
    assert len(matches) == 1


def test_an_outlet_the_archive_lacks_is_created_from_the_page():
    result = Importer().import_bytes("a.html", page_without_lang("Another Sports Site"))
    assert result.outlet == "Another Sports Site"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("000.txt", seed_bytes("000")),
        ("a.html", page_without_lang("Another Sports Site")),
        ("b.html", page_without_lang("Example Sports").replace(b"<html>", b'<html lang="en">')),
    ],
)
def test_the_language_is_read_from_the_text_once(monkeypatch, name, data):
    make_outlet("Example Sports")
    detections = count_calls(monkeypatch, reading, "detect_language")
    result = Importer().import_bytes(name, data)
    assert result.status == "new" and result.record.language
    assert len(detections) == 1


def test_a_language_given_is_never_detected(monkeypatch):
    detections = count_calls(monkeypatch, reading, "detect_language")
    result = Importer(language="sv").import_bytes("a.html", page_without_lang("Example Sports"))
    assert (result.status, result.record.language) == ("new", "sv")
    assert detections == []
