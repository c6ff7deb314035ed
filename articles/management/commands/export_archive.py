import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from articles.archive_io.export import export_archive


class Command(BaseCommand):
    help = (
        "Write the whole archive (languages, outlets, the name register, events, articles with "
        "their images and name links, captures in base64, alignment corrections) as JSON "
        "Lines, drafts included: it is a backup. Derived data is left out and computed again "
        "by import_archive. The same archive always gives the same bytes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, metavar="FILE", help="write here instead of standard output"
        )

    def handle(self, *args, **options) -> None:
        output: Path | None = options["output"]
        if output is None:
            counts = export_archive(self.stdout, progress=sys.stderr)
        else:
            # Written beside the target and renamed at the end: a failed export never leaves
            # a file that looks complete.
            partial = output.with_name(output.name + ".partial")
            with partial.open("w", encoding="utf-8", newline="\n") as out:
                counts = export_archive(out, progress=sys.stderr)
            os.replace(partial, output)
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stderr.write(f"Exported {summary}.", self.style.SUCCESS)
