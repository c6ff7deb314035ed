"""The half of importing that needs no database: bytes to a parsed record with its language.

A `CaptureReader` holds only plain values, so it can be sent to worker processes (`--jobs`);
the writing half (`pipeline.Importer`) stays in one process and one connection. The bytes are
hashed here, once. The only language decision that needs the database, an outlet's usual
language as the prior for a page without `lang`, is left for the writing half
(`Prepared.language_pending`), which makes it with the same `CaptureReader.decide_language`.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError

from ..text import ComputedText, compute_text
from ..validators import http_url_validator
from .files import (
    capture_kind,
    decode_text,
    gunzip_limited,
    make_raw_capture,
    read_capture_file,
    sniff_kind,
)
from .html_format import parse_html
from .langid import detect_language, load_language_model
from .records import CaptureError, ImageRecord, ParsedCapture, RawCapture
from .text_format import parse_text

logger = logging.getLogger(__name__)


@dataclass
class Prepared:
    """One file read: its bytes and record, or the reason it cannot be imported."""

    name: str
    raw: RawCapture | None = None
    record: ParsedCapture | None = None
    error: str = ""
    language_pending: bool = False
    computed: ComputedText | None = None  # the article's hash and search text, worked out here


@dataclass(frozen=True)
class CaptureReader:
    known: frozenset[str]
    language: str | None
    max_bytes: int

    def warm_up(self) -> None:
        if self.language is None:
            load_language_model()

    def read_path(self, path: Path) -> Prepared:
        return self._prepare(str(path), lambda: read_capture_file(path, max_bytes=self.max_bytes))

    def read_bytes(self, name: str, data: bytes) -> Prepared:
        """An uploaded or pasted capture; its kind comes from the name, else from its start."""
        return self._prepare(name, lambda: self._raw_from_bytes(name, data))

    def _raw_from_bytes(self, name: str, data: bytes) -> RawCapture:
        if name.lower().endswith(".gz"):
            data = gunzip_limited(data, max_bytes=self.max_bytes)
        kind = capture_kind(name) or sniff_kind(data)
        return make_raw_capture(name, data, kind=kind, max_bytes=self.max_bytes)

    def _prepare(self, name: str, read: Callable[[], RawCapture]) -> Prepared:
        record = None
        try:
            raw = read()
            raw.sha256  # noqa: B018 - hashed here, in the worker, not in the writing process
            record = parse_capture(raw)
            pending = self._set_language(record)
            computed = compute_text(record.title, record.body)
            return Prepared(name, raw, record, language_pending=pending, computed=computed)
        except CaptureError as exc:
            return Prepared(name, record=record, error=str(exc))
        except Exception as exc:  # a bad file must never stop the run: report and go on
            logger.exception("importing %s failed", name)
            return Prepared(name, record=record, error=f"{type(exc).__name__}: {exc}")

    def _set_language(self, record: ParsedCapture) -> bool:
        """Name the language now; True when it waits for the writer's outlet prior (a page
        without `lang` that names its outlet, and no language given)."""
        names_outlet = bool(record.outlet_domain or record.outlet_name)
        if not self.language and not record.language_hint and names_outlet:
            return True
        self.decide_language(record)
        return False

    def decide_language(self, record: ParsedCapture, *, outlet_prior: str | None = None) -> None:
        """The one place a record's language is decided: the language given, else the text
        read with the page's `lang`, or else its outlet's usual language, as the prior."""
        if self.language:
            record.language = self.language
        else:
            _language_from_text(record, known=self.known, hint=record.language_hint or outlet_prior)


def parse_capture(raw: RawCapture) -> ParsedCapture:
    record = parse_html(raw.raw) if raw.kind == "html" else parse_text(decode_text(raw.raw))
    if not record.paragraphs:
        raise CaptureError("the body is empty once boilerplate is removed")
    return _sanitised(record)


def _language_from_text(record: ParsedCapture, *, known: frozenset[str], hint: str | None) -> None:
    """Name the record's language from its text; `hint` tips a close call."""
    text = record.body if record.title_derived else f"{record.title}\n\n{record.body}"
    guess = detect_language(text, known=known, hint=hint)
    if guess.unknown:
        raise CaptureError(
            f"the text reads as language {guess.unknown!r}, which the archive does not "
            f"hold (it has {', '.join(sorted(known))}); add the language in the admin or "
            "pass --language"
        )
    if not guess.detected:
        raise CaptureError("the language could not be detected; pass --language CODE")
    record.language = guess.code
    if record.language_hint and not record.language_hint.lower().startswith(guess.code or ""):
        record.warnings.append(
            f"the page says lang={record.language_hint!r} but the text reads as {guess.code}"
        )


def _sanitised(record: ParsedCapture) -> ParsedCapture:
    """Drop links the archive refuses (not http/https) rather than fail the whole file."""
    if record.source_url and not _valid_url(record.source_url):
        record.warnings.append(f"source URL ignored (not an http/https link): {record.source_url}")
        record.source_url = None
    kept = [image for image in record.images if not image.url or _valid_url(image.url)]
    if len(kept) < len(record.images):
        record.warnings.append(f"{len(record.images) - len(kept)} image link(s) ignored")
    record.images = [ImageRecord(url=_lower_scheme(i.url), caption=i.caption) for i in kept]
    record.source_url = record.source_url and _lower_scheme(record.source_url)
    record.title = record.title[:500]
    return record


def _lower_scheme(url: str) -> str:
    # "HTTPS://" is the same link (schemes ignore case) and the database's constraint holds
    # links to a lower-case "http(s)://": a capture's capitals must not fail the whole file.
    scheme, sep, rest = url.partition(":")
    return scheme.lower() + sep + rest if sep else url


def _valid_url(url: str) -> bool:
    try:
        http_url_validator(url)
    except ValidationError:
        return False
    return len(url) <= 2000
