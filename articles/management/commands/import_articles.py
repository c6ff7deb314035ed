import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.importing.files import iter_capture_paths
from articles.importing.grouping_step import group_results
from articles.importing.pipeline import Importer
from articles.importing.progress import ProgressBar
from articles.importing.records import ImportResult
from articles.models import Event


class Command(BaseCommand):
    help = (
        "Import captures (seed .txt files and saved .html/.htm pages, also gzipped) from files "
        "or folders. Each file is written whole in one transaction (new files many to a "
        "transaction), or not at all; failed files write nothing. "
        "On PostgreSQL a run does not wait for each commit to reach disk unless --durable is "
        "given: after a server crash, run it again (imports are idempotent)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="capture files or folders (recursive)")
        parser.add_argument("--language", help="language code for every file (no detection)")
        parser.add_argument("--event", metavar="SLUG", help="put every article into this event")
        parser.add_argument("--dry-run", action="store_true", help="show, write nothing")
        parser.add_argument("--json", action="store_true", help="print one JSON array")
        parser.add_argument("--group", action="store_true", help="propose events for articles")
        parser.add_argument(
            "--durable",
            action="store_true",
            help="wait for each commit to reach disk (PostgreSQL; slower)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=default_jobs(),
            metavar="N",
            help="worker processes that read and parse files while this one writes "
            "(default: the CPUs this process may use, %(default)s; 1 reads in this process)",
        )

    def handle(self, *args, **options) -> None:
        event = self._event(options["event"])
        if options["jobs"] < 1:
            raise CommandError("--jobs must be 1 or more")
        try:
            # A bulk run is re-runnable (imports are idempotent), so by default it does not
            # wait for each commit to reach disk: see store.relaxed_commits.
            importer = Importer(
                language=options["language"],
                event=event,
                dry_run=options["dry_run"],
                durable=options["durable"],
                jobs=options["jobs"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        paths = list(iter_capture_paths(options["paths"]))
        if not paths:
            raise CommandError("no capture files found (.txt, .html, .htm or .gz of those)")
        results = self._import_all(importer, paths)
        if options["group"]:
            group_results(results, dry_run=options["dry_run"])
        self._report(results, as_json=options["json"], dry_run=options["dry_run"])
        if any(r.status == "error" for r in results):
            raise SystemExit(1)

    def _event(self, slug: str | None) -> Event | None:
        if slug is None:
            return None
        try:
            return Event.objects.get(slug=slug)
        except Event.DoesNotExist as exc:
            raise CommandError(f"no event with slug {slug!r}") from exc

    def _import_all(self, importer: Importer, paths: list[Path]) -> list[ImportResult]:
        progress = ProgressBar(len(paths))
        results = []
        for path, result in zip(paths, importer.import_paths(paths), strict=True):
            results.append(result)
            progress.advance(path.name)
        progress.close()
        return results

    def _report(self, results: list[ImportResult], *, as_json: bool, dry_run: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps([r.as_json() for r in results], ensure_ascii=False))
        else:
            for result in results:
                self.stdout.write(self._line(result))
        counts = {s: sum(r.status == s for r in results) for s in ("new", "update", "unchanged")}
        failed = sum(r.status == "error" for r in results)
        summary = (
            f"{'Dry run: ' if dry_run else ''}{counts['new']} new, {counts['update']} updated, "
            f"{counts['unchanged']} unchanged, {failed} failed"
        )
        # With --json the array alone goes to stdout so it can be piped.
        stream = self.stderr if as_json else self.stdout
        stream.write(self.style.ERROR(summary) if failed else self.style.SUCCESS(summary))
        for result in results:
            if result.status == "error" and as_json:
                self.stderr.write(f"{result.file}: {result.error}")

    def _line(self, result: ImportResult) -> str:
        if result.status == "error":
            return self.style.ERROR(f"error      {result.file}: {result.error}")
        record = result.record
        language, title = (record.language, record.title[:70]) if record else ("", "")
        group = f" -> {result.group}" if result.group else ""
        return f"{result.status:<10} {result.file} [{language}] {title}{group}"


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
