from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.models import Event

SEED_EVENT_SLUGS = [
    "pham-minh-chinh-receives-chen-gang-2025-02-18",
    "vu-dai-thang-meets-chen-gang-quang-ninh-2025-02-20",
    "pham-thanh-binh-meets-chen-gang-guangxi-2025-05-16",
]


class Command(BaseCommand):
    help = "Load the seed events once; later runs leave editors' changes alone."

    def handle(self, *args, **options) -> None:
        if Event.objects.filter(slug__in=SEED_EVENT_SLUGS).exists():
            self.stdout.write("Seed events already present; nothing loaded.")
            return
        call_command("loaddata", settings.SEED_FIXTURE, verbosity=0)
        # A fixture load bypasses the write paths: refresh what the pages read, as they would.
        call_command("link_names", stdout=self.stdout)
        call_command("refresh_comparisons", stdout=self.stdout)
        call_command("align_events", *SEED_EVENT_SLUGS, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(SEED_EVENT_SLUGS)} seed events."))
