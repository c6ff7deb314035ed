"""--jobs: worker processes read the files, this process writes them; nothing else changes."""

import json
import shutil

import pytest

from articles.importing.parallel import CHUNK
from articles.models import Article, Capture, Outlet

from .importing_paths import FUNDUS_PAGES, SEEDS, seed
from .test_importing_command import run

pytestmark = pytest.mark.django_db

# Real captures: the seeds and saved pages in English, Swedish, Indonesian and Vietnamese,
# plus Austrian German pages, which fail (a language the archive does not hold).
CORPUS = [SEEDS, *(FUNDUS_PAGES / country for country in ("au", "se", "id", "vn", "at"))]


def dry_run(*options) -> list[dict]:
    _, out, _ = run(*CORPUS, "--dry-run", "--json", *options)
    return json.loads(out)


def test_the_corpus_is_large_enough_for_the_workers():
    assert len(dry_run("--jobs", "1")) >= 2 * CHUNK


def test_workers_read_exactly_what_one_process_reads():
    serial = dry_run("--jobs", "1")
    assert dry_run("--jobs", "2") == serial
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


def test_a_parallel_run_stores_what_a_serial_run_stores():
    serial_code, serial_out, _ = run(*CORPUS, "--jobs", "1")
    serial = archive()
    Article.objects.all().delete()
    Outlet.objects.all().delete()
    parallel_code, parallel_out, _ = run(*CORPUS, "--jobs", "2")
    assert archive() == serial and len(serial) > CHUNK
    assert (parallel_code, parallel_out) == (serial_code, serial_out)
    assert serial_code == 1  # the German pages


def test_copies_of_one_capture_in_one_run_are_one_article(tmp_path):
    """Their hashes are looked up together before any is written; the copies after the
    first are refused by the unique hash and come out unchanged."""
    for n in range(4):
        for prefix in ("000", "001", "002", "003", "004"):
            shutil.copy(seed(prefix), tmp_path / f"{n}_{seed(prefix).name}")
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


def test_jobs_must_be_positive():
    with pytest.raises(Exception, match="--jobs must be 1 or more"):
        run(SEEDS, "--jobs", "0")
