"""Finding capture files and reading their bytes safely (size limit, gzip, binary check)."""

import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import CaptureError, CaptureKind, RawCapture

TEXT_SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html"}
# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])


def capture_kind(name: str) -> CaptureKind | None:
    """The kind a file name announces (`x.html.gz` is HTML), or None if it is not a capture."""
    path = Path(name.lower())
    if path.suffix == ".gz":
        path = path.with_suffix("")
    return TEXT_SUFFIXES.get(path.suffix)  # type: ignore[return-value]


def iter_capture_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and capture files found in folders (recursively, sorted)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and capture_kind(p.name) is not None
            )
        else:
            yield path


def read_capture_file(path: Path, *, max_bytes: int) -> RawCapture:
    kind = capture_kind(path.name)
    if kind is None:
        raise CaptureError("not a capture file (expected .txt, .html, .htm or .gz of those)")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise CaptureError(f"cannot read the file: {exc.strerror or exc}") from exc
    if path.suffix.lower() == ".gz":
        data = gunzip_limited(data, max_bytes=max_bytes)
    return make_raw_capture(path.name, data, kind=kind, max_bytes=max_bytes)


def make_raw_capture(name: str, data: bytes, *, kind: CaptureKind, max_bytes: int) -> RawCapture:
    if len(data) > max_bytes:
        raise CaptureError(f"larger than the limit of {max_bytes} bytes (IMPORT_MAX_BYTES)")
    if not data.strip():
        raise CaptureError("the file is empty")
    if looks_binary(data):
        raise CaptureError("binary data, not text or HTML")
    return RawCapture(name=name, raw=data, kind=kind)


def gunzip_limited(data: bytes, *, max_bytes: int) -> bytes:
    """Decompress without ever holding more than the limit (a small .gz can hold gigabytes)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise CaptureError(f"broken gzip data: {exc}") from exc
    if len(out) > max_bytes:
        raise CaptureError(f"larger than the limit of {max_bytes} bytes when decompressed")
    if not decompressor.eof:
        raise CaptureError("broken gzip data: the file is truncated")
    return out


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text carries many NULs
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * 0.05


def sniff_kind(data: bytes) -> CaptureKind:
    """For pasted or unnamed captures: HTML when it starts like markup."""
    head = data[:2048].lstrip().lower()
    markers = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>", b"<div")
    return "html" if head.startswith(markers) else "text"


def decode_text(data: bytes) -> str:
    """Text captures must be UTF-8 (or UTF-16 with a byte-order mark)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CaptureError("not valid UTF-16 text") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaptureError(f"not UTF-8 text (bad byte at position {exc.start})") from exc
