"""import_archive: the file back into an empty archive, byte for byte, or nothing at all."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.archive_io.loading import ArchiveFileError, ArchiveNotEmpty, load_archive
from articles.models import Article, Capture, Event, EventAlignment, Language, NameEntry
from articles.search.lists import search_articles
from tests.archive_files import empty_the_archive, export_bytes, seeded_archive
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive_file(tmp_path):
    """The seeded archive's file, with the archive emptied as a fresh database would be."""
    seeded_archive()
    data = export_bytes(tmp_path, "original.jsonl")
    empty_the_archive()
    return data


def import_bytes(tmp_path, data: bytes, **options) -> None:
    path = tmp_path / "import.jsonl"
    path.write_bytes(data)
    call_command("import_archive", path, stdout=StringIO(), stderr=StringIO(), **options)


def test_export_import_export_gives_identical_bytes(tmp_path, archive_file):
    import_bytes(tmp_path, archive_file)
    assert export_bytes(tmp_path, "again.jsonl") == archive_file


def test_an_imported_archive_works_as_one_written_by_hand(tmp_path, archive_file, client):
    """The triggers fired, derived values were computed, new rows get fresh keys, and a
    merged event's old address still redirects."""
    import_bytes(tmp_path, archive_file)
    assert client.get("/events/an-event-merged-away/").status_code == 301
    assert Event.objects.filter(is_public=True).count() == 3
    assert EventAlignment.objects.count() == 3  # refreshed after the import
    # Search by the database's own means (its search vectors on PostgreSQL), by a spelling
    # from the register.
    assert search_articles(Article.objects.all(), "Trần Cương").results.exists()
    capture = Capture.objects.get(filename="utkast.html")
    assert bytes(capture.raw) == bytes(range(256))
    newest = max(Article.objects.values_list("pk", flat=True))
    assert make_article(title="After the import").pk > newest


def test_no_refresh_leaves_alignments_to_the_event_pages(tmp_path, archive_file):
    import_bytes(tmp_path, archive_file, no_refresh=True)
    assert EventAlignment.objects.count() == 0


def test_an_archive_that_holds_content_is_refused(tmp_path, archive_file):
    import_bytes(tmp_path, archive_file)
    with pytest.raises(CommandError, match=r"not empty .*events, articles"):
        import_bytes(tmp_path, archive_file)


def test_the_command_names_the_file_and_the_line(tmp_path, archive_file):
    lines = archive_file.splitlines(keepends=True)
    lines[3] = b"{not json\n"
    with pytest.raises(CommandError, match=r"import\.jsonl, line 4: not valid JSON"):
        import_bytes(tmp_path, b"".join(lines))


