"""Runs of new files written together (importing/together.py, `Importer._write_batch`): the
same rows as writing each file alone, a fixed number of statements however long the run,
files that depend on earlier ones written alone and after them, and a run the database
refuses written again file by file."""

from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.importing.pipeline import Importer
from articles.models import Article, Capture, Outlet

from .factories import make_outlet
from .test_importing_writing import BODY, page

pytestmark = pytest.mark.django_db


def write(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


def copies(folder: Path, seed: Path, count: int) -> list[Path]:
    """`count` new captures: the seed's text with a numbered closing line each."""
    text = seed.read_text(encoding="utf-8").rstrip()
    data = {f"{n:03d}.txt": f"{text}\n\nCopy {folder.name}-{n}.\n".encode() for n in range(count)}
    return write(folder, data)


def stored_rows() -> list[tuple]:
    """Everything the importer writes for an article, its history reasons among it."""
    rows = []
    for article in Article.objects.order_by("title"):
        capture = article.captures.get()
        images = [
            (image.url, image.caption, image.position, image.history.get().history_change_reason)
            for image in article.images.order_by("position")
        ]
        history = article.history.get()
        rows.append(
            (
                article.title,
                article.body,
                article.body_sha256,
                article.search_text,
                article.language_id,
                article.published_on,
                article.outlet_id,
                (capture.sha256, capture.filename, capture.kind, capture.importer),
                images,
                (history.history_type, history.history_change_reason, history.body),
            )
        )
    return rows


def test_a_run_stores_the_rows_writing_each_file_alone_stores(seed_dir):
    paths = sorted(seed_dir.iterdir())
    with transaction.atomic():
        together = list(Importer().import_paths(paths))
        rows = stored_rows()
        transaction.set_rollback(True)
    alone = [Importer().import_bytes(path.name, path.read_bytes()) for path in paths]
    assert [r.status for r in together] == [r.status for r in alone] == ["new"] * 5
    assert rows == stored_rows()
    assert any(images for *_, images, _ in rows)  # the seeds' images were compared too
    assert rows[0][-1][1].startswith("import: ")


def test_a_run_costs_the_same_statements_however_many_files_it_holds(tmp_path, seed_path):
    counts = []
    for count in (3, 12):
        paths = copies(tmp_path / str(count), seed_path("001"), count)
        with CaptureQueriesContext(connection) as queries:
            results = list(Importer().import_paths(paths))
        assert [r.status for r in results] == ["new"] * count
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert Capture.objects.count() == Article.objects.count() == 15


def test_files_that_depend_on_earlier_ones_are_written_alone_after_them(tmp_path):
    known = make_outlet("Example News", homepage="https://news.example.org/")
    other = "https://other.example.net/b/"
    paths = write(
        tmp_path,
        {
            "a.html": page(BODY, url="https://news.example.org/a/1"),
            "b.html": page(BODY, url="https://news.example.org/a/1"),  # a's bytes again
            "c.html": page(
                BODY + "\nA later correction, long enough to keep.",
                url=("https://news.example.org/a/1"),
            ),  # a's page, changed
            "d.html": page(BODY, url=other + "1", site="Other News"),  # an outlet to create
            "e.html": page(BODY, url=other + "2", site="Other News"),  # d's outlet
            "f.html": page(BODY, url="https://news.example.org/a/2"),
        },
    )
    results = list(Importer().import_paths(paths))
    assert [(Path(r.file).name, r.status) for r in results] == [
        ("a.html", "new"),
        ("b.html", "unchanged"),
        ("c.html", "update"),
        ("d.html", "new"),
        ("e.html", "new"),
        ("f.html", "new"),
    ]
    created = Outlet.objects.get(name="Other News")
    outlets = dict(Article.objects.values_list("source_url", "outlet"))
    assert outlets == {
        "https://news.example.org/a/1": known.pk,
        other + "1": created.pk,
        other + "2": created.pk,
        "https://news.example.org/a/2": known.pk,
    }
    corrected = Article.objects.get(source_url="https://news.example.org/a/1")
    assert corrected.captures.count() == 2 and corrected.history.count() == 2


def test_a_run_another_import_got_ahead_of_is_written_file_by_file(tmp_path, seed_path):
    """Another import stores one of the run's captures after this batch looked its hashes
    up: the run rolls back whole and each file is written alone, that one unchanged."""
    first, second = copies(tmp_path / "run", seed_path("002"), 2)
    broken = write(tmp_path / "run", {"000-empty.txt": b"\n"})[0]
    run = Importer().import_paths([broken, first, second])
    assert next(run).status == "error"  # written before the run of the two that follow
    assert Importer().import_bytes(first.name, first.read_bytes()).status == "new"
    assert [(r.file, r.status) for r in run] == [(str(first), "unchanged"), (str(second), "new")]
    assert Article.objects.count() == Capture.objects.count() == 2
    assert [a.history.count() for a in Article.objects.all()] == [1, 1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_outlet_deleted_during_a_run_is_created_again_from_the_page(tmp_path):
    """The importer remembers the outlets it found; one an editor deletes meanwhile makes the
    next run's write fail at commit, and the file written alone creates it anew."""
    make_outlet("Example News", homepage="https://news.example.org/")
    one, two = write(
        tmp_path,
        {
            "1.html": page(BODY, url="https://news.example.org/a/1"),
            "2.html": page(BODY, url="https://news.example.org/a/2"),
        },
    )
    importer = Importer()
    assert [r.outlet for r in importer.import_paths([one])] == ["Example News"]
    Capture.objects.all().delete()
    Article.objects.all().delete()
    Outlet.objects.all().delete()
    (result,) = importer.import_paths([two])
    assert (result.status, result.outlet) == ("new", "Example News")
    assert Article.objects.get().outlet == Outlet.objects.get(name="Example News")
