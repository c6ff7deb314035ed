from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.generation.archive import (
    ArchiveNotEmpty,
    Request,
    generate_archive,
    refresh_generated_events,
)
from articles.generation.marking import GENERATED_SITE
from articles.generation.sources import default_corpus, load_sources
from articles.management.commands.import_articles import default_jobs


class Command(BaseCommand):
    help = (
        "Benchmarks and demos only: fill the archive with N made-up articles (the same N and "
        "seed give the same archive), built from the seed captures and, when present, the "
        "NTREX-128 parallel sentences. Outlets are named 'Generated …' and every URL is under "
        f"{GENERATED_SITE}/. Events with 1-4 versions in id/en/sv/vi, dated 2015-2025. "
        "Name links are stored; comparisons and alignments are not: an event page computes and "
        "stores them on its first view (logging a warning) unless --refresh computes them now "
        "(slow: every event is aligned). Runs only with DEBUG on, or with --force."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, required=True, metavar="N")
        parser.add_argument("--seed", type=int, default=0, metavar="S")
        parser.add_argument(
            "--corpus",
            type=Path,
            default=default_corpus(),
            help="NTREX-128 jsonl (default: %(default)s); when missing, the seeds alone are used",
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="articles per transaction")
        parser.add_argument(
            "--jobs",
            type=int,
            default=default_jobs(),
            metavar="N",
            help="worker processes that compute search texts and name links while this one "
            "writes (default: the CPUs this process may use, %(default)s; 1 computes here)",
        )
        parser.add_argument(
            "--refresh", action="store_true", help="store comparisons and alignments"
        )
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "generate_archive writes made-up articles; with DEBUG off, pass --force."
            )
        if min(options["articles"], options["batch_size"], options["jobs"]) < 1:
            raise CommandError("--articles, --batch-size and --jobs must be 1 or more")
        sources = load_sources(corpus=options["corpus"])
        self.stdout.write(f"Generating from {sources.description}.")
        request = Request(
            options["articles"], options["seed"], sources, options["batch_size"], options["jobs"]
        )
        try:
            written = generate_archive(request)
        except ArchiveNotEmpty as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {written.articles} articles in {written.events} events from "
                f"{written.outlets} outlets, with {written.images} images and "
                f"{written.name_links} name links."
            )
        )
        if options["refresh"]:
            count = refresh_generated_events()
            self.stdout.write(self.style.SUCCESS(f"Refreshed {count} events."))
