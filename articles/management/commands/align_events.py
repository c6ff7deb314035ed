from django.core.management.base import BaseCommand, CommandParser

from articles.alignment.event_alignments import refresh_event_alignment
from articles.models import Event


class Command(BaseCommand):
    help = "Align the paragraphs of every event's language versions (only those that changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slugs", nargs="*", help="Only these events (default: all).")
        parser.add_argument("--force", action="store_true", help="Recompute even when current.")

    def handle(self, *args, slugs: list[str], force: bool, **options) -> None:
        events = Event.objects.order_by("pk")
        if slugs:
            events = events.filter(slug__in=slugs)
        total = events.count()
        for done, event in enumerate(events.iterator(), 1):
            alignment = refresh_event_alignment(event, force=force)
            self.stdout.write(f"[{done}/{total}] {event.slug}: {len(alignment.rows)} rows")
        self.stdout.write(self.style.SUCCESS(f"Aligned {total} events."))
