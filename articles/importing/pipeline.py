"""One file from bytes to a stored article (or to a preview): the importer's single path,
shared by the management command and the admin."""

import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count

from ..models import Article, Event, Language
from ..validators import http_url_validator
from .html_format import parse_html
from .language import detect_language
from .outlets import match_outlet
from .records import CaptureError, ImageRecord, ImportResult, ParsedCapture, RawCapture
from .sources import (
    capture_kind,
    decode_text,
    gunzip_limited,
    make_raw_capture,
    read_capture_file,
    sniff_kind,
)
from .store import plan_capture, store_capture
from .text_format import parse_text

logger = logging.getLogger(__name__)


class Importer:
    """Imports captures with one set of options; every failure becomes an `error` result."""

    def __init__(
        self,
        *,
        language: str | None = None,
        event: Event | None = None,
        dry_run: bool = False,
        durable: bool = True,
        max_bytes: int | None = None,
    ) -> None:
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        if language is not None and language not in self.languages:
            raise ValueError(f"unknown language {language!r}; the archive has {self.codes()}")
        self.language = language
        self.event = event
        self.dry_run = dry_run
        self.durable = durable
        self.max_bytes = max_bytes or settings.IMPORT_MAX_BYTES

    def codes(self) -> str:
        return ", ".join(sorted(self.languages))

    def import_path(self, path: Path) -> ImportResult:
        return self._run(str(path), lambda: read_capture_file(path, max_bytes=self.max_bytes))

    def import_bytes(self, name: str, data: bytes) -> ImportResult:
        """An uploaded or pasted capture; its kind comes from the name, else from its start."""
        return self._run(name, lambda: self._raw_from_bytes(name, data))

    def _raw_from_bytes(self, name: str, data: bytes) -> RawCapture:
        if name.lower().endswith(".gz"):
            data = gunzip_limited(data, max_bytes=self.max_bytes)
        kind = capture_kind(name) or sniff_kind(data)
        return make_raw_capture(name, data, kind=kind, max_bytes=self.max_bytes)

    def _run(self, name: str, read: Callable[[], RawCapture]) -> ImportResult:
        record = None
        try:
            raw = read()
            record = parse_capture(raw)
            self._set_language(record)
            return self._store(name, raw, record)
        except CaptureError as exc:
            return ImportResult(file=name, status="error", error=str(exc), record=record)
        except Exception as exc:  # a bad file must never stop the run: report and go on
            logger.exception("importing %s failed", name)
            return ImportResult(
                file=name, status="error", error=f"{type(exc).__name__}: {exc}", record=record
            )

    def _store(self, name: str, raw: RawCapture, record: ParsedCapture) -> ImportResult:
        if self.dry_run:
            plan = plan_capture(raw=raw, record=record)
        else:
            language = self.languages[record.language or ""]
            plan = store_capture(
                raw=raw, record=record, language=language, event=self.event, durable=self.durable
            )
        article = plan.article
        return ImportResult(
            file=name,
            status=plan.status,
            record=record,
            outlet=plan.outlet_name,
            article_id=article.pk if article else None,
        )

    def _set_language(self, record: ParsedCapture) -> None:
        if self.language:
            record.language = self.language
            return
        text = record.body if record.title_derived else f"{record.title}\n\n{record.body}"
        hint = record.language_hint or outlet_language(record)
        guess = detect_language(text, known=frozenset(self.languages), hint=hint)
        if guess.unknown:
            raise CaptureError(
                f"the text reads as language {guess.unknown!r}, which the archive does not "
                f"hold (it has {self.codes()}); add the language in the admin or pass --language"
            )
        if not guess.detected:
            raise CaptureError("the language could not be detected; pass --language CODE")
        record.language = guess.code
        if record.language_hint and not record.language_hint.lower().startswith(guess.code or ""):
            record.warnings.append(
                f"the page says lang={record.language_hint!r} but the text reads as {guess.code}"
            )


def parse_capture(raw: RawCapture) -> ParsedCapture:
    record = parse_html(raw.raw) if raw.kind == "html" else parse_text(decode_text(raw.raw))
    if not record.paragraphs:
        raise CaptureError("the body is empty once boilerplate is removed")
    return _sanitised(record)


def _sanitised(record: ParsedCapture) -> ParsedCapture:
    """Drop links the archive refuses (not http/https) rather than fail the whole file."""
    if record.source_url and not _valid_url(record.source_url):
        record.warnings.append(f"source URL ignored (not an http/https link): {record.source_url}")
        record.source_url = None
    kept = [image for image in record.images if not image.url or _valid_url(image.url)]
    if len(kept) < len(record.images):
        record.warnings.append(f"{len(record.images) - len(kept)} image link(s) ignored")
    record.images = [ImageRecord(url=i.url[:2000], caption=i.caption) for i in kept]
    record.title = record.title[:500]
    return record


def _valid_url(url: str) -> bool:
    try:
        http_url_validator(url)
    except ValidationError:
        return False
    return len(url) <= 2000


def outlet_language(record: ParsedCapture) -> str | None:
    """The language most of a known outlet's articles are in: a prior for short texts."""
    if not (record.outlet_domain or record.outlet_name):
        return None
    outlet = match_outlet(record)
    if outlet is None:
        return None
    usual = (
        Article.objects.filter(outlet=outlet)
        .values("language")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    return usual["language"] if usual else None
