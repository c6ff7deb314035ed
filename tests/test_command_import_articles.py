"""The import_articles command: seeds, bad files, exit status, --dry-run and --json."""

import gzip
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.importing.progress import ProgressBar
from articles.importing.together import store_together
from articles.models import Article, Capture, Event, Outlet

from .factories import make_event
from .hand_made import PAGES, TEXTS, page
from .seed_captures import seed_bytes
from .shared_data import FUNDUS_PAGES, needs_shared_data

pytestmark = pytest.mark.django_db

JSON_KEYS = {
    "file",
    "status",
    "error",
    "title",
    "title_derived",
    "language",
    "published_on",
    "source_url",
    "outlet",
    "byline",
    "paragraphs",
    "images",
    "warnings",
    "group",
    "group_score",
}


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_importing_the_seed_folder_creates_five_articles_then_none(seed_dir):
    code, out, _ = run(seed_dir)
    assert code == 0
    assert "5 new, 0 updated, 0 unchanged, 0 failed" in out
    assert sorted(Article.objects.values_list("language", flat=True)) == [
        "en",
        "id",
        "id",
        "sv",
        "vi",
    ]
    code, out, _ = run(seed_dir)
    assert "0 new, 0 updated, 5 unchanged, 0 failed" in out
    assert Article.objects.count() == 5 and Capture.objects.count() == 5


def test_seed_002_is_dated_and_credited_in_the_database(seed_path):
    run(seed_path("002"))
    article = Article.objects.get()
    assert str(article.published_on) == "2025-02-19"
    assert article.byline == "VNA/VNS"
    assert article.title_derived is True


