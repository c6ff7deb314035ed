"""One file from bytes to a stored article (or to a preview): the importer's single path,
shared by the management command and the admin.

Reading (`reading.CaptureReader`) needs no database and may run in worker processes (`jobs`);
storing runs here: each file all or nothing, alone or (many new files of a bulk run) in a run
written together.
"""

import logging
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count

from ..models import Article, Event, Language, Outlet
from .outlets import KnownOutlets, OutletMatch, outlet_name_for
from .parallel import read_all
from .reading import CaptureReader, Prepared
from .records import CaptureError, ImportResult, ParsedCapture, RawCapture
from .together import FirstSeen, NewCapture, store_together
from .writing import (
    Plan,
    plan_capture,
    relaxed_commits,
    store_capture,
    stored_hashes,
    stored_source_urls,
)

logger = logging.getLogger(__name__)

# Files whose hashes are looked up in one query by `import_paths`.
BATCH = 200


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
        jobs: int = 1,
    ) -> None:
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        if language is not None and language not in self.languages:
            known = ", ".join(sorted(self.languages))
            raise ValueError(f"unknown language {language!r}; the archive has {known}")
        self.reader = CaptureReader(
            known=frozenset(self.languages),
            language=language,
            max_bytes=max_bytes or settings.IMPORT_MAX_BYTES,
        )
        self.event = event
        self.dry_run = dry_run
        self.durable = durable
        self.jobs = jobs
        # Outlets found stay known for the importer's life; one deleted meanwhile makes its
        # run's write fail, and each file of the run is written alone (and creates it).
        self.outlets = KnownOutlets()

    def import_bytes(self, name: str, data: bytes) -> ImportResult:
        """An uploaded or pasted capture; its kind comes from the name, else from its start."""
        with relaxed_commits(not self.durable):
            return self._finish(self.reader.read_bytes(name, data))

    def import_paths(self, paths: Sequence[Path]) -> Iterator[ImportResult]:
        """Each file's result, in order. Files are read by `jobs` worker processes when there
        are many, and their hashes looked up a batch at a time."""
        with relaxed_commits(not self.durable):
            for batch in _batches(read_all(self.reader, paths, jobs=self.jobs), BATCH):
                if self.dry_run:
                    yield from map(self._finish, batch)
                else:
                    yield from self._write_batch(batch)

    def _write_batch(self, batch: list[Prepared]) -> Iterator[ImportResult]:
        """Runs of new files that depend on nothing before them are written together (see
        `together`); every other file alone, once what comes before it is written."""
        stored = stored_hashes(_hashes(batch))
        first = FirstSeen(stored, stored_source_urls(_urls(batch)))
        run: list[NewCapture] = []
        for prepared in batch:
            new = self._new_capture(prepared) if first(prepared) else None
            if new is not None:
                run.append(new)
                continue
            yield from self._write_run(run)
            run = []
            checked_new = prepared.raw is not None and prepared.raw.sha256 not in stored
            yield self._finish(prepared, checked_new=checked_new)
        yield from self._write_run(run)

    def _new_capture(self, prepared: Prepared) -> NewCapture | None:
        """The file's rows, if it can be written with others: read, with its language known,
        from an outlet the archive has (or none), and valid."""
        raw, record = prepared.raw, prepared.record
        if prepared.error or prepared.language_pending or raw is None or record is None:
            return None
        language = self.languages.get(record.language or "")
        outlet = self.outlets.match(record)
        if language is None or (outlet is None and outlet_name_for(record)):
            return None  # written alone: it reports its error or creates its outlet
        try:
            return NewCapture.build(
                prepared, raw, record, language=language, outlet=outlet, event=self.event
            )
        except ValidationError:
            return None  # written alone, which reports what is wrong

    def _write_run(self, run: list[NewCapture]) -> Iterator[ImportResult]:
        if not run:
            return
        if store_together(run):
            yield from (_result(new.prepared, new.plan()) for new in run)
        else:
            yield from (self._finish(new.prepared, checked_new=True) for new in run)

    def _finish(self, prepared: Prepared, *, checked_new: bool = False) -> ImportResult:
        name, raw, record = prepared.name, prepared.raw, prepared.record
        if prepared.error or raw is None or record is None:
            # The reader sets both whenever it reports no error; were one missing, the file
            # is reported as an error instead of stored.
            error = prepared.error or "not read"
            return ImportResult(file=name, status="error", error=error, record=record)
        try:
            outlet = OutletMatch(record)
            if prepared.language_pending:
                prior = usual_language(outlet.outlet)
                self.reader.decide_language(record, outlet_prior=prior)
            return self._store(prepared, raw, record, outlet, checked_new=checked_new)
        except CaptureError as exc:
            return ImportResult(file=name, status="error", error=str(exc), record=record)
        except Exception as exc:  # a bad file must never stop the run: report and go on
            logger.exception("importing %s failed", name)
            return ImportResult(
                file=name, status="error", error=f"{type(exc).__name__}: {exc}", record=record
            )

    def _store(
        self,
        prepared: Prepared,
        raw: RawCapture,
        record: ParsedCapture,
        outlet: OutletMatch,
        *,
        checked_new: bool,
    ) -> ImportResult:
        if self.dry_run:
            plan = plan_capture(raw=raw, record=record, outlet=outlet)
        else:
            plan = store_capture(
                raw=raw,
                record=record,
                language=self.languages[record.language or ""],
                event=self.event,
                checked_new=checked_new,
                computed=prepared.computed,
                outlet=outlet,
            )
        return _result(prepared, plan)


def usual_language(outlet: Outlet | None) -> str | None:
    """The language most of a known outlet's articles are in: a prior for short texts."""
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


def _batches(items: Iterable[Prepared], size: int) -> Iterator[list[Prepared]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _hashes(batch: list[Prepared]) -> list[str]:
    return [prepared.raw.sha256 for prepared in batch if prepared.raw is not None]


def _urls(batch: list[Prepared]) -> list[str]:
    return [p.record.source_url for p in batch if p.record is not None and p.record.source_url]


def _result(prepared: Prepared, plan: Plan) -> ImportResult:
    article = plan.article
    return ImportResult(
        file=prepared.name,
        status=plan.status,
        record=prepared.record,
        outlet=plan.outlet_name,
        article_id=article.pk if article else None,
    )
