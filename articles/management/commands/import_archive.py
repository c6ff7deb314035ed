import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.archive_io.loading import ArchiveFileError, ArchiveNotEmpty, load_archive
from articles.models import Event
from articles.refresh import refresh_every_event


class Command(BaseCommand):
    help = (
        "Read a file written by export_archive into an empty archive (a freshly migrated "
        "database; its languages and name register are replaced by the file's), in one "
        "transaction: a bad line is reported with its number and nothing is written. Then "
        "store every event's comparison and alignment, unless --no-refresh."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--no-refresh",
            action="store_true",
            help="leave comparisons and alignments to each event page's first view (for large "
            "archives: refreshing aligns every event)",
        )

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        try:
            with path.open("rb") as stream:
                counts = load_archive(stream, size=path.stat().st_size, progress=sys.stderr)
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        except ArchiveFileError as exc:
            raise CommandError(f"{path}, {exc} (nothing was imported)") from exc
        except ArchiveNotEmpty as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {summary}."))
        if not options["no_refresh"]:
            refreshed = refresh_every_event(Event.objects.all(), progress=sys.stderr)
            self.stdout.write(self.style.SUCCESS(f"Refreshed {refreshed} events."))
