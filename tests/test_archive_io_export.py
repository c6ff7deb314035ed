"""export_archive: every record, drafts included, in a stable byte form, derived data left out."""

import json
from base64 import b64decode

import pytest

from articles.archive_io.records import HEADER
from articles.models import Article, Capture
from tests.archive_files import export_bytes, seeded_archive

pytestmark = pytest.mark.django_db


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_the_first_line_names_the_format_and_its_version(tmp_path):
    seeded_archive()
    first = records(export_bytes(tmp_path))[0]
    assert first == HEADER == {"type": "header", "format": "coverage-archive", "version": 1}


def test_every_record_is_there_in_dependency_and_key_order(tmp_path):
    seeded_archive()
    lines = records(export_bytes(tmp_path))[1:]
    types = [line["type"] for line in lines]
    order = ["language", "outlet", "name_entry", "event", "event_redirect", "article", "capture",
             "alignment_correction"]  # fmt: skip
    assert sorted(set(types), key=order.index) == order
    assert types == sorted(types, key=order.index)
    article_ids = [line["id"] for line in lines if line["type"] == "article"]
    assert article_ids == sorted(Article.objects.values_list("pk", flat=True))


def test_drafts_are_exported_because_the_file_is_a_backup(tmp_path):
    draft = seeded_archive()["draft"]
    articles = {line["id"]: line for line in records(export_bytes(tmp_path)) if "status" in line}
    assert articles[draft.pk]["status"] == "draft"
    assert articles[draft.pk]["images"] == [
        {"id": draft.images.get().pk, "url": "https://example.org/bild.jpg",
         "caption": "Bildtext", "position": 1}
    ]  # fmt: skip


def test_captures_are_their_exact_bytes_in_base64(tmp_path):
    seeded_archive()
    exported = {
        line["id"]: b64decode(line["raw"])
        for line in records(export_bytes(tmp_path))
        if line["type"] == "capture"
    }
    assert exported == {c.pk: bytes(c.raw) for c in Capture.objects.all()}
    assert bytes(range(256)) in exported.values()


def test_derived_values_are_left_out(tmp_path):
    seeded_archive()
    for line in records(export_bytes(tmp_path)):
        assert not {"search_text", "body_sha256", "is_public", "folded", "edited_by"} & set(line)


def test_the_same_archive_gives_the_same_bytes_in_sorted_compact_json(tmp_path):
    seeded_archive()
    first, second = export_bytes(tmp_path, "a.jsonl"), export_bytes(tmp_path, "b.jsonl")
    assert first == second
    for line in first.decode("utf-8").splitlines():
        record = json.loads(line)
        assert line == json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_without_output_the_file_goes_to_standard_output(capsys):
    from django.core.management import call_command

    seeded_archive()
    call_command("export_archive")
    out, err = capsys.readouterr()
    assert json.loads(out.splitlines()[0]) == HEADER
    assert "Exported" in err and "Exported" not in out