BAD_FILES = {
    "binary.txt": (b"\x00\x01\x02\x03binary" * 8, "binary data"),
    "empty.txt": (b"   \n", "the file is empty"),
    "latin1.txt": ("Källa är här och den är lång nog".encode("latin-1"), "not UTF-8"),
    "boilerplate.txt": (b"Sumber\nKomentar (0)\n", "body is empty"),
    "digits.txt": (b"12 34 56 78 90\n11 22 33\n", "language could not be detected"),
    "german.txt": (
        b"Die Bundesregierung hat heute beschlossen, die Steuern deutlich zu senken.",
        "which the archive does not hold",
    ),
    "broken.html": (b"<html><body><div><script>var a=1;</script></div>", "no article"),
    "big.txt": (b"word " * 30, "IMPORT_MAX_BYTES"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_reported_with_path_and_reason_and_writes_nothing(tmp_path, settings, name):
    settings.IMPORT_MAX_BYTES = 100
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, out, _ = run(path)
    assert code == 1
    assert f"{path}: " in out and reason in out
    assert "0 new, 0 updated, 0 unchanged, 1 failed" in out
    assert not Article.objects.exists() and not Capture.objects.exists()


def test_an_unreadable_file_is_reported(tmp_path):
    """A dangling link cannot be opened, even by root (file modes would not stop root)."""
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "deleted.txt")
    code, out, _ = run(path)
    assert code == 1 and f"{path}: cannot read the file" in out


def test_the_other_files_still_import_when_one_fails(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "good.txt").write_bytes(seed_bytes("003"))
    code, out, _ = run(tmp_path)
    assert code == 1
    assert "1 new, 0 updated, 0 unchanged, 1 failed" in out
    assert Article.objects.get().language_id == "sv"


def test_language_override_skips_detection(tmp_path):
    path = tmp_path / "digits.txt"
    path.write_bytes(b"12 34 56 78 90\n11 22 33\n")
    code, _, _ = run(path, "--language", "en")
    assert code == 0
    assert Article.objects.get().language_id == "en"


def test_an_unknown_language_override_is_a_command_error(seed_dir):
    with pytest.raises(CommandError, match="unknown language 'xx'"):
        call_command("import_articles", str(seed_dir), "--language", "xx")


def test_an_unknown_event_is_a_command_error(seed_dir):
    with pytest.raises(CommandError, match="no event"):
        call_command("import_articles", str(seed_dir), "--event", "nope")


def test_dry_run_json_prints_one_array_in_the_issue_shape_and_writes_nothing(seed_dir):
    code, out, err = run(seed_dir, "--dry-run", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 5
    assert all(set(item) == JSON_KEYS for item in data)
    by_file = {item["file"].rsplit("/", 1)[-1][:3]: item for item in data}
    assert by_file["002"]["published_on"] == "2025-02-19"
    assert by_file["002"]["byline"] == "VNA/VNS"
    assert by_file["004"]["title_derived"] is False
    assert by_file["004"]["images"][0]["url"] == ""
    assert all(item["status"] == "new" and item["group"] is None for item in data)
    assert "Dry run: 5 new" in err
    assert not Article.objects.exists() and not Outlet.objects.exists()


def test_json_error_entries_carry_the_reason(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    code, out, _ = run(tmp_path, "--dry-run", "--json")
    [item] = json.loads(out)
    assert code == 1
    assert item["status"] == "error" and "binary" in item["error"]
    assert set(item) == JSON_KEYS


def test_a_gzipped_saved_page_imports_with_its_metadata(tmp_path):
    path = tmp_path / "vi_duong_sat_lang_son.html.gz"
    path.write_bytes(gzip.compress(page("vi_duong_sat_lang_son.html")))
    code, out, _ = run(path, "--dry-run", "--json")
    [item] = json.loads(out)
    assert code == 0
    assert item["language"] == "vi"
    assert item["title"] == "Khởi công tuyến đường sắt Lạng Sơn \u2013 Hà Nội"
    assert item["published_on"] == "2025-10-22"
    assert item["source_url"].startswith("https://baomau.example.vn/")
    assert item["outlet"] == "Báo Mẫu"
    assert item["images"][0]["caption"].startswith("Lễ khởi công tại ga Đồng Đăng")


def test_a_utf16_text_capture_is_read():
    code, _, _ = run(TEXTS / "sv_snoovader_utf16.txt")
    assert code == 0
    article = Article.objects.get()
    assert article.language_id == "sv"
    assert article.paragraphs[0].startswith("Skolorna i kommunen höll stängt på tisdagen")


def test_a_page_in_a_language_the_archive_lacks_is_refused():
    code, out, _ = run(PAGES / "de_bahnhof_umbau.html")
    assert code == 1
    assert "reads as language 'de', which the archive does not hold" in out
    assert not Article.objects.exists()


@needs_shared_data
def test_a_real_saved_page_imports_with_its_metadata():
    path = FUNDUS_PAGES / "vn" / "VnExpress_2025_10_22.html.gz"
    code, out, _ = run(path, "--dry-run", "--json")
    [item] = json.loads(out)
    assert code == 0
    assert item["language"] == "vi"
    assert item["title"] == "Đau bụng kéo dài, phát hiện ung thư lymphoma ruột non"
    assert item["published_on"] == "2025-10-22"
    assert item["source_url"].startswith("https://vnexpress.net/")
    assert item["images"][0]["caption"].startswith("Y bác sĩ nội soi")


def test_gzipped_seed_is_read(tmp_path):
    (tmp_path / "seed.txt.gz").write_bytes(gzip.compress(seed_bytes("001")))
    code, _, _ = run(tmp_path)
    assert code == 0
    assert bytes(Capture.objects.get().raw) == seed_bytes("001")


def test_no_progress_bar_when_stderr_is_not_a_terminal(seed_dir):
    _, _, err = run(seed_dir)
    assert "[#" not in err


def test_group_dry_run_names_a_proposal_for_every_article_and_writes_nothing(seed_dir):
    code, out, _ = run(seed_dir, "--dry-run", "--json", "--group")
    data = json.loads(out)
    groups = {item["file"].rsplit("/", 1)[-1][:3]: item["group"] for item in data}
    assert code == 0
    assert all(group and group.startswith("new-") for group in groups.values())
    assert groups["000"] == groups["002"], "the Hà Nội meeting in Indonesian and English"
    assert groups["001"] == groups["003"], "the Quảng Ninh meeting in Indonesian and Swedish"
    assert groups["000"] != groups["001"], "two meetings of the same people stay apart"
    assert groups["004"] not in {groups[p] for p in ("000", "001", "002", "003")}
    assert not Event.objects.exists() and not Article.objects.exists()


def test_group_applies_the_proposals_when_not_a_dry_run(seed_dir):
    code, out, _ = run(seed_dir, "--json", "--group")
    data = json.loads(out)
    assert code == 0
    articles = {a.captures.get().filename[:3]: a for a in Article.objects.select_related("event")}
    assert all(article.event is not None for article in articles.values())
    by_group: dict[str, set] = {}
    for item in data:
        prefix = item["file"].rsplit("/", 1)[-1][:3]
        by_group.setdefault(item["group"], set()).add(articles[prefix].event_id)
    assert all(len(event_ids) == 1 for event_ids in by_group.values())
    assert articles["001"].event == articles["003"].event


def test_group_keeps_an_article_already_in_an_event(seed_path):
    event = make_event()
    run(seed_path("004"), "--event", event.slug)
    _, out, _ = run(seed_path("004"), "--dry-run", "--json", "--group")
    [item] = json.loads(out)
    assert (item["status"], item["group"]) == ("unchanged", event.slug)


class TerminalStream(io.StringIO):
    """A stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal():
    stream = TerminalStream()
    bar = ProgressBar(2, stream=stream)
    bar.advance("a.txt")
    bar.advance("b.txt")
    bar.close()
    assert "[###############---------------] 1/2 a.txt" in stream.getvalue()
    assert "2/2 b.txt" in stream.getvalue()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(("options", "during"), [((), "off"), (("--durable",), "on")])
def test_commits_are_relaxed_during_a_run_unless_durable(monkeypatch, options, during, seed_dir):
    seen = []

    def spy(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            seen.append(cursor.fetchone()[0])
        return store_together(*args, **kwargs)

    # The five seed files are new and independent: the run writes them together.
    monkeypatch.setattr("articles.importing.pipeline.store_together", spy)
    code, _, _ = run(seed_dir, *options)
    assert code == 0 and seen == [during]
