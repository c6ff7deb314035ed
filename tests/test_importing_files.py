"""Reading capture files: kinds, folders, gzip, the size limit and binary detection."""

import gzip

import pytest

from articles.importing.files import (
    capture_kind,
    decode_text,
    iter_capture_paths,
    looks_binary,
    read_capture_file,
    sniff_kind,
)
from articles.importing.records import CaptureError


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.HTML", "html"),
        ("a.htm", "html"),
        ("a.html.gz", "html"),
        ("a.txt.gz", "text"),
        ("a.pdf", None),
        ("a.gz", None),
    ],
)
def test_capture_kind_from_the_name(name, kind):
    assert capture_kind(name) == kind


def test_folders_are_walked_recursively_and_other_files_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["b.txt", "sub/a.html.gz", "notes.pdf", "sub/c.htm"]:
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_capture_paths([tmp_path])]
    assert found == ["b.txt", "sub/a.html.gz", "sub/c.htm"]


def test_gzip_is_decompressed(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Hello</p></body></html>"))
    capture = read_capture_file(path, max_bytes=1000)
    assert capture.raw.startswith(b"<html>") and capture.kind == "html"


def test_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 101)
    with pytest.raises(CaptureError, match="limit of 100 bytes"):
        read_capture_file(path, max_bytes=100)


def test_a_gzip_bomb_is_refused_without_inflating_it(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 10_000_000))
    with pytest.raises(CaptureError, match="decompressed"):
        read_capture_file(path, max_bytes=1000)


def test_broken_gzip_is_refused(tmp_path):
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(gzip.compress(b"some text here")[:12])
    with pytest.raises(CaptureError, match="gzip"):
        read_capture_file(path, max_bytes=1000)


def test_binary_data_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(CaptureError, match="binary"):
        read_capture_file(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"Plain text.\tTabs,\r\nline ends and a form feed\f are text." * 20, False),
        (b"One stray escape \x1b in a long line of ordinary text." * 20, False),
        ("Tiếng Việt và tiếng Indonesia".encode() * 20, False),
        ("UTF-16 text".encode("utf-16"), False),
        (b"\x1b\x02 control bytes " * 20, True),  # more than 5% control bytes
        (b"text with a NUL\x00 byte", True),
    ],
)
def test_binary_means_a_nul_or_more_than_five_percent_control_bytes(data, binary):
    assert looks_binary(data) is binary


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n ")
    with pytest.raises(CaptureError, match="empty"):
        read_capture_file(path, max_bytes=1000)


def test_unreadable_file_is_refused(tmp_path):
    with pytest.raises(CaptureError, match="cannot read"):
        read_capture_file(tmp_path / "missing.txt", max_bytes=1000)


def test_text_must_be_utf8():
    with pytest.raises(CaptureError, match="not UTF-8"):
        decode_text("Källa".encode("latin-1"))
    assert decode_text("\ufeffKälla".encode()) == "Källa"


def test_pasted_markup_is_sniffed_as_html():
    assert sniff_kind(b"  <!DOCTYPE html><html>") == "html"
    assert sniff_kind(b"Headline\n\nBody") == "text"
