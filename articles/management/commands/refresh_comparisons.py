from django.core.management.base import BaseCommand

from articles.comparison import refresh_event_comparison
from articles.models import Event


class Command(BaseCommand):
    help = "Compute and store every event's comparison panel (after a deploy or register edit)."

    def handle(self, *args, **options) -> None:
        events = Event.objects.order_by("pk")
        facts = 0
        for event in events.iterator():
            facts += len(refresh_event_comparison(event).facts)
        self.stdout.write(self.style.SUCCESS(f"Compared {events.count()} events: {facts} facts."))
