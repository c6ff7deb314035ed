"""--jobs: worker processes read the files, this process writes them; nothing else changes."""

import json
from pathlib import Path

import pytest

from articles.importing.parallel import CHUNK
from articles.models import Article, Capture, Outlet

from .hand_made import PAGES, TEXTS
from .seed_captures import seed_captures
from .shared_data import FUNDUS_PAGES, needs_shared_data
from .test_command_import_articles import run

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["hand-made", pytest.param("shared", marks=needs_shared_data)])
def corpus(request, seed_dir) -> list[Path]:
    """The seeds and saved pages in English, Swedish, Indonesian and Vietnamese, plus German
    pages, which fail (a language the archive does not hold): the hand-made pages of
    tests/data/, or the real ones (Austrian German) of the shared corpora."""
    if request.param == "hand-made":
        return [seed_dir, PAGES, TEXTS]
    return [seed_dir, *(FUNDUS_PAGES / country for country in ("au", "se", "id", "vn", "at"))]


def dry_run(corpus: list[Path], *options) -> list[dict]:
    _, out, _ = run(*corpus, "--dry-run", "--json", *options)
    return json.loads(out)


def test_the_corpus_is_large_enough_for_the_workers(corpus):
    assert len(dry_run(corpus, "--jobs", "1")) >= 2 * CHUNK


def test_workers_read_exactly_what_one_process_reads(corpus):
    serial = dry_run(corpus, "--jobs", "1")
    assert dry_run(corpus, "--jobs", "2") == serial
    assert {item["status"] for item in serial} == {"new", "error"}


def archive() -> list[tuple]:
    """What a run stored, file by file."""
    captures = Capture.objects.select_related("article__outlet").order_by("filename")
    return [
        (
            c.filename,
            c.sha256,
            c.article.title,
            c.article.language_id,
            c.article.body,
            c.article.published_on,
            c.article.source_url,
            c.article.outlet.name if c.article.outlet else None,
            list(c.article.images.values_list("url", "caption")),
        )
        for c in captures
    ]


def test_a_parallel_run_stores_what_a_serial_run_stores(corpus):
    serial_code, serial_out, _ = run(*corpus, "--jobs", "1")
    serial = archive()
    Article.objects.all().delete()
    Outlet.objects.all().delete()
    parallel_code, parallel_out, _ = run(*corpus, "--jobs", "2")
    assert archive() == serial and len(serial) > CHUNK
    assert (parallel_code, parallel_out) == (serial_code, serial_out)
    assert serial_code == 1  # the German pages


def test_copies_of_one_capture_in_one_run_are_one_article(tmp_path):
    """Their hashes are looked up together before any is written; the copies after the
    first are refused by the unique hash and come out unchanged."""
    for n in range(4):
        for name, raw in seed_captures().items():
            (tmp_path / f"{n}_{name}").write_bytes(raw)
    code, out, _ = run(tmp_path, "--jobs", "2")
    assert code == 0
    assert "5 new, 0 updated, 15 unchanged, 0 failed" in out
    assert Article.objects.count() == 5 and Capture.objects.count() == 5


def test_a_bad_file_among_many_is_reported_and_the_rest_import(tmp_path):
    for n in range(3 * CHUNK):
        (tmp_path / f"{n:02d}.txt").write_text(
            f"Report {n}\n\nThe council met on day {n} and approved the new harbour budget.\n"
        )
    (tmp_path / "05.txt").write_bytes(b"\x00\x01binary")
    code, out, _ = run(tmp_path, "--jobs", "2", "--language", "en")
    assert code == 1
    assert "05.txt: binary data, not text or HTML" in out
    assert f"{3 * CHUNK - 1} new, 0 updated, 0 unchanged, 1 failed" in out


def test_jobs_must_be_positive(seed_dir):
    with pytest.raises(Exception, match="--jobs must be 1 or more"):
        run(seed_dir, "--jobs", "0")