def edit(data: bytes, record_type: str, change) -> tuple[bytes, int]:
    """The file with the first record of `record_type` changed; returns it and its line."""
    lines = data.decode("utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        record = json.loads(line)
        if record["type"] == record_type:
            changed = change(record)
            lines[number - 1] = changed if isinstance(changed, str) else json.dumps(changed)
            return ("\n".join(lines) + "\n").encode("utf-8"), number
    raise AssertionError(record_type)


def without(record: dict, key: str) -> dict:
    return {k: v for k, v in record.items() if k != key}


BAD_LINES = {
    "bad JSON": ("article", lambda r: json.dumps(r)[:-5], "not valid JSON"),
    "unknown type": ("event", lambda r: {**r, "type": "happening"}, "unknown record type"),
    "missing field": ("article", lambda r: without(r, "title"), "fields missing title"),
    "unknown field": ("outlet", lambda r: {**r, "owner": "x"}, "fields unknown owner"),
    "dangling reference": ("article", lambda r: {**r, "event": 999999},
                           "event refers to event 999999, not in the file"),
    "dangling nested reference": ("article", lambda r: {**r, "names": [{"entry": 999999,
                                  "count": 1}]}, "entry refers to name_entry 999999"),
    "dangling forward reference": ("article", lambda r: {**r, "translation_of": 999999},
                                   "translation_of refers to article 999999"),
    "bad base64": ("capture", lambda r: {**r, "raw": "not base64!"}, "raw is not base64"),
    "bytes not matching their hash": ("capture", lambda r: {**r, "raw": "AAAA"},
                                      "do not match their sha256"),
    "javascript: source URL": ("article", lambda r: {**r, "source_url": "javascript:alert(1)"},
                               "source_url: Enter a valid URL"),
    "javascript: image URL": ("article", lambda r: {**r, "images": [{"id": 1, "caption": "",
                              "position": 0, "url": "javascript:alert(1)"}]},
                              "url: Enter a valid URL"),
    "data: homepage": ("outlet", lambda r: {**r, "homepage": "data:text/html,x"},
                       "homepage: Enter a valid URL"),
    "a key that is not a number": ("event", lambda r: {**r, "id": "1"}, "id must be a whole"),
    "a number where text belongs": ("article", lambda r: {**r, "body": 12}, "body must be a str"),
    "a null where a value is required": ("event", lambda r: {**r, "date": None},
                                         "date cannot be null"),
    "an invalid choice": ("article", lambda r: {**r, "status": "secret"}, "status: Value"),
}  # fmt: skip


@pytest.mark.parametrize(("record_type", "change", "reason"), BAD_LINES.values(), ids=BAD_LINES)
def test_a_bad_line_is_refused_with_its_number_and_nothing_is_written(
    archive_file, record_type, change, reason
):
    data, number = edit(archive_file, record_type, change)
    languages, entries = Language.objects.count(), NameEntry.objects.count()
    with pytest.raises(ArchiveFileError, match=reason) as refused:
        load_archive(iter(data.splitlines(keepends=True)))
    assert refused.value.line == number
    assert str(refused.value).startswith(f"line {number}: ")
    assert (Article.objects.count(), Event.objects.count(), Capture.objects.count()) == (0, 0, 0)
    assert (Language.objects.count(), NameEntry.objects.count()) == (languages, entries)


def test_a_row_the_database_refuses_is_named_by_its_line(archive_file):
    """Event 1 given event 2's key: the database refuses the second, on the line after."""
    data, number = edit(archive_file, "event", lambda r: {**r, "id": 2})
    with pytest.raises(ArchiveFileError, match="event: the database refused it") as refused:
        load_archive(iter(data.splitlines(keepends=True)))
    assert refused.value.line == number + 1
    assert Event.objects.count() == 0


def test_a_file_without_the_header_is_refused_on_line_1(archive_file):
    lines = archive_file.splitlines(keepends=True)
    with pytest.raises(ArchiveFileError, match="line 1: not a coverage-archive file"):
        load_archive(iter(lines[1:]))


def test_refusing_a_non_empty_archive_writes_nothing(archive_file):
    make_article(title="Already here")
    with pytest.raises(ArchiveNotEmpty):
        load_archive(iter(archive_file.splitlines(keepends=True)))
    assert list(Article.objects.values_list("title", flat=True)) == ["Already here"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="sequences are PostgreSQL's")
def test_sequences_continue_after_the_imported_keys(tmp_path, archive_file):
    import_bytes(tmp_path, archive_file)
    assert Event.objects.create(title="New", slug="new", date="2025-01-01").pk > 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="planner statistics are PostgreSQL's")
def test_the_planner_learns_the_tables_size_during_the_import(tmp_path, archive_file):
    """Inside the import's one transaction autovacuum never runs: without its own ANALYZE the
    planner keeps planning the triggers' lookups for empty tables (and the import slows as
    it grows, benchmarks/results/archive-io.md)."""
    import_bytes(tmp_path, archive_file, no_refresh=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'articles_article'")
        (estimated,) = cursor.fetchone()
    assert estimated >= Article.objects.count() > 0
